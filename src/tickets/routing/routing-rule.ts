// The routing rule as data: what the router reads and what the administrators' pages list and edit.

/** One editable routing rule (null conditions match anything). */
export interface RoutingRule {
  priority: number;
  kind: string | null;
  category: string | null;
  communeKnown: boolean | null;
  toCommune: boolean;
  agencyId: string | null;
}

/** A `routing_rules` row as stored (the columns every reader selects). */
export interface RoutingRuleRecord {
  priority: number;
  kind: string | null;
  category: string | null;
  commune_known: boolean | null;
  to_commune: boolean;
  agency_id: string | null;
}
