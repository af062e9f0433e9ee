import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/connect';
import type { Database } from '../src/db/database';
import { createLogger } from '../src/logger';
import type { FiledFeedback } from './feedback-load';
import { firstTrackingCode } from './feedback-load';

/** One invariant and whether it held. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Opens the stopped server's database: its folder, or the Postgres database its replicas share. */
export async function openStoppedDatabase(where: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<Database> {
  const env = where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : { DATA_DIR: where.dataDir };
  return openDatabase(loadConfig(env), createLogger('silent'));
}

/** Outbound texts per conversation as the citizens saw them: Direct Line from the database, Zalo at the fake. */
export type OutboundTexts = Map<string, string[]>;

interface TicketRow {
  tracking_code: string;
  description: string;
  origin_channel: string;
  idempotency_key: string;
  outbox_sent: number;
  outbox_open: number;
}

async function ticketsOf(db: Database, conversations: string[]): Promise<TicketRow[]> {
  const r = await db.query<TicketRow>(
    `SELECT t.tracking_code, t.description, t.origin_channel, t.idempotency_key,
            count(o.id) FILTER (WHERE o.status = 'sent')::int AS outbox_sent,
            count(o.id) FILTER (WHERE o.status <> 'sent')::int AS outbox_open
       FROM tickets t LEFT JOIN outbox o ON o.ticket_id = t.id
      WHERE t.origin_conversation_id = ANY($1) GROUP BY t.id`,
    [conversations],
  );
  return r.rows;
}

/** Bot messages stored in the given Direct Line conversations, by conversation. */
export async function directLineTexts(db: Database, conversations: string[]): Promise<OutboundTexts> {
  const r = await db.query<{ conversation_id: string; text: string }>(
    `SELECT conversation_id, coalesce(activity->>'text', '') AS text FROM directline_activity
      WHERE conversation_id = ANY($1) AND activity->'from'->>'role' = 'bot' ORDER BY conversation_id, seq`,
    [conversations],
  );
  const out: OutboundTexts = new Map();
  for (const row of r.rows) out.set(row.conversation_id, [...(out.get(row.conversation_id) ?? []), row.text]);
  return out;
}

/** Sends the server recorded per Zalo user (each one Zalo accepted and the server knows it made). */
export async function zaloRecordedSends(db: Database, users: string[]): Promise<Map<string, number>> {
  const r = await db.query<{ user_id: string; n: number }>(
    `SELECT user_id, count(*)::int AS n FROM zalo_sent_messages WHERE user_id = ANY($1) GROUP BY user_id`,
    [users],
  );
  return new Map(r.rows.map((row) => [row.user_id, row.n]));
}

/** Texts naming a tracking code that one conversation received more than once. */
export function duplicateOutbound(texts: OutboundTexts): string[] {
  const dups: string[] = [];
  for (const [conversation, list] of texts) {
    const counts = new Map<string, number>();
    for (const t of list) if (firstTrackingCode(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) if (n > 1) dups.push(`${conversation}: ${n}× "${t.slice(0, 60)}"`);
  }
  return dups;
}

const sample = (list: string[]) => list.slice(0, 3).join('; ');

/**
 * The feedback invariants: every acknowledged confirmation is exactly one ticket, no description is a ticket
 * twice, every code a citizen was given exists, the outbox drained, and no conversation got a message twice.
 * `strictExtra` also refuses tickets nobody saw acknowledged (true when the server was never killed).
 */
export async function checkFeedback(
  db: Database,
  filed: FiledFeedback[],
  outbound: OutboundTexts,
  strictExtra: boolean,
  /** Zalo sends in flight at a kill may go out again (at-least-once delivery): that many repeats are allowed. */
  allowedRepeats = 0,
): Promise<Check[]> {
  const conversations = [...new Set(filed.map((x) => x.conversationId))];
  const tickets = await ticketsOf(db, conversations);
  const byKey = new Map(tickets.map((t) => [`${t.origin_channel}:${t.idempotency_key}`, t]));
  const acked = filed.filter((x) => x.confirmAcked);
  const keyOf = (x: FiledFeedback) => `${x.channel}:${x.channel}:${x.conversationId}:${x.confirmId}`;
  const lost = acked.filter((x) => !byKey.has(keyOf(x))).map((x) => x.description);
  const perDescription = new Map<string, number>();
  for (const t of tickets) perDescription.set(t.description, (perDescription.get(t.description) ?? 0) + 1);
  const dups = [...perDescription].filter(([, n]) => n > 1).map(([d, n]) => `${n}× ${d}`);
  const ackedKeys = new Set(acked.map(keyOf));
  const extra = tickets.filter((t) => !ackedKeys.has(`${t.origin_channel}:${t.idempotency_key}`));
  const codes = new Set(tickets.map((t) => t.tracking_code));
  const unknownCodes = filed.flatMap((x) =>
    x.trackingCode && !codes.has(x.trackingCode) ? [x.trackingCode] : [],
  );
  // A ticket the bot filed has its receipt in the turn's reply and may have no outbox row; none may stay unsent.
  const undrained = tickets.filter((t) => t.outbox_open > 0).map((t) => t.tracking_code);
  const stalled = filed
    .filter((x) => x.stalledAt !== undefined || x.refusedAt !== undefined)
    .map(
      (x) =>
        `${x.channel} ${x.conversationId} ${x.stalledAt !== undefined ? 'unanswered' : 'refused'} at step ${(x.stalledAt ?? x.refusedAt)! + 1}`,
    );
  const dupOut = duplicateOutbound(outbound);
  return [
    {
      name: 'acknowledged confirmations are tickets',
      ok: lost.length === 0,
      detail: `${acked.length} acknowledged, ${lost.length} without a ticket ${sample(lost)}`,
    },
    {
      name: 'no duplicate tickets',
      ok: dups.length === 0,
      detail: `${tickets.length} tickets, ${dups.length} duplicated ${sample(dups)}`,
    },
    {
      name: 'no ticket without an acknowledged confirmation',
      ok: !strictExtra || extra.length === 0,
      detail: `${extra.length} (allowed only across a kill)`,
    },
    {
      name: 'every code given to a citizen exists',
      ok: unknownCodes.length === 0,
      detail: `${unknownCodes.length} unknown`,
    },
    {
      name: 'every acknowledged message was answered',
      ok: stalled.length === 0,
      detail: `${stalled.length} dialogs stalled or refused ${sample(stalled)}`,
    },
    {
      name: 'outbox drained',
      ok: undrained.length === 0,
      detail: `${undrained.length} tickets with undelivered messages ${sample(undrained)}`,
    },
    {
      name: 'no duplicate outbound messages',
      ok: dupOut.length <= allowedRepeats,
      detail: `${dupOut.length} duplicated (at most ${allowedRepeats} allowed) ${sample(dupOut)}`,
    },
  ];
}

/**
 * Each inbound Zalo message is stored once and processed, and is answered once: every reply part has exactly one
 * recorded send (a redelivery processed again would send under the same keys, or under a second event row).
 */
export async function checkZaloReplies(db: Database, msgIds: string[], users: string[]): Promise<Check[]> {
  const events = await db.query<{ dedupe_key: string; status: string }>(
    `SELECT dedupe_key, status FROM zalo_inbound_events WHERE dedupe_key = ANY($1)`,
    [msgIds.map((id) => `msg:${id}`)],
  );
  const notDone = events.rows.filter((e) => e.status !== 'done').length;
  const sends = await db.query<{ delivery_key: string; n: number }>(
    `SELECT delivery_key, count(*)::int AS n FROM zalo_sent_messages WHERE user_id = ANY($1) GROUP BY delivery_key`,
    [users],
  );
  const twice = sends.rows.filter((s) => s.n > 1).map((s) => s.delivery_key);
  // A turn's replies are outbox rows keyed by its inbound event ("zalo:event:<id>:r<n>"), sent after the commit.
  const replied = await db.query<{ dedupe_key: string }>(
    `SELECT DISTINCT e.dedupe_key FROM zalo_inbound_events e
       JOIN outbox o ON o.event_key LIKE 'zalo:event:' || e.id || ':r%' AND o.status = 'sent'
      WHERE e.dedupe_key = ANY($1)`,
    [msgIds.map((id) => `msg:${id}`)],
  );
  const answered = new Set(replied.rows.map((r) => r.dedupe_key.slice('msg:'.length)));
  const unanswered = msgIds.filter((id) => !answered.has(id));
  return [
    {
      name: 'each inbound Zalo message stored once and processed',
      ok: events.rows.length === msgIds.length && notDone === 0,
      detail: `${msgIds.length} distinct messages, ${events.rows.length} stored, ${notDone} not done`,
    },
    {
      name: 'each inbound Zalo message answered exactly once',
      ok: unanswered.length === 0 && twice.length === 0,
      detail: `${unanswered.length} unanswered, ${twice.length} reply parts sent twice ${sample(twice)}`,
    },
  ];
}

/**
 * Each acknowledged message's turn ran, and ran once, as the server's database records it: every Direct Line
 * message a citizen posted is marked done and no bot reply to it is stored twice; every Zalo event is done and no
 * reply part of it was sent twice (a turn run a second time repeats its replies under the same message).
 */
export async function checkTurnsOnce(
  db: Database,
  citizens: ReadonlyArray<{ channel: 'directline' | 'zalo'; conversationId: string }>,
): Promise<Check[]> {
  const dl = citizens.filter((c) => c.channel === 'directline').map((c) => c.conversationId);
  const zalo = citizens.filter((c) => c.channel === 'zalo').map((c) => c.conversationId);
  const open = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM directline_activity
      WHERE conversation_id = ANY($1) AND client_activity_id IS NOT NULL AND turn_done_at IS NULL`,
    [dl],
  );
  const pending = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM zalo_inbound_events WHERE user_id = ANY($1) AND status <> 'done'`,
    [zalo],
  );
  const twiceDl = await db.query<{ conversation_id: string; text: string; n: number }>(
    `SELECT conversation_id, activity->>'text' AS text, count(*)::int AS n FROM directline_activity
      WHERE conversation_id = ANY($1) AND activity->'from'->>'role' = 'bot' AND activity->>'replyToId' IS NOT NULL
      GROUP BY conversation_id, activity->>'replyToId', activity->>'text' HAVING count(*) > 1`,
    [dl],
  );
  const twiceZalo = await db.query<{ delivery_key: string }>(
    `SELECT delivery_key FROM zalo_sent_messages WHERE user_id = ANY($1) AND delivery_key IS NOT NULL
      GROUP BY delivery_key HAVING count(*) > 1`,
    [zalo],
  );
  const twice = [
    ...twiceDl.rows.map((r) => `${r.conversation_id}: ${r.n}× "${(r.text ?? '').slice(0, 50)}"`),
    ...twiceZalo.rows.map((r) => `zalo ${r.delivery_key}`),
  ];
  const unanswered = (open.rows[0]?.n ?? 0) + (pending.rows[0]?.n ?? 0);
  return [
    {
      name: 'every acknowledged message has its turn done (in the database)',
      ok: unanswered === 0,
      detail: `${open.rows[0]?.n ?? 0} Direct Line messages without a done mark, ${pending.rows[0]?.n ?? 0} Zalo events not done`,
    },
    {
      name: 'no turn ran twice',
      ok: twice.length === 0,
      detail: `${twice.length} replies stored or sent twice for one message ${sample(twice)}`,
    },
  ];
}
