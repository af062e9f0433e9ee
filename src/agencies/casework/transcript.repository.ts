import type { Queryable } from '../../db/database';

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
