import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Database, Queryable } from '../db/database';
import type { TicketStatusView } from '../ports';
import { listHolidays } from './sla/holiday.repository';
import type { Clock } from '../reference/clock';
import { WorkingCalendar } from './sla/working-days';
import { listEvents, type TicketRow } from './ticket.repository';
import type { MessageAnalyzer } from './triage/message.analyzer';

/** What the ticket services share. */
export interface TicketContext {
  db: Database;
  config: Config;
  logger: Logger;
  clock: Clock;
  analyzer: MessageAnalyzer;
  codePrefix: string;
  pinSecret: string;
  /** Draws a tracking code; injected so tests can force collisions. */
  nextCode: () => string;
}

/** The working-day calendar from the (editable) holidays table. */
export async function loadCalendar(db: Queryable): Promise<WorkingCalendar> {
  return new WorkingCalendar(await listHolidays(db));
}

/** Resolve deadline for a kind: working days for questions and feedback, calendar days for complaints (by law). */
export function resolveDue(ctx: TicketContext, calendar: WorkingCalendar, kind: string, from: Date): Date {
  const t = ctx.config.tickets;
  if (kind === 'complaint' || kind === 'denunciation') return calendar.dueAfterDays(from, t.complaintDays);
  return calendar.dueAfterWorkingDays(
    from,
    kind === 'question' ? t.questionWorkingDays : t.feedbackWorkingDays,
  );
}

/** The public view of a ticket (no personal data). */
export async function statusView(db: Queryable, t: TicketRow): Promise<TicketStatusView> {
  const events = await listEvents(db, t.id);
  return {
    trackingCode: t.tracking_code,
    kind: t.kind,
    category: t.category,
    status: t.status,
    agency: { id: t.agency_id, name: t.agency_name },
    createdAt: t.created_at,
    resolveDueAt: t.resolve_due_at,
    answer: t.answer,
    answeredAt: t.answered_at,
    rating: t.rating,
    timeline: events
      .filter((e) => e.status !== null)
      .map((e) => ({ at: e.at, status: e.status as string, ...(e.note ? { note: e.note } : {}) })),
  };
}
