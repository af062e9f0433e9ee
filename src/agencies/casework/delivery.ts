import type { OutboxMessageRow } from './casework.repository';

/** Where a message to the citizen stands: delivered, on its way (or being retried), waiting for Zalo's window, failed. */
export type DeliveryState = 'sent' | 'pending' | 'waiting' | 'failed';

/** A message to the citizen as the case page shows it. */
export interface Delivery {
  /** What the message was about: created, answered, info, transferred, rejected, reopened. */
  kind: string;
  state: DeliveryState;
  attempts: number;
  /** When it was delivered, or when it was queued while it is not. */
  at: Date;
  /** A retry is under way after a failed attempt. */
  retrying: boolean;
}

// The Zalo channel reports a message refused outside the 7-day interaction window as "outside_window: …"; the
// outbox sends it again when the citizen writes (requeueWaiting), so it is waiting, not lost.
const OUTSIDE_WINDOW = 'outside_window';

/** The delivery state of one outbox row (event keys are `ticket:<id>:<kind>[:<at>]`). */
export function deliveryOf(row: OutboxMessageRow): Delivery {
  const kind = row.event_key.split(':')[2] ?? '';
  const state: DeliveryState =
    row.status === 'sent'
      ? 'sent'
      : row.status === 'failed'
        ? row.last_error?.startsWith(OUTSIDE_WINDOW)
          ? 'waiting'
          : 'failed'
        : 'pending';
  return {
    kind,
    state,
    attempts: row.attempts,
    at: row.sent_at ?? row.created_at,
    retrying: state === 'pending' && row.attempts > 0 && row.last_error !== null,
  };
}
