import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Notifications } from '../../db/database';

/** What a stream listener is told: new stored activities exist, or an ephemeral one (typing) to forward as is. */
export type HubEvent = { kind: 'stored' } | { kind: 'ephemeral'; activity: Record<string, unknown> };

/** The Postgres channel every replica listens on for Direct Line events. */
export const DIRECTLINE_NOTIFY_CHANNEL = 'tiepdan_directline';
// NOTIFY payloads are limited to 8,000 bytes; a larger typing activity is forwarded on this replica only.
const MAX_PAYLOAD_BYTES = 7_500;

interface Envelope {
  /** The publishing hub, which has already told its own listeners. */
  o: string;
  c: string;
  e: HubEvent;
}

/**
 * Signal that a conversation has new activities (or a typing activity), so its open WebSocket reads them at once.
 * On a Postgres server the signal also goes to every other replica through LISTEN/NOTIFY (one listening
 * connection per replica); on the embedded database there is one process and the signal stays in it. Streams
 * still re-read the database now and then, in case a notification was lost with a dropped connection.
 */
export class DirectLineHub {
  private readonly emitter = new EventEmitter();
  private readonly id = randomUUID();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly notifications?: Notifications,
    private readonly logger?: Logger,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** True when events cross replicas (LISTEN/NOTIFY), so streams need only a slow fallback poll. */
  get crossReplica(): boolean {
    return this.notifications !== undefined;
  }

  /** Starts listening to the other replicas' events (no-op on the embedded database). */
  async start(): Promise<void> {
    if (!this.notifications || this.unlisten) return;
    this.unlisten = await this.notifications.listen(DIRECTLINE_NOTIFY_CHANNEL, (payload) =>
      this.receive(payload),
    );
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.().catch(() => undefined);
  }

  /** Tells listeners of the conversation about an event, here at once and on other replicas via NOTIFY. */
  publish(conversationId: string, event: HubEvent): void {
    this.emitter.emit(conversationId, event);
    if (!this.notifications) return;
    const payload = JSON.stringify({ o: this.id, c: conversationId, e: event } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return;
    this.notifications
      .notify(DIRECTLINE_NOTIFY_CHANNEL, payload)
      .catch((err: unknown) =>
        this.logger?.warn({ err }, 'direct line notify failed; streams fall back to polling'),
      );
  }

  /** Listens to one conversation; returns the unsubscribe function. */
  subscribe(conversationId: string, listener: (event: HubEvent) => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }

  private receive(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (envelope.o === this.id || typeof envelope.c !== 'string') return;
    if (envelope.e?.kind === 'stored' || envelope.e?.kind === 'ephemeral')
      this.emitter.emit(envelope.c, envelope.e);
  }
}
