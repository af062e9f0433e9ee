import WebSocket from 'ws';

/** One bot message as the stream delivered it. */
interface BotMessage {
  text: string;
  buttons: string[];
}

interface ActivitySet {
  activities?: Array<{
    type?: string;
    text?: string;
    from?: { role?: string };
    suggestedActions?: { actions?: Array<{ title: string }> };
  }>;
}

/** Times of one turn: until the first bot message (the answer) and until the turn's closing prompt. */
export interface TurnTiming {
  answerMs: number;
  turnMs: number;
  /** The closing prompt offered to forward the question (no grounded answer). */
  ungrounded: boolean;
}

/**
 * A Direct Line 3.0 conversation as botframework-directlinejs drives it: start with the secret, open the
 * WebSocket `streamUrl`, post activities with the conversation token, read the bot's activities off the stream.
 */
export class DirectLineConversation {
  private readonly inbox: BotMessage[] = [];
  private waiter: (() => void) | undefined;
  private posted = 0;

  private constructor(
    /** Direct Line bases the posts rotate over (one per replica; the stream stays where it was opened). */
    private readonly bases: readonly string[],
    private readonly conversationId: string,
    private readonly token: string,
    private readonly ws: WebSocket,
  ) {
    ws.on('message', (data) => this.receive(String(data)));
  }

  /**
   * Starts a conversation on `url`, connects its stream there and waits for the greeting to finish. With
   * `postTo` (every replica's URL), each post goes to the next replica in turn: no stickiness, the reply reaches
   * the stream through the database.
   */
  static async start(
    url: string,
    secret: string,
    postTo: readonly string[] = [url],
  ): Promise<DirectLineConversation> {
    const base = `${url}/v3/directline`;
    const res = await fetch(`${base}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) throw new Error(`start conversation: HTTP ${res.status}`);
    const grant = (await res.json()) as { conversationId: string; token: string; streamUrl: string };
    const ws = new WebSocket(grant.streamUrl);
    // Listen before 'open': the replayed greeting can arrive in the same read as the upgrade response.
    const conversation = new DirectLineConversation(
      postTo.map((u) => `${u}/v3/directline`),
      grant.conversationId,
      grant.token,
      ws,
    );
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await conversation.untilPrompt();
    return conversation;
  }

  private receive(frame: string): void {
    if (!frame.trim()) return; // keep-alive
    const set = JSON.parse(frame) as ActivitySet;
    for (const a of set.activities ?? []) {
      if (a.type !== 'message' || a.from?.role !== 'bot') continue;
      this.inbox.push({
        text: a.text ?? '',
        buttons: (a.suggestedActions?.actions ?? []).map((b) => b.title),
      });
    }
    this.waiter?.();
  }

  private async next(timeoutMs = 30_000): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length === 0) {
      if (Date.now() > deadline) throw new Error('no bot message in time');
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 1_000);
      });
    }
    return this.inbox.shift()!;
  }

  /** Reads bot messages until one carries buttons (every turn of this bot ends on a menu or a choice). */
  private async untilPrompt(): Promise<BotMessage> {
    for (;;) {
      const m = await this.next();
      if (m.buttons.length > 0) return m;
    }
  }

  /** Posts a user message with the conversation token. */
  async post(text: string): Promise<void> {
    const base = this.bases[this.posted++ % this.bases.length]!;
    const res = await fetch(`${base}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'bench-user' }, text }),
    });
    if (!res.ok) throw new Error(`post activity: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }

  /** One question→answer turn; an offer to forward (no grounded answer) is declined, outside the timing. */
  async turn(question: string, decline: { offer: string; no: string }): Promise<TurnTiming> {
    const started = performance.now();
    await this.post(question);
    await this.next();
    const answerMs = performance.now() - started;
    const closing = await this.untilPrompt();
    const turnMs = performance.now() - started;
    const ungrounded = closing.buttons.includes(decline.offer);
    if (ungrounded) {
      await this.post(decline.no);
      await this.untilPrompt();
    }
    return { answerMs, turnMs, ungrounded };
  }

  /** Closes the stream. */
  close(): void {
    this.ws.close();
  }
}
