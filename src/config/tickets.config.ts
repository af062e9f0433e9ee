import { z } from 'zod';
import { int, optional, settings, withDefault } from './env-schema';

const tickets = settings({
  codePrefix: [
    'TICKET_CODE_PREFIX',
    optional(z.string().regex(/^[A-Z]{2,3}$/, 'must be 2–3 capital letters, e.g. TH')),
  ],
  ackWorkingDays: ['TICKET_ACK_WORKING_DAYS', withDefault(int(1, 30), 1)],
  questionWorkingDays: ['TICKET_QUESTION_WORKING_DAYS', withDefault(int(1, 90), 5)],
  feedbackWorkingDays: ['TICKET_FEEDBACK_WORKING_DAYS', withDefault(int(1, 90), 10)],
  complaintDays: ['TICKET_COMPLAINT_DAYS', withDefault(int(1, 180), 30)],
  lookupsPerMinute: ['TICKET_LOOKUPS_PER_MINUTE', withDefault(int(1, 1000), 10)],
  outboxPollMs: ['OUTBOX_POLL_MS', withDefault(int(100, 600_000), 2000)],
  outboxMaxAttempts: ['OUTBOX_MAX_ATTEMPTS', withDefault(int(1, 50), 8)],
  escalationIntervalMs: ['ESCALATION_INTERVAL_MS', withDefault(int(1000, 86_400_000), 60_000)],
});

/** The tickets area's environment keys: codes, deadlines, lookups, outbox and escalation. */
export const ticketsEnv = tickets.env;

/** The tickets settings from the parsed environment. */
export function ticketsConfigOf(e: Parameters<typeof tickets.read>[0]) {
  return Object.freeze(tickets.read(e));
}

/** Ticket codes, answer deadlines, tracking lookups, the outbox and escalation. */
export type TicketsConfig = ReturnType<typeof ticketsConfigOf>;
