import { vi } from '../../../src/i18n/strings.vi';
import {
  OPEN_STATUSES,
  SETTLED_STATUSES,
  TICKET_STATUSES,
  isOpenStatus,
  sqlOpenStatuses,
  sqlSettledStatuses,
  ticketStatusSchema,
} from '../../../src/tickets/lifecycle/ticket-status';
import {
  TRANSITIONS,
  canTransition,
  type TicketAction,
} from '../../../src/tickets/lifecycle/ticket-transitions';

const ACTIONS: TicketAction[] = ['start', 'answer', 'requestInfo', 'transfer', 'reject', 'close', 'reopen'];
const Y = true;
const N = false;

// The lifecycle written out by hand, one row per status, one column per action (in ACTIONS order).
const ALLOWED: Record<string, boolean[]> = {
  new: [Y, Y, Y, Y, Y, N, N],
  assigned: [Y, Y, Y, Y, Y, N, N],
  in_progress: [Y, Y, Y, Y, Y, N, N],
  reopened: [Y, Y, Y, Y, Y, N, N],
  transferred: [Y, Y, Y, Y, Y, N, N],
  answered: [N, N, N, N, N, Y, Y],
  closed: [N, N, N, N, N, N, N],
  rejected: [N, N, N, N, N, N, N],
};

const cases = Object.entries(ALLOWED).flatMap(([status, row]) =>
  ACTIONS.map((action, i) => [status, action, row[i]] as const),
);

describe('ticket lifecycle', () => {
  it.each(cases)('when a %s ticket gets "%s", then allowed is %s', (status, action, allowed) => {
    expect(canTransition(status, action)).toBe(allowed);
  });

  it.each([
    ['start', 'in_progress', 'started', 'invalid_transition'],
    ['answer', 'answered', 'answered', 'invalid_transition'],
    ['requestInfo', 'in_progress', 'info_requested', 'invalid_transition'],
    ['transfer', 'transferred', 'transferred', 'invalid_transition'],
    ['reject', 'rejected', 'rejected', 'invalid_transition'],
    ['close', 'closed', 'closed', 'ticket_not_answered'],
    ['reopen', 'reopened', 'reopened', 'ticket_not_answered'],
  ] as const)(
    'when "%s" is applied, then the ticket becomes %s with event %s (refused: %s)',
    (a, to, e, r) => {
      expect(TRANSITIONS[a]).toMatchObject({ to, event: e, refusal: r });
    },
  );

  it('when a status is unknown, then no action is allowed and the schema refuses it', () => {
    for (const action of ACTIONS) expect(canTransition('archived', action)).toBe(false);
    expect(ticketStatusSchema.safeParse('archived').success).toBe(false);
    expect(ticketStatusSchema.safeParse('in_progress').success).toBe(true);
  });

  it('when the table lists every status, then open and settled split them and the SQL fragments match', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...TICKET_STATUSES].sort());
    expect([...SETTLED_STATUSES]).toEqual(['answered', 'closed', 'rejected']);
    expect(TICKET_STATUSES.filter(isOpenStatus)).toEqual([...OPEN_STATUSES]);
    expect(sqlOpenStatuses).toBe(`('new', 'assigned', 'in_progress', 'reopened', 'transferred')`);
    expect(sqlSettledStatuses).toBe(`('answered', 'closed', 'rejected')`);
  });

  it('when a refusal or a status is shown, then the catalogue has its Vietnamese wording', () => {
    for (const action of ACTIONS) expect(vi.errors[TRANSITIONS[action].refusal]).toMatch(/\S/);
    for (const status of TICKET_STATUSES) {
      expect(vi.bot.track.statuses[status]).toMatch(/\S/);
      expect(vi.public.statuses[status]).toMatch(/\S/);
    }
  });
});
