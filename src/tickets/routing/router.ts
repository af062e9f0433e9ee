import type { Queryable } from '../../db/database';
import { communeAgencyId } from '../seed.repository';
import { findAgency, listRoutingRules, type AgencyRef, type RoutingRule } from './routing.repository';

/** What routing looks at. */
export interface RoutingInput {
  kind: string;
  category: string;
  communeCode: string | null;
}

/** The id of the agency the first matching rule names (pure); commune rules apply only when the commune has an agency. */
export function pickAgencyId(
  rules: readonly RoutingRule[],
  input: RoutingInput,
  communeHasAgency: boolean,
): string | null {
  const communeKnown = input.communeCode !== null && communeHasAgency;
  for (const rule of rules) {
    if (rule.kind !== null && rule.kind !== input.kind) continue;
    if (rule.category !== null && rule.category !== input.category) continue;
    if (rule.communeKnown !== null && rule.communeKnown !== communeKnown) continue;
    if (rule.toCommune) {
      if (communeKnown && input.communeCode) return communeAgencyId(input.communeCode);
      continue;
    }
    return rule.agencyId;
  }
  return null;
}

/** Fallback when no rule matches: the provincial office is the triage desk. */
export const DEFAULT_AGENCY_ID = 'van-phong-ubnd-tinh';

/** Routes a ticket with the rules in the database (administrators edit them; read on every call). */
export async function routeTicket(db: Queryable, input: RoutingInput): Promise<AgencyRef> {
  const rules = await listRoutingRules(db);
  const communeAgency = input.communeCode ? await findAgency(db, communeAgencyId(input.communeCode)) : null;
  const id = pickAgencyId(rules, input, communeAgency !== null) ?? DEFAULT_AGENCY_ID;
  const agency = id === communeAgency?.id ? communeAgency : await findAgency(db, id);
  if (agency) return agency;
  const fallback = await findAgency(db, DEFAULT_AGENCY_ID);
  if (!fallback) throw new Error('Agencies are not seeded: Văn phòng UBND tỉnh is missing');
  return fallback;
}
