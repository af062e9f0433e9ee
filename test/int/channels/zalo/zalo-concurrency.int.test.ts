import type { ZaloConversationHandler } from '../../../../src/channels/zalo/zalo.inbound.job';
import { eventDedupeKey, eventUserId, zaloEventSchema } from '../../../../src/channels/zalo/zalo.events';
import { ManualClock, zaloChannelUnderTest, zaloTestConfig } from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

// A province's citizens write at once: one citizen's slow turn must not hold the others back, and each citizen's
// messages must still reach the dialog in the order they were written.
describe('Zalo inbound events across users', () => {
  const clock = new ManualClock(new Date('2026-11-20T03:00:00Z'));
  const zcfg = zaloTestConfig('http://127.0.0.1:9', { inboundConcurrency: 4 });
  const log: string[] = [];
  let releaseSlow: () => void = () => undefined;
  const otherStarted = new Promise<void>((resolve) => (releaseSlow = resolve));
  const handler: ZaloConversationHandler = {
    async handle(inbound) {
      const id = (inbound as { messageId?: string }).messageId ?? inbound.kind;
      log.push(`start ${id}`);
      if (id === 'slow-1') {
        // Finishes only once another user's event has started beside it (or gives up after 3 s).
        const waited = await Promise.race([
          otherStarted.then(() => 'joined'),
          new Promise((r) => setTimeout(() => r('alone'), 3000)),
        ]);
        log.push(`slow-1 ${String(waited)}`);
      } else releaseSlow();
      log.push(`end ${id}`);
    },
  };

  it("when one user's turn is slow, then another user's event runs beside it, and each user's stay in order", async () => {
    const zalo = await zaloChannelUnderTest({ config: zcfg, handler: () => handler, clock });
    try {
      const at = clock.now().getTime();
      const other = { sender: { id: '777000111' } };
      // Stored as the webhook stores them, all three before the worker's pass (the webhook would kick it at once).
      for (const e of [
        fx.textEvent('một', at, 'slow-1'),
        fx.textEvent('hai', at, 'slow-2'),
        { ...fx.textEvent('khác', at, 'other-1'), ...other },
      ]) {
        const parsed = zaloEventSchema.parse(e);
        await zalo.channel.repo.insertEvent(eventDedupeKey(parsed), parsed, eventUserId(parsed), clock.now());
      }
      await zalo.processEvents();
      expect(log).toContain('slow-1 joined');
      expect(log.indexOf('end slow-1')).toBeLessThan(log.indexOf('start slow-2'));
      expect(log.filter((l) => l.startsWith('end'))).toHaveLength(3);
      const counts = await zalo.channel.repo.countByStatus();
      expect(counts).toEqual({ done: 3 });
    } finally {
      await zalo.stop();
    }
  });
});
