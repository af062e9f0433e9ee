import type { Queryable } from '../../db/database';

/** An open problem a channel cannot solve alone (quota used up, permission or grant withdrawn). */
export interface ChannelAlert {
  id: number;
  channel: string;
  code: string;
  message: string;
  occurrences: number;
  firstAt: Date;
  lastAt: Date;
}

/** SQL for channel alerts: one open row per channel and code, counted, until an administrator resolves it. */
export class ChannelAlertRepository {
  constructor(private readonly db: Queryable) {}

  /** Raises an alert, or counts one more occurrence of the open alert with this code. */
  async raise(alert: { channel: string; code: string; message: string; at: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO channel_alerts (channel, code, message, first_at, last_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (channel, code) WHERE resolved_at IS NULL
       DO UPDATE SET occurrences = channel_alerts.occurrences + 1, last_at = EXCLUDED.last_at,
         message = EXCLUDED.message`,
      [alert.channel, alert.code, alert.message.slice(0, 500), alert.at],
    );
  }

  /** The open alerts, most recent first. */
  async open(): Promise<ChannelAlert[]> {
    const r = await this.db.query<{
      id: number;
      channel: string;
      code: string;
      message: string;
      occurrences: number;
      first_at: Date;
      last_at: Date;
    }>(
      `SELECT id, channel, code, message, occurrences, first_at, last_at FROM channel_alerts
        WHERE resolved_at IS NULL ORDER BY last_at DESC, id DESC`,
    );
    return r.rows.map((row) => ({
      id: Number(row.id),
      channel: row.channel,
      code: row.code,
      message: row.message,
      occurrences: row.occurrences,
      firstAt: row.first_at,
      lastAt: row.last_at,
    }));
  }

  /** Marks an alert resolved (the administrator dealt with it); a new occurrence opens a new alert. */
  async resolve(id: number, at: Date): Promise<void> {
    await this.db.query('UPDATE channel_alerts SET resolved_at = $2 WHERE id = $1 AND resolved_at IS NULL', [
      id,
      at,
    ]);
  }
}
