import { computeZaloSignature } from '../src/channels/zalo/zalo.signature';
import { vi } from '../src/i18n/strings.vi';
import type { FakeZalo, SentMessage } from '../test/helpers/fake-zalo';
import type { ZaloIdentity } from './channels.bench';
import { DirectLineConversation } from './directline.driver';
import { closedLoop, type LoadFigures } from './load';
import { ratio } from './stats';

/** One concurrency level: Direct Line and Zalo turns on the same server with the same questions, back to back. */
export interface ZaloTurnLevel {
  concurrency: number;
  directLine: LoadFigures;
  zalo: LoadFigures;
  /** Zalo turns/s ÷ Direct Line turns/s (target ≥ 0.8). */
  zaloOverDirectLine: number;
  /** Zalo answer p99 ÷ Direct Line answer p99. */
  zaloOverDirectLineP99: number;
}

/** The Zalo-turns section: each level's pair of runs. */
export interface ZaloTurnsSection {
  levels: ZaloTurnLevel[];
}

// Every turn of this bot ends on a menu or a choice, which Zalo shows as a numbered list.
const CLOSING = /\n\n1\. /;
const OFFER = `. ${vi.bot.ask.forwardYes}`;
const DECLINE = { offer: vi.bot.ask.forwardYes, no: vi.bot.no };

/** The fake OA's sends, by user, with one waiter per user woken on each send. */
class ZaloSends {
  private readonly byUser = new Map<string, string[]>();
  private readonly waiters = new Map<string, () => void>();

  constructor(fake: FakeZalo) {
    const before = fake.onSend;
    fake.onSend = (m: SentMessage) => {
      before?.(m);
      this.byUser.set(m.userId, [...(this.byUser.get(m.userId) ?? []), m.text ?? '']);
      this.waiters.get(m.userId)?.();
    };
  }

  /** The `n`-th text sent to the user (0-based), waiting for it up to `timeoutMs`. */
  async nth(userId: string, n: number, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.byUser.get(userId)?.[n];
      if (text !== undefined) return text;
      if (Date.now() > deadline) throw new Error('no Zalo reply in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        this.waiters.set(userId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.delete(userId);
    }
  }
}

/**
 * A Zalo user asking the bot questions end to end: a signed `user_send_text` webhook, the turn on the server,
 * the reply sent to the fake OA API (the answer, then the closing prompt).
 */
class ZaloAsker {
  private read = 0;
  private posted = 0;

  constructor(
    private readonly url: string,
    private readonly zalo: ZaloIdentity,
    private readonly sends: ZaloSends,
    readonly userId: string,
  ) {}

  private async post(text: string): Promise<void> {
    const body = JSON.stringify({
      app_id: this.zalo.appId,
      user_id_by_app: `app${this.userId}`,
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: this.userId },
      recipient: { id: this.zalo.oaId },
      message: { msg_id: `bz${this.userId}x${++this.posted}x${Date.now()}`, text },
    });
    const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
    const signature = computeZaloSignature({
      appId: this.zalo.appId,
      rawBody: Buffer.from(body),
      timestamp,
      secret: this.zalo.secret,
    });
    const res = await fetch(`${this.url}/channels/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook: HTTP ${res.status}`);
  }

  private async untilClosing(): Promise<string> {
    for (;;) {
      const text = await this.sends.nth(this.userId, this.read++);
      if (CLOSING.test(text)) return text;
    }
  }

  /** One question→answer turn, timed to the first reply at the fake OA; an offer to forward is declined untimed. */
  async turn(question: string): Promise<number> {
    const started = performance.now();
    await this.post(question);
    await this.sends.nth(this.userId, this.read);
    const answerMs = performance.now() - started;
    const closing = await this.untilClosing();
    if (closing.includes(OFFER)) {
      await this.post(DECLINE.no);
      await this.untilClosing();
    }
    return answerMs;
  }
}

/** What the section needs: the QA server (Direct Line and Zalo webhook), its secret and the fake OA. */
export interface ZaloTurnServers {
  url: string;
  secret: string;
  zalo: ZaloIdentity;
  fake: FakeZalo;
}

/**
 * Zalo inbound turns against Direct Line turns on the same server with the same questions, end to end on both:
 * Direct Line from the POST of the question to the answer on the WebSocket stream, Zalo from the signed webhook to
 * the answer at the fake OA API. At each concurrency the two run back to back, closed loop, after one warm-up
 * turn per conversation.
 */
export async function benchZaloTurns(
  servers: ZaloTurnServers,
  plan: { levels: readonly number[]; durationMs: number; questions: readonly string[] },
): Promise<ZaloTurnsSection> {
  const max = Math.max(...plan.levels);
  const sends = new ZaloSends(servers.fake);
  const askers = Array.from(
    { length: max },
    (_, i) => new ZaloAsker(servers.url, servers.zalo, sends, String(7700000000000 + i)),
  );
  const convs: DirectLineConversation[] = [];
  for (let i = 0; i < max; i++) convs.push(await DirectLineConversation.start(servers.url, servers.secret));
  const q = (w: number, n: number) => plan.questions[(w * 7 + n) % plan.questions.length]!;
  await Promise.all(convs.map((c, i) => c.turn(q(i, 0), DECLINE)));
  await Promise.all(askers.map((a, i) => a.turn(q(i, 0))));
  const levels: ZaloTurnLevel[] = [];
  for (const concurrency of plan.levels) {
    const directLine = await closedLoop(
      concurrency,
      plan.durationMs,
      async (w, n) => (await convs[w]!.turn(q(w, n), DECLINE)).answerMs,
    );
    const zalo = await closedLoop(concurrency, plan.durationMs, (w, n) => askers[w]!.turn(q(w, n)));
    levels.push({
      concurrency,
      directLine,
      zalo,
      zaloOverDirectLine: ratio(zalo.throughput, directLine.throughput),
      zaloOverDirectLineP99: ratio(zalo.latency.p99, directLine.latency.p99),
    });
  }
  for (const c of convs) c.close();
  return { levels };
}
