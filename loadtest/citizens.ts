import { randomUUID } from 'node:crypto';
import type { FakeZalo, SentMessage } from './fake-zalo';
import { signWebhook } from './fake-zalo';

/** What the server said about one message a citizen sent. */
export interface SayResult {
  /** The server acknowledged the message (2xx): Direct Line returned an id, the webhook answered 200. */
  acked: boolean;
  /** The activity id the server's ticket key is built from (Direct Line server id, Zalo msg_id). */
  activityId?: string;
  /** The bot's reply texts that arrived for this message (until `expect` matched or the wait ended). */
  replies: string[];
  /** A reply contained the expected text. */
  matched: boolean;
  /** Milliseconds from sending the message to seeing the expected reply (set when it matched). */
  latencyMs?: number;
}

/** A citizen in one conversation on one channel. */
export interface Citizen {
  channel: 'directline' | 'zalo';
  /** The conversation id tickets record (`origin_conversation_id`). */
  conversationId: string;
  /** Sends a message and waits (up to `waitMs`) for a reply containing `expect`. */
  say(text: string, expect: string, waitMs: number): Promise<SayResult>;
}

/** Retries a request that found no server (killed or restarting) until it gets an HTTP answer or time runs out. */
export async function untilAnswered(
  send: () => Promise<Response>,
  deadline: number,
): Promise<Response | null> {
  for (;;) {
    try {
      return await send();
    } catch {
      if (Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Direct Line conversation opened with the server-to-server secret. */
export class DirectLineCitizen implements Citizen {
  readonly channel = 'directline';
  private watermark = '0';
  /** Every bot message read so far. */
  readonly log: string[] = [];

  private constructor(
    /** The server a request goes to: every call may answer another replica (no stickiness). */
    private readonly server: () => string,
    private readonly secret: string,
    readonly conversationId: string,
  ) {}

  private get base(): string {
    return `${this.server()}/v3/directline`;
  }

  /**
   * Starts a conversation (the bot greets) and returns its citizen. `url` is the server, or a function naming the
   * server of each request (round-robin over replicas).
   */
  static async open(
    url: string | (() => string),
    secret: string,
    deadline: number,
  ): Promise<DirectLineCitizen> {
    const server = typeof url === 'string' ? () => url : url;
    const res = await untilAnswered(
      () =>
        fetch(`${server()}/v3/directline/conversations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: '{}',
        }),
      deadline,
    );
    if (!res || res.status >= 300) throw new Error(`Direct Line conversation refused: ${res?.status}`);
    const { conversationId } = (await res.json()) as { conversationId: string };
    const citizen = new DirectLineCitizen(server, secret, conversationId);
    await citizen.read();
    return citizen;
  }

  private headers() {
    return { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' };
  }

  /** The bot messages after the last watermark. */
  async read(): Promise<string[]> {
    const res = await fetch(
      `${this.base}/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
      {
        headers: this.headers(),
      },
    );
    if (res.status !== 200) return [];
    const set = (await res.json()) as { activities: Array<Record<string, unknown>>; watermark: string };
    this.watermark = set.watermark;
    const texts = set.activities
      .filter((a) => (a.from as { role?: string }).role === 'bot' && a.type === 'message')
      .map((a) => String(a.text ?? ''));
    this.log.push(...texts);
    return texts;
  }

  async say(text: string, expect: string, waitMs: number): Promise<SayResult> {
    const deadline = Date.now() + waitMs;
    const sent = performance.now();
    // The same clientActivityID on every retry: the server must not run a retried message twice.
    const body = JSON.stringify({ type: 'message', text, channelData: { clientActivityID: randomUUID() } });
    const path = `/conversations/${this.conversationId}/activities`;
    let res: Response | null;
    for (;;) {
      // Each attempt asks for the server again: a retry after a refused connection reaches another replica.
      res = await untilAnswered(
        () => fetch(`${this.base}${path}`, { method: 'POST', headers: this.headers(), body }),
        deadline,
      );
      // A server killed mid-request, or answering 503 while it shuts down: a client retries.
      if (!res || res.status < 500 || Date.now() > deadline) break;
      await sleep(200);
    }
    if (!res || res.status >= 300) return { acked: false, replies: [], matched: false };
    const { id } = (await res.json()) as { id: string };
    const replies: string[] = [];
    do {
      replies.push(...(await this.read().catch(() => [])));
      if (replies.some((r) => r.includes(expect)))
        return { acked: true, activityId: id, replies, matched: true, latencyMs: performance.now() - sent };
      await sleep(100);
    } while (Date.now() < deadline);
    return { acked: true, activityId: id, replies, matched: false };
  }
}

/** The Zalo side of the suite: the OA's identity and secrets, the fake Zalo and the server's webhook URL. */
export interface ZaloLink {
  appId: string;
  oaId: string;
  signatureSecret: string;
  webhookUrl: () => string;
  fake: FakeZalo;
}

/** A Zalo user writing to the OA: webhook events signed as Zalo signs them, replies read at the fake Zalo. */
export class ZaloCitizen implements Citizen {
  readonly channel = 'zalo';
  private seen = 0;
  /** Every webhook body this citizen sent, by msg_id (to redeliver them as Zalo does). */
  readonly delivered = new Map<string, string>();

  constructor(
    private readonly link: ZaloLink,
    private readonly inbox: ZaloInbox,
    readonly conversationId: string,
  ) {}

  /** Builds a signed `user_send_text` body. */
  event(text: string, msgId: string): string {
    return JSON.stringify({
      app_id: this.link.appId,
      user_id_by_app: `app-${this.conversationId}`,
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: this.conversationId },
      recipient: { id: this.link.oaId },
      message: { msg_id: msgId, text },
    });
  }

  /** Posts a webhook body (a first delivery or a redelivery); true when the server answered 200. */
  async post(body: string, deadline: number): Promise<boolean> {
    const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
    const headers = {
      'content-type': 'application/json',
      'x-zevent-signature': signWebhook(body, this.link.appId, timestamp, this.link.signatureSecret),
    };
    for (;;) {
      const res = await untilAnswered(
        () => fetch(this.link.webhookUrl(), { method: 'POST', headers, body }),
        deadline,
      );
      if (res && res.status === 200) return true;
      // No answer or a 5xx: Zalo retries the same event later.
      if (!res || res.status >= 500) {
        if (Date.now() > deadline) return false;
        await sleep(300);
        continue;
      }
      return false;
    }
  }

  async say(text: string, expect: string, waitMs: number): Promise<SayResult> {
    const deadline = Date.now() + waitMs;
    const msgId = randomUUID().replace(/-/g, '').slice(0, 24);
    const body = this.event(text, msgId);
    this.delivered.set(msgId, body);
    const sent = performance.now();
    const acked = await this.post(body, deadline);
    if (!acked) return { acked, replies: [], matched: false };
    const replies = await this.inbox.waitFor(this.conversationId, this.seen, expect, deadline);
    this.seen += replies.length;
    const matched = replies.some((r) => r.includes(expect));
    return {
      acked,
      activityId: msgId,
      replies,
      matched,
      ...(matched ? { latencyMs: performance.now() - sent } : {}),
    };
  }
}

/** The fake Zalo's sends grouped by user, with waiters woken on every send. */
export class ZaloInbox {
  private readonly byUser = new Map<string, string[]>();
  private readonly waiters = new Map<string, () => void>();

  constructor(fake: FakeZalo) {
    fake.onSend = (m: SentMessage) => {
      const list = this.byUser.get(m.userId) ?? [];
      list.push(m.text ?? '');
      this.byUser.set(m.userId, list);
      this.waiters.get(m.userId)?.();
    };
  }

  /** Every text sent to the user so far. */
  sentTo(userId: string): string[] {
    return this.byUser.get(userId) ?? [];
  }

  /** Waits until a text after index `from` contains `expect`, or the deadline; returns the texts after `from`. */
  async waitFor(userId: string, from: number, expect: string, deadline: number): Promise<string[]> {
    for (;;) {
      const after = this.sentTo(userId).slice(from);
      if (after.some((t) => t.includes(expect)) || Date.now() > deadline) return after;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(1000, Math.max(1, deadline - Date.now())));
        this.waiters.set(userId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters.delete(userId);
    }
  }
}
