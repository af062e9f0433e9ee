import { OPEN_STATUSES, type TicketStatus } from './ticket-status';

/** What can happen to a filed ticket that changes its status. */
export type TicketAction = 'start' | 'answer' | 'requestInfo' | 'transfer' | 'reject' | 'close' | 'reopen';

/** The error code a refused action answers with (stable; each has a message in the catalogue). */
export type TransitionRefusal = 'invalid_transition' | 'ticket_not_answered';

/** One allowed transition: from which statuses, to which, and the history entry it writes. */
export interface TransitionRule {
  from: readonly TicketStatus[];
  to: TicketStatus;
  /** The `ticket_events.type` of the entry. */
  event: string;
  /** What a refusal answers. */
  refusal: TransitionRefusal;
}

/** The ticket lifecycle as data: every status change a ticket may make, and nothing else. */
export const TRANSITIONS: Readonly<Record<TicketAction, TransitionRule>> = {
  start: { from: OPEN_STATUSES, to: 'in_progress', event: 'started', refusal: 'invalid_transition' },
  answer: { from: OPEN_STATUSES, to: 'answered', event: 'answered', refusal: 'invalid_transition' },
  requestInfo: {
    from: OPEN_STATUSES,
    to: 'in_progress',
    event: 'info_requested',
    refusal: 'invalid_transition',
  },
  transfer: { from: OPEN_STATUSES, to: 'transferred', event: 'transferred', refusal: 'invalid_transition' },
  reject: { from: OPEN_STATUSES, to: 'rejected', event: 'rejected', refusal: 'invalid_transition' },
  // The citizen's rating settles an answered ticket: 3–5 closes it, 1–2 reopens it.
  close: { from: ['answered'], to: 'closed', event: 'closed', refusal: 'ticket_not_answered' },
  reopen: { from: ['answered'], to: 'reopened', event: 'reopened', refusal: 'ticket_not_answered' },
};

/** Whether `action` is allowed on a ticket in `status`. */
export function canTransition(status: string, action: TicketAction): boolean {
  return (TRANSITIONS[action].from as readonly string[]).includes(status);
}
