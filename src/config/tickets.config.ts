import { z } from 'zod';
import { int, optional, withDefault } from './env-schema';

/** The tickets area's environment keys: codes, deadlines, lookups, outbox and escalation. */
export const ticketsEnv = {
  TICKET_CODE_PREFIX: optional(z.string().regex(/^[A-Z]{2,3}$/, 'must be 2–3 capital letters, e.g. TH')),
  TICKET_ACK_WORKING_DAYS: withDefault(int(1, 30), 1),
  TICKET_QUESTION_WORKING_DAYS: withDefault(int(1, 90), 5),
  TICKET_FEEDBACK_WORKING_DAYS: withDefault(int(1, 90), 10),
  TICKET_COMPLAINT_DAYS: withDefault(int(1, 180), 30),
  TICKET_LOOKUPS_PER_MINUTE: withDefault(int(1, 1000), 10),
  OUTBOX_POLL_MS: withDefault(int(100, 600_000), 2000),
  OUTBOX_MAX_ATTEMPTS: withDefault(int(1, 50), 8),
  ESCALATION_INTERVAL_MS: withDefault(int(1000, 86_400_000), 60_000),
};

type TicketsEnv = z.infer<z.ZodObject<typeof ticketsEnv>>;

/** The tickets settings from the parsed environment. */
export function ticketsConfigOf(e: TicketsEnv) {
  return Object.freeze({
    codePrefix: e.TICKET_CODE_PREFIX,
    ackWorkingDays: e.TICKET_ACK_WORKING_DAYS,
    questionWorkingDays: e.TICKET_QUESTION_WORKING_DAYS,
    feedbackWorkingDays: e.TICKET_FEEDBACK_WORKING_DAYS,
    complaintDays: e.TICKET_COMPLAINT_DAYS,
    lookupsPerMinute: e.TICKET_LOOKUPS_PER_MINUTE,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    escalationIntervalMs: e.ESCALATION_INTERVAL_MS,
  });
}

/** Ticket codes, answer deadlines, tracking lookups, the outbox and escalation. */
export type TicketsConfig = ReturnType<typeof ticketsConfigOf>;
