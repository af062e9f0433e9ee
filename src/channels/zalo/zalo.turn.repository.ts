import type { Database } from '../../db/database';
import { applyStateChanges } from '../../bot/bot-state.repository';
import type { HeldReply, StateChange } from '../../bot/turn-effects';
import { enqueueMessage } from '../../tickets/notify/outbox.repository';
import { ZaloConversationRepository } from './zalo.repository';

/** A bot reply held for the turn's commit: what the citizen reads and the choices a digit answers. */
export interface ZaloHeldReply {
  userId: string;
  text: string;
  choices?: string[];
  /** A side remark (media the bot cannot read): the choices of the bot's last question stay as they were. */
  keepChoices?: boolean;
}

/** The stored event a turn answers: its row and the attempt that claimed it (a later claim makes it stale). */
export interface ClaimedEvent {
  id: number;
  attempts: number;
}

/** Thrown inside the commit when another replica claimed the event meanwhile: this run's effects are dropped. */
export class ZaloLeaseLostError extends Error {
  constructor(eventId: number) {
    super(`Zalo event ${eventId} was claimed again before this turn committed`);
    this.name = 'ZaloLeaseLostError';
  }
}

/**
 * Commits a Zalo turn as one unit: the bot's state changes, its replies as outbox rows (sent afterwards, retried
 * with backoff, in order), the choices a numbered answer refers to, and the event's done mark. A crash before the
 * commit leaves the event pending and nothing else; after it, the turn never runs again.
 */
export class ZaloTurnRepository {
  constructor(private readonly db: Database) {}

  /** One commit of the turn; `first` carries the done mark, guarded by the claim that is running the turn. */
  async commit(
    event: ClaimedEvent,
    state: readonly StateChange[],
    replies: readonly HeldReply[],
    opts: { first: boolean; replyIndex: number; now: Date },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (opts.first) {
        const done = await tx.query(
          `UPDATE zalo_inbound_events SET status = 'done', processed_at = $2, last_error = NULL
            WHERE id = $1 AND status = 'pending' AND attempts = $3`,
          [event.id, opts.now, event.attempts],
        );
        if (done.rowCount !== 1) throw new ZaloLeaseLostError(event.id);
      }
      await applyStateChanges(tx, state);
      let index = opts.replyIndex;
      let last: ZaloHeldReply | undefined;
      for (const reply of replies) {
        const r = reply.activity as unknown as ZaloHeldReply;
        const to = { channel: 'zalo', conversationId: r.userId, userId: r.userId };
        const eventKey = `zalo:event:${event.id}:r${++index}`;
        const suggestedActions = r.choices?.length ? r.choices : undefined;
        await enqueueMessage(tx, {
          eventKey,
          ticketId: null,
          to,
          text: r.text,
          suggestedActions,
          now: opts.now,
        });
        if (!r.keepChoices) last = r;
      }
      if (last)
        await new ZaloConversationRepository(tx).setChoices(last.userId, last.choices ?? [], opts.now);
    });
  }
}
