import { EventEmitter } from 'node:events';

/** What a stream listener is told: new stored activities exist, or an ephemeral one (typing) to forward as is. */
export type HubEvent = { kind: 'stored' } | { kind: 'ephemeral'; activity: Record<string, unknown> };

/**
 * In-process signal that a conversation has new activities, so its open WebSocket reads them at once. Streams
 * also re-read the database on a short interval, which is how a socket on one replica sees replies written by
 * another (no cross-replica pub/sub needed for correctness, only for latency).
 */
export class DirectLineHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Tells listeners of the conversation about an event. */
  publish(conversationId: string, event: HubEvent): void {
    this.emitter.emit(conversationId, event);
  }

  /** Listens to one conversation; returns the unsubscribe function. */
  subscribe(conversationId: string, listener: (event: HubEvent) => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }
}
