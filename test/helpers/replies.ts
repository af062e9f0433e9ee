/** One bot message as a citizen sees it: its text and its buttons. */
export interface Reply {
  text: string;
  buttons: string[];
}

/** The bot's messages among activities (typing and other events left out), as citizens see them. */
export function messageReplies(activities: Array<Record<string, unknown>>): Reply[] {
  return activities
    .filter((a) => a.type === 'message')
    .map((a) => ({
      text: String(a.text ?? ''),
      buttons: (
        (a.suggestedActions as { actions?: Array<{ title: string }> } | undefined)?.actions ?? []
      ).map((b) => b.title),
    }));
}

/** All reply texts joined, for substring assertions. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => r.text).join('\n');
}

/** The buttons of the last reply (the prompt waiting for an answer). */
export function buttonsOf(replies: Reply[]): string[] {
  return replies.at(-1)?.buttons ?? [];
}
