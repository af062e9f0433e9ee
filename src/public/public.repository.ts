import type { Queryable } from '../db/database';
import { sqlOpenStatuses as OPEN } from '../tickets/lifecycle/ticket-status';

/** One agency's figures on the public statistics page. */
export interface AgencyStats {
  agencyId: string;
  agencyName: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  /** Open tickets past their answer deadline now. */
  overdueNow: number;
  /** On-time rate among the tickets whose outcome is known: answered, or open past the deadline. */
  onTimeRate: number | null;
  medianDaysToAnswer: number | null;
  satisfaction: number | null;
  ratings: number;
}

/** An answered ticket as published (no personal data: redaction happens in the service). */
export interface PublishedRow {
  tracking_code: string;
  kind: string;
  category_name: string;
  commune_name: string | null;
  agency_name: string;
  /** The anonymised summary the agency approved for publication. */
  summary: string;
  answer: string;
  created_at: Date;
  answered_at: Date;
  rating: number | null;
}

/** SQL behind the public pages: category names, per-agency statistics, published answers. */
export class PublicRepository {
  constructor(private readonly db: Queryable) {}

  /** Category display names by code. */
  async categoryNames(): Promise<Map<string, string>> {
    const r = await this.db.query<{ code: string; name: string }>(
      'SELECT code, name FROM categories ORDER BY sort',
    );
    return new Map(r.rows.map((row) => [row.code, row.name]));
  }

  /** Per-agency figures for tickets received in [from, to); agencies with no ticket are left out. */
  async agencyStats(now: Date, from: Date, to: Date): Promise<AgencyStats[]> {
    const r = await this.db.query<AgencyStats>(
      `WITH t AS (
         SELECT * FROM tickets WHERE created_at >= $2 AND created_at < $3 AND duplicate_of IS NULL
       )
       SELECT a.id AS "agencyId", a.name AS "agencyName",
              count(t.id)::int AS received,
              count(t.answered_at)::int AS answered,
              count(*) FILTER (WHERE t.answered_at <= t.resolve_due_at)::int AS "answeredOnTime",
              count(*) FILTER (WHERE t.status IN ${OPEN} AND t.resolve_due_at < $1)::int AS "overdueNow",
              round(count(*) FILTER (WHERE t.answered_at <= t.resolve_due_at)::numeric
                / NULLIF(count(t.answered_at) + count(*) FILTER (WHERE t.status IN ${OPEN} AND t.resolve_due_at < $1), 0), 4)
                AS "onTimeRate",
              round((percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM t.answered_at - t.created_at) / 86400))::numeric, 1) AS "medianDaysToAnswer",
              round(avg(t.rating)::numeric, 2) AS satisfaction,
              count(t.rating)::int AS ratings
         FROM agencies a JOIN t ON t.agency_id = a.id
        GROUP BY a.id, a.name
        ORDER BY received DESC, a.name`,
      [now, from, to],
    );
    return r.rows;
  }

  /**
   * Answered feedback and questions whose citizen agreed to publication and whose agency approved a summary, newest
   * answer first (complaints and denunciations are never published, nor any citizen's own words).
   */
  async published(limit: number, offset: number): Promise<PublishedRow[]> {
    const r = await this.db.query<PublishedRow>(
      `SELECT t.tracking_code, t.kind, c.name AS category_name, u.name AS commune_name, a.name AS agency_name,
              t.public_summary AS summary, t.answer, t.created_at, t.answered_at, t.rating
         FROM tickets t
         JOIN categories c ON c.code = t.category
         JOIN agencies a ON a.id = t.agency_id
         LEFT JOIN admin_units u ON u.code = t.commune_code
        WHERE t.kind IN ('feedback', 'question') AND t.answer IS NOT NULL AND t.status IN ('answered', 'closed')
          AND t.publish_consent IS TRUE AND t.public_summary IS NOT NULL
        ORDER BY t.answered_at DESC, t.id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return r.rows;
  }
}
