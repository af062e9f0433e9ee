import type { Express } from 'express';
import type { ZaloChannel } from '../../../../src/channels/zalo/zalo.channel';
import { eventDedupeKey, eventUserId, zaloEventSchema } from '../../../../src/channels/zalo/zalo.events';
import type { ZaloConversationHandler } from '../../../../src/channels/zalo/zalo.inbound.job';
import { ManualClock, postZaloWebhook, zaloChannelUnderTest, zaloTestConfig } from '../../../helpers/zalo';
import * as fx from '../../../fixtures/zalo-events';

// Found by the load and fault suite (npm run loadtest): after a kill -9, the event the dead process had claimed
// waited for its lease while the citizen's next message was processed first, against the wrong dialog step.
describe('Zalo inbound events across a crash', () => {
  let app: Express;
  let channel: ZaloChannel;
  let zalo: Awaited<ReturnType<typeof zaloChannelUnderTest>>;
  const clock = new ManualClock(new Date('2026-11-20T03:00:00Z'));
  const zcfg = zaloTestConfig('http://127.0.0.1:9');
  const handled: string[] = [];
  const handler: ZaloConversationHandler = {
    async handle(inbound) {
      handled.push((inbound as { messageId?: string }).messageId ?? inbound.kind);
    },
  };

  beforeAll(async () => {
    zalo = await zaloChannelUnderTest({ config: zcfg, handler: () => handler, clock });
    ({ channel, app } = zalo);
  });
  afterAll(async () => {
    await zalo.stop();
  });

  const post = (event: object & { timestamp: string }) => postZaloWebhook(app, zcfg, event).expect(200);

  const deadReplicaClaims = async (event: ReturnType<typeof fx.textEvent>) => {
    const parsed = zaloEventSchema.parse(event);
    await channel.repo.insertEvent(eventDedupeKey(parsed), parsed, eventUserId(parsed), clock.now());
    expect(await channel.repo.claimDue(clock.now(), 60_000, 10)).toHaveLength(1);
  };

  it("when a process died holding a user's event, then that user's later event waits and both run in order", async () => {
    // Another process stored and claimed the event, then was killed before finishing: its lease must run out.
    await deadReplicaClaims(fx.textEvent('Gửi phản ánh', clock.now().getTime(), 'crash-a'));
    await post(fx.textEvent('Đường ngập ở phường Hạc Thành', clock.now().getTime(), 'crash-b'));
    await zalo.processEvents();
    expect(handled).toEqual([]);

    clock.advance(61_000);
    await zalo.processEvents();
    expect(handled).toEqual(['crash-a', 'crash-b']);
  });

  it("when another user has a stuck event, then this user's events are not held back", async () => {
    const other = { ...fx.textEvent('xin chào', clock.now().getTime(), 'stuck-x'), sender: { id: '999' } };
    await deadReplicaClaims(other);
    await post(fx.textEvent('cảm ơn', clock.now().getTime(), 'free-c'));
    await zalo.processEvents();
    expect(handled).toContain('free-c');
    expect(handled).not.toContain('stuck-x');
  });
});
