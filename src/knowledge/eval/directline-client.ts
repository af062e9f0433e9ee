/** One bot message as the citizen's client receives it. */
export interface BotMessage {
  text: string;
  buttons: string[];
  channelData: Record<string, unknown> | null;
}

/** A conversation over Direct Line 3.0 with the server-to-server secret, turn by turn. */
export interface DirectLineConversation {
  id: string;
  /** Sends one message and returns the bot's messages in reply. */
  say(text: string): Promise<BotMessage[]>;
}

type Activity = Record<string, unknown>;

function botMessages(activities: Activity[]): BotMessage[] {
  return activities
    .filter((a) => (a.from as { role?: string } | undefined)?.role === 'bot' && a.type === 'message')
    .map((a) => ({
      text: String(a.text ?? ''),
      buttons: ((a.suggestedActions as { actions?: Array<{ title: string }> } | undefined)?.actions ?? []).map(
        (b) => b.title,
      ),
      channelData: (a.channelData as Record<string, unknown> | undefined) ?? null,
    }));
}

/** Starts a conversation on the server at `baseUrl` (the greeting turn is read and dropped). */
export async function startConversation(baseUrl: string, secret: string): Promise<DirectLineConversation> {
  const base = `${baseUrl}/v3/directline`;
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const started = await fetch(`${base}/conversations`, { method: 'POST', headers, body: '{}' });
  if (!started.ok) throw new Error(`Direct Line: starting a conversation failed (${started.status})`);
  const { conversationId } = (await started.json()) as { conversationId: string };
  let watermark = '0';
  const read = async (): Promise<Activity[]> => {
    const res = await fetch(`${base}/conversations/${conversationId}/activities?watermark=${watermark}`, { headers });
    const set = (await res.json()) as { activities: Activity[]; watermark: string };
    watermark = set.watermark;
    return set.activities;
  };
  await read();
  return {
    id: conversationId,
    async say(text) {
      const res = await fetch(`${base}/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', from: { id: 'eval-user' }, text }),
      });
      if (!res.ok) throw new Error(`Direct Line: sending failed (${res.status})`);
      return botMessages(await read());
    },
  };
}
