import type pg from 'pg';
import type { Notifications } from './database';

const RECONNECT_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * LISTEN/NOTIFY over one listening connection per process, opened on the first listen(). A dropped connection is
 * reopened (with backoff) and every channel listened again; notifications sent meanwhile are lost, which is why
 * listeners keep a slow poll as a fallback.
 */
export class PgNotifications implements Notifications {
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private client: Promise<pg.Client> | undefined;
  private current: pg.Client | undefined;
  private closed = false;
  private failures = 0;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly onError: (err: Error) => void = () => undefined,
    private readonly notifyVia?: (channel: string, payload: string) => Promise<void>,
  ) {}

  /** Listens on a channel; returns the function that stops listening. */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(onPayload);
    const client = await this.open();
    if (first) await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      set.delete(onPayload);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      if (!this.closed)
        await (await this.open()).query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
    };
  }

  /** Sends a notification (from any connection; delivered to listeners when the sender commits). */
  async notify(channel: string, payload: string): Promise<void> {
    if (this.notifyVia) return this.notifyVia(channel, payload);
    await (await this.open()).query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /** Closes the listening connection. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.current = undefined;
    if (client) await (await client.catch(() => undefined))?.end().catch(() => undefined);
  }

  private open(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('notifications closed'));
    this.client ??= this.start().catch((err: unknown) => {
      this.client = undefined;
      throw err;
    });
    return this.client;
  }

  private async start(): Promise<pg.Client> {
    const client = this.connect();
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('listening connection ended')));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    this.current = client;
    this.failures = 0;
    return client;
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.closed || this.current !== client) return;
    this.current = undefined;
    this.client = undefined;
    this.onError(err);
    client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)];
    setTimeout(() => {
      if (this.closed || this.client || this.handlers.size === 0) return;
      this.open().catch((err: Error) => {
        this.onError(err);
        this.reconnectLater();
      });
    }, delay).unref();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
