import type { Queryable } from '../../db/database';
import { maskPins } from '../../text/pin-mask';

/** One message of a conversation as agency staff read it on the case page. */
export interface TranscriptLine {
  at: Date;
  from: 'citizen' | 'bot';
  text: string;
  /** Number of files or images the message carried. */
  attachments: number;
}

/** How far before a Zalo ticket's creation its transcript starts (a Zalo chat with the OA never ends). */
const ZALO_LOOKBACK_MS = 6 * 3600_000;

/** Messages of a web-chat conversation (every activity Direct Line stored), oldest first. */
async function directLine(db: Queryable, conversationId: string, limit: number): Promise<TranscriptLine[]> {
  const r = await db.query<{ at: Date; role: string | null; text: string | null; attachments: number }>(
    `SELECT created_at AS at, activity->'from'->>'role' AS role, activity->>'text' AS text,
            COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(activity->'attachments') = 'array'
                                             THEN activity->'attachments' END), 0) AS attachments
     FROM directline_activity
     WHERE conversation_id = $1 AND activity->>'type' = 'message'
     ORDER BY seq LIMIT $2`,
    [conversationId, limit],
  );
  return r.rows.map((row) => ({
    at: row.at,
    from: row.role === 'bot' ? 'bot' : 'citizen',
    text: row.text ?? '',
    attachments: row.attachments,
  }));
}

/** A Zalo user's messages and the OA's replies around a ticket, oldest first. */
async function zalo(db: Queryable, userId: string, since: Date, limit: number): Promise<TranscriptLine[]> {
  const r = await db.query<{ at: Date; from: 'citizen' | 'bot'; text: string | null; attachments: number }>(
    `SELECT * FROM (
       SELECT received_at AS at, 'citizen' AS "from", payload->'message'->>'text' AS text,
              COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(payload->'message'->'attachments') = 'array'
                                               THEN payload->'message'->'attachments' END), 0) AS attachments
       FROM zalo_inbound_events
       WHERE user_id = $1 AND received_at >= $2 AND event_name LIKE 'user_send_%'
       UNION ALL
       SELECT sent_at, 'bot', text, 0 FROM zalo_sent_messages WHERE user_id = $1 AND sent_at >= $2
     ) m ORDER BY at LIMIT $3`,
    [userId, since, limit],
  );
  return r.rows.map((row) => ({ ...row, text: row.text ?? '' }));
}

/** The conversation a ticket came from, on its channel; null for channels that keep no transcript (Open311). */
export async function conversationTranscript(
  db: Queryable,
  origin: { channel: string; conversationId: string; createdAt: Date },
  limit = 300,
): Promise<TranscriptLine[] | null> {
  if (origin.channel === 'directline') return directLine(db, origin.conversationId, limit);
  if (origin.channel === 'zalo') {
    const since = new Date(origin.createdAt.getTime() - ZALO_LOOKBACK_MS);
    return zalo(db, origin.conversationId, since, limit);
  }
  return null;
}

/** A ticket as its transcript needs it: where it came from and its tracking code. */
export interface TranscriptTicket {
  channel: string;
  conversationId: string;
  createdAt: Date;
  trackingCode: string;
}

/**
 * The part of the conversation that belongs to one ticket, PINs masked: from just after the previous ticket's
 * receipt to this ticket's receipt (the bot's message naming its tracking code). A citizen who files a complaint
 * and later a denunciation in the same chat must not show the second to the first one's agency.
 */
export async function ticketTranscript(
  db: Queryable,
  ticket: TranscriptTicket,
): Promise<TranscriptLine[] | null> {
  const lines = await conversationTranscript(db, ticket, 1000);
  if (!lines) return null;
  const { rows } = await db.query<{ tracking_code: string }>(
    `SELECT tracking_code FROM tickets WHERE origin_channel = $1 AND origin_conversation_id = $2
      ORDER BY created_at, tracking_code`,
    [ticket.channel, ticket.conversationId],
  );
  const codes = rows.map((r) => r.tracking_code);
  return ticketWindow(lines, codes, ticket.trackingCode).map((l) => ({ ...l, text: maskPins(l.text) }));
}

/** Pure part of ticketTranscript: `codes` are the origin's tickets, oldest first; `code` is the ticket shown. */
export function ticketWindow(lines: TranscriptLine[], codes: string[], code: string): TranscriptLine[] {
  const receipt = (c: string) => lines.findIndex((l) => l.from === 'bot' && l.text.includes(c));
  const mine = receipt(code);
  const position = codes.indexOf(code);
  const others = codes.filter((c) => c !== code).map((c) => ({ c, at: receipt(c) }));
  let start = 0;
  let end = lines.length - 1;
  for (const { c, at } of others) {
    if (at < 0) continue;
    // Without our own receipt, tickets filed before us bound the start and tickets filed after bound the end.
    const before = mine >= 0 ? at < mine : codes.indexOf(c) < position;
    if (before) start = Math.max(start, at + 1);
    else end = Math.min(end, at - 1);
  }
  if (mine >= 0) end = Math.min(end, mine);
  return lines.slice(start, end + 1);
}
