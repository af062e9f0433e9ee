import type { Queryable } from '../../db/database';
import { sortByVietnameseName } from '../../text/collate';
import type { RoutingRuleRecord } from '../../tickets/routing/routing-rule';

/** A portal account as the administrator sees it (no password hash). */
export interface UserListRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  agency_name: string | null;
  active: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
}

/** A routing rule with its target's name. */
export interface RuleRow extends RoutingRuleRecord {
  id: number;
  agency_name: string | null;
}

/** SQL for the administrator's pages: accounts, agencies, categories, routing rules, canned answers. */
export class AdminRepository {
  constructor(private readonly db: Queryable) {}

  /** Every account, by agency then name. */
  async users(): Promise<UserListRow[]> {
    const r = await this.db.query<UserListRow>(
      `SELECT u.id, u.username, u.display_name, u.role, a.name AS agency_name, u.active, u.locked_until, u.last_login_at
         FROM staff_users u LEFT JOIN agencies a ON a.id = u.agency_id ORDER BY a.name NULLS FIRST, u.username`,
    );
    return r.rows;
  }

  /** Activates or deactivates an account; deactivation also ends its sessions. */
  async setUserActive(id: string, active: boolean): Promise<boolean> {
    const r = await this.db.query('UPDATE staff_users SET active = $2 WHERE id = $1::uuid', [id, active]);
    if (!active) await this.db.query('DELETE FROM staff_sessions WHERE user_id = $1::uuid', [id]);
    return r.rowCount === 1;
  }

  /** The username of an account id. */
  async username(id: string): Promise<string | undefined> {
    return (
      await this.db.query<{ username: string }>('SELECT username FROM staff_users WHERE id = $1::uuid', [id])
    ).rows[0]?.username;
  }

  /** Agencies with their ticket load. */
  async agencies(): Promise<Array<{ id: string; name: string; kind: string; active: boolean }>> {
    const { rows } = await this.db.query<{ id: string; name: string; kind: string; active: boolean }>(
      'SELECT id, name, kind, active FROM agencies',
    );
    return sortByVietnameseName(rows, (r) => r.kind);
  }

  /** Renames an agency or changes whether it receives tickets. */
  async updateAgency(id: string, name: string, active: boolean): Promise<boolean> {
    return (
      (await this.db.query('UPDATE agencies SET name = $2, active = $3 WHERE id = $1', [id, name, active]))
        .rowCount === 1
    );
  }

  /** Categories in display order. */
  async categories(): Promise<Array<{ code: string; name: string; sort: number }>> {
    return (
      await this.db.query<{ code: string; name: string; sort: number }>(
        'SELECT code, name, sort FROM categories ORDER BY sort',
      )
    ).rows;
  }

  /** Adds a category or renames an existing one. */
  async upsertCategory(code: string, name: string): Promise<void> {
    await this.db.query(
      `INSERT INTO categories (code, name, sort) VALUES ($1, $2, (SELECT coalesce(max(sort), 0) + 1 FROM categories))
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`,
      [code, name],
    );
  }

  /** Routing rules in evaluation order. */
  async rules(): Promise<RuleRow[]> {
    const r = await this.db.query<RuleRow>(
      `SELECT r.id, r.priority, r.kind, r.category, r.commune_known, r.to_commune, r.agency_id, a.name AS agency_name
         FROM routing_rules r LEFT JOIN agencies a ON a.id = r.agency_id ORDER BY r.priority, r.id`,
    );
    return r.rows;
  }

  /** Points a rule at a fixed agency, or at the commune's UBND when `agencyId` is null. */
  async setRuleTarget(id: number, agencyId: string | null): Promise<boolean> {
    const r = await this.db.query(
      'UPDATE routing_rules SET agency_id = $2, to_commune = ($2::text IS NULL) WHERE id = $1',
      [id, agencyId],
    );
    return r.rowCount === 1;
  }

  /** Adds a canned answer (category null: for every category). */
  async addCannedAnswer(category: string | null, title: string, body: string): Promise<void> {
    await this.db.query('INSERT INTO canned_answers (category, title, body) VALUES ($1, $2, $3)', [
      category,
      title,
      body,
    ]);
  }

  /** Every canned answer. */
  async cannedAnswers(): Promise<
    Array<{ id: number; category: string | null; title: string; body: string }>
  > {
    return (
      await this.db.query<{ id: number; category: string | null; title: string; body: string }>(
        'SELECT id, category, title, body FROM canned_answers ORDER BY category NULLS FIRST, id',
      )
    ).rows;
  }

  /** Deletes a canned answer. */
  async deleteCannedAnswer(id: number): Promise<void> {
    await this.db.query('DELETE FROM canned_answers WHERE id = $1', [id]);
  }
}
