import { canonicalUrl, type LinkPolicy } from '../text/link-policy';

/** What the allow-list is built from. */
export interface LinkAllowListOptions {
  /** Our public origin (PUBLIC_BASE_URL), if configured. */
  origin?: string;
  /** LINK_ALLOWED_HOSTS. */
  hosts: readonly string[];
  /** The knowledge documents' recorded sources (URLs or publisher names; only URLs count). */
  sources: () => Promise<readonly (string | null)[]>;
  /** How long one read of the sources is used; documents change rarely. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The link policy of messages to citizens, with the documents' sources re-read at most once a minute: each
 * message is checked against it on its way out, whatever produced it (bot, staff answer, published answer).
 */
export class LinkAllowList {
  private cached: { at: number; policy: Promise<LinkPolicy> } | undefined;

  constructor(private readonly options: LinkAllowListOptions) {}

  /** The current policy. */
  policy(): Promise<LinkPolicy> {
    const now = (this.options.now ?? Date.now)();
    if (!this.cached || now - this.cached.at >= (this.options.ttlMs ?? 60_000)) {
      const policy = this.load();
      this.cached = { at: now, policy };
      policy.catch(() => (this.cached = undefined));
    }
    return this.cached.policy;
  }

  private async load(): Promise<LinkPolicy> {
    const urls = new Set<string>();
    for (const source of await this.options.sources()) {
      const url = source ? canonicalUrl(source) : null;
      if (url) urls.add(url);
    }
    return { origin: this.options.origin, hosts: this.options.hosts, urls };
  }
}
