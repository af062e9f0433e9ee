/**
 * Which links and images text sent to citizens may carry. Text that is not ours (staff answers, documents,
 * published answers) must not hand a citizen a link to a look-alike sign-in page: only http(s) links to our own
 * origin, to allow-listed hosts (and their subdomains) and to the documents' recorded source URLs survive; images
 * only from our own origin.
 */
export interface LinkPolicy {
  /** Our public origin (`PUBLIC_BASE_URL`); relative links resolve against it. Unset: relative links only. */
  readonly origin?: string;
  /** Hosts links may point to, besides our origin; `thanhhoa.gov.vn` also allows `www.thanhhoa.gov.vn`. */
  readonly hosts: readonly string[];
  /** Exact URLs links may point to: the knowledge documents' recorded sources. */
  readonly urls: ReadonlySet<string>;
}

/** A policy that allows only links to our own origin (and relative ones). */
export function ownOriginOnly(origin?: string): LinkPolicy {
  return { origin, hosts: [], urls: new Set() };
}

// Stands for "us" when no origin is configured, so relative links still resolve and compare.
const SELF = 'https://self.invalid';

function baseOf(policy: LinkPolicy): URL {
  try {
    return new URL(policy.origin ?? SELF);
  } catch {
    return new URL(SELF);
  }
}

function parse(href: string, base: URL): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function hostAllowed(host: string, hosts: readonly string[]): boolean {
  const h = host.toLowerCase();
  return hosts.some((allowed) => {
    const a = allowed.toLowerCase();
    return h === a || h.endsWith(`.${a}`);
  });
}

/** The canonical form a recorded source is compared in (`new URL().href`), or null for a non-URL source. */
export function canonicalUrl(raw: string): string | null {
  const u = parse(raw.trim(), new URL(SELF));
  return u && /^https?:$/.test(u.protocol) && u.origin !== SELF ? u.href : null;
}

/**
 * The href to emit for a link the policy allows (relative links stay relative when no origin is configured),
 * or null: not http(s), credentials in it, or a host that is neither ours nor allowed.
 */
export function allowedHref(raw: string, policy: LinkPolicy, image = false): string | null {
  const base = baseOf(policy);
  const u = parse(raw, base);
  if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password) return null;
  const ours = u.origin === base.origin;
  if (ours) return policy.origin ? u.href : `${u.pathname}${u.search}${u.hash}`;
  if (image) return null;
  return hostAllowed(u.hostname, policy.hosts) || policy.urls.has(u.href) ? u.href : null;
}
