import type { Queryable } from '../../db/database';
import type { RoutingRule, RoutingRuleRecord } from './routing-rule';

export type { RoutingRule } from './routing-rule';

/** An agency as shown to citizens. */
export interface AgencyRef {
  id: string;
  name: string;
}

/** All rules, in the order they are tried. */
export async function listRoutingRules(db: Queryable): Promise<RoutingRule[]> {
  const r = await db.query<RoutingRuleRecord>(
    'SELECT priority, kind, category, commune_known, to_commune, agency_id FROM routing_rules ORDER BY priority, id',
  );
  return r.rows.map((x) => ({
    priority: x.priority,
    kind: x.kind,
    category: x.category,
    communeKnown: x.commune_known,
    toCommune: x.to_commune,
    agencyId: x.agency_id,
  }));
}

/** Active agencies by id. */
export async function findAgency(db: Queryable, id: string): Promise<AgencyRef | null> {
  const r = await db.query<AgencyRef>('SELECT id, name FROM agencies WHERE id = $1 AND active', [id]);
  return r.rows[0] ?? null;
}

/** True when the category code exists. */
export async function categoryExists(db: Queryable, code: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM categories WHERE code = $1', [code]);
  return r.rows.length > 0;
}

/** True when the commune code exists. */
export async function communeExists(db: Queryable, code: string): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM admin_units WHERE code = $1 AND level = 'commune'", [code]);
  return r.rows.length > 0;
}
