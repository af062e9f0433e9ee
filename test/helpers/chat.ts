import { messageReplies, type Reply } from './replies';
import { TEST_DIRECT_LINE_SECRET, type WebChatServer } from './webchat';

export { buttonsOf, textOf, type Reply } from './replies';

/** A conversation driven over real HTTP through the Direct Line adapter, turn by turn. */
export interface Chat {
  conversationId: string;
  userId: string;
  /** Sends a message (optionally with extra activity fields) and returns the bot's replies to it. */
  say(text: string, extra?: Record<string, unknown>): Promise<Reply[]>;
  /** The replies of the greeting turn. */
  greeting: Reply[];
  /** Bot messages that arrived since the last read without the citizen saying anything (proactive messages). */
  poll(): Promise<Reply[]>;
}

/** Starts a conversation with the server-to-server secret and returns a driver for it. */
export async function startChat(server: WebChatServer): Promise<Chat> {
  const base = `${server.url}/v3/directline`;
  const auth = { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' };
  const started = (await (
    await fetch(`${base}/conversations`, { method: 'POST', headers: auth, body: '{}' })
  ).json()) as {
    conversationId: string;
  };
  const conversationId = started.conversationId;
  let watermark = '0';
  const read = async (): Promise<Array<Record<string, unknown>>> => {
    const res = await fetch(`${base}/conversations/${conversationId}/activities?watermark=${watermark}`, {
      headers: auth,
    });
    const set = (await res.json()) as { activities: Array<Record<string, unknown>>; watermark: string };
    watermark = set.watermark;
    return set.activities;
  };
  const botReplies = (activities: Array<Record<string, unknown>>): Reply[] =>
    messageReplies(activities.filter((a) => (a.from as { role?: string }).role === 'bot'));
  const first = await read();
  const userId = String((first[0]?.recipient as { id: string }).id);
  return {
    conversationId,
    userId,
    greeting: botReplies(first),
    async say(text, extra = {}) {
      const res = await fetch(`${base}/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type: 'message', text, ...extra }),
      });
      if (res.status !== 200) throw new Error(`POST failed: ${res.status} ${await res.text()}`);
      return botReplies(await read());
    },
    async poll() {
      return botReplies(await read());
    },
  };
}
