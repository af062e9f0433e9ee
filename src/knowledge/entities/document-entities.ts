import { extractEntities, noEntities, type Entities } from './entities';

/** A document's entities: all it names, and the one province it is about (null when it cannot be told). */
export interface DocumentEntities {
  province: string | null;
  entities: Entities;
}

function mostNamed(text: string, provinces: readonly string[]): string | null {
  const folded = text.toLowerCase();
  const counts = provinces
    .map((p) => ({ p, n: folded.split(p.toLowerCase()).length - 1 }))
    .sort((a, b) => b.n - a.n);
  const [first, second] = counts;
  if (!first || first.n < 2) return null;
  // A document that names two provinces about as often is not clearly about either.
  return !second || first.n >= 2 * second.n ? first.p : null;
}

/**
 * The province a document is about: the first named in its title, else in its issuer ("Tỉnh ủy Thanh Hóa"),
 * else the one its text names clearly most often.
 */
export function inferProvince(title: string, issuer: string | null, text: string, named: readonly string[]): string | null {
  const fromTitle = extractEntities(title).provinces[0];
  if (fromTitle) return fromTitle;
  const fromIssuer = issuer ? extractEntities(issuer).provinces[0] : undefined;
  return fromIssuer ?? mostNamed(text, named);
}

/** Analyses a whole document: its entities (title, issuer and text together) and its province. */
export function documentEntities(title: string, issuer: string | null, text: string, province?: string | null): DocumentEntities {
  const entities = extractEntities(`${title}\n${issuer ?? ''}\n${text}`);
  return { province: province ?? inferProvince(title, issuer, text, entities.provinces), entities };
}

/** Reads stored entities (jsonb as text); rows stored before entities existed hold '{}' and give null. */
export function parseEntities(json: string | null): Entities | null {
  if (!json) return null;
  const data = JSON.parse(json) as Partial<Entities>;
  if (!Array.isArray(data.provinces)) return null;
  return { ...noEntities(), ...data };
}
