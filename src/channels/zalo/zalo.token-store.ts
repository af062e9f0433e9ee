import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import type { Database } from '../../db/database';
import { systemTimer, type Timer } from '../../reference/clock';
import { ZaloApiError } from './zalo.errors';

interface TokenRow {
  access_token: string;
  refresh_token: string;
  expires_at: Date;
  refreshing_until: Date | null;
}

const oauthResponse = (body: unknown) => body as Record<string, unknown>;

/** A fingerprint of a token pair (never the tokens themselves), or undefined without a whole pair. */
function pairHash(access: string | undefined, refresh: string | undefined): string | undefined {
  if (!access || !refresh) return undefined;
  return createHash('sha256').update(`${access}\n${refresh}`).digest('hex');
}

/** Dependencies of the token store. */
export interface TokenStoreDeps {
  db: Database;
  config: ZaloConfig;
  logger: Logger;
  clock?: Timer;
  fetch?: typeof fetch;
  /** Refresh this long before expiry (Zalo access tokens live 25 h; refreshing at ~20 h is the advice). */
  refreshMarginMs?: number;
}

const LEASE_MS = 30_000;
const CACHE_MS = 5_000;
const WAIT_STEP_MS = 200;

/**
 * The OA access/refresh token pair, kept in the database. Refresh tokens are single-use: a lease row column
 * makes one replica refresh while the others wait, and the new pair is written before anyone uses it.
 */
export class ZaloTokenStore {
  private inflight: Promise<string> | undefined;
  private envChecked = false;
  private cached: { token: string; until: number } | undefined;
  private readonly clock: Timer;
  private readonly fetchFn: typeof fetch;
  private readonly margin: number;

  constructor(private readonly deps: TokenStoreDeps) {
    this.clock = deps.clock ?? systemTimer;
    this.fetchFn = deps.fetch ?? fetch;
    this.margin = deps.refreshMarginMs ?? 5 * 3600_000;
  }

  /**
   * A valid access token, refreshed first when it is about to expire. The row is re-read at most every few
   * seconds (every send asks): a token another replica replaced meanwhile fails with -216, and refresh(stale)
   * then finds the new one in the row.
   */
  async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.cached && this.cached.until > now) return this.cached.token;
    const row = await this.read();
    if (row.expires_at.getTime() - this.margin > now) {
      this.cached = {
        token: row.access_token,
        until: Math.min(now + CACHE_MS, row.expires_at.getTime() - this.margin),
      };
      return row.access_token;
    }
    return this.refresh(row.access_token);
  }

  /** Refreshes unless someone already replaced `stale`; concurrent callers in this process share one refresh. */
  refresh(stale: string): Promise<string> {
    this.cached = undefined;
    this.inflight ??= this.refreshOnce(stale).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async refreshOnce(stale: string): Promise<string> {
    const deadline = this.clock.now().getTime() + LEASE_MS + 5_000;
    while (this.clock.now().getTime() < deadline) {
      const row = await this.read();
      const fresh = row.expires_at.getTime() - this.margin > this.clock.now().getTime();
      if (row.access_token !== stale && fresh) return row.access_token;
      const now = this.clock.now();
      const leased = await this.deps.db.query(
        `UPDATE zalo_tokens SET refreshing_until = $1
          WHERE id = 1 AND refresh_token = $2 AND (refreshing_until IS NULL OR refreshing_until < $3)`,
        [new Date(now.getTime() + LEASE_MS), row.refresh_token, now],
      );
      if (leased.rowCount === 1) return this.exchange(row.refresh_token);
      await this.clock.sleep(WAIT_STEP_MS);
    }
    throw new ZaloApiError(-216, 'timed out waiting for another replica to refresh the Zalo token', false);
  }

  private async exchange(refreshToken: string): Promise<string> {
    const { config, db, logger } = this.deps;
    try {
      const res = await this.fetchFn(`${config.oauthBaseUrl}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', secret_key: config.appSecret },
        body: new URLSearchParams({
          refresh_token: refreshToken,
          app_id: config.appId,
          grant_type: 'refresh_token',
        }),
        signal: AbortSignal.timeout(config.httpTimeoutMs),
      });
      const body = oauthResponse(await res.json().catch(() => ({})));
      const access = body.access_token;
      const next = body.refresh_token;
      if (typeof access !== 'string' || typeof next !== 'string' || !access || !next) {
        const reason = String(
          body.error_description ?? body.error_name ?? body.error ?? `HTTP ${res.status}`,
        );
        throw new ZaloApiError(-216, `token refresh refused: ${reason}`, false);
      }
      const seconds = Number(body.expires_in) > 0 ? Number(body.expires_in) : 90_000;
      const expiresAt = new Date(this.clock.now().getTime() + seconds * 1000);
      // Persist the new pair before using it: the old refresh token is already spent.
      await db.query(
        `UPDATE zalo_tokens SET access_token = $1, refresh_token = $2, expires_at = $3, refreshing_until = NULL,
           refresh_failures = 0, last_refresh_error = NULL, updated_at = $4 WHERE id = 1`,
        [access, next, expiresAt, this.clock.now()],
      );
      logger.info({ expiresAt }, 'Zalo access token refreshed');
      return access;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.query(
        `UPDATE zalo_tokens SET refreshing_until = NULL, refresh_failures = refresh_failures + 1,
           last_refresh_error = $1 WHERE id = 1`,
        [message.slice(0, 500)],
      );
      logger.error(
        { err: message },
        'Zalo token refresh failed; an administrator may need to re-authorise the OA',
      );
      throw err instanceof ZaloApiError ? err : new ZaloApiError(-216, message, false);
    }
  }

  /**
   * Stores a pair an administrator obtained (recovery after a lost grant), replacing the stored one. The pair in
   * the environment, if any, is marked as seen so it does not replace this one at the next start.
   */
  async replacePair(accessToken: string, refreshToken: string, source: 'cli' | 'env' = 'cli'): Promise<void> {
    const { db, config } = this.deps;
    const envHash = pairHash(config.initialAccessToken, config.initialRefreshToken);
    await db.query(
      `INSERT INTO zalo_tokens (id, access_token, refresh_token, expires_at, env_pair_hash, source, updated_at)
       VALUES (1, $1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
         expires_at = EXCLUDED.expires_at, env_pair_hash = EXCLUDED.env_pair_hash, source = EXCLUDED.source,
         refreshing_until = NULL, refresh_failures = 0, last_refresh_error = NULL, updated_at = EXCLUDED.updated_at`,
      [accessToken, refreshToken, this.unknownAgeExpiry(), envHash, source, this.clock.now()],
    );
    this.envChecked = true;
    this.cached = undefined;
  }

  // The age of a pair handed to us is unknown: treat the access token as due soon, so it rotates early.
  private unknownAgeExpiry(): Date {
    return new Date(this.clock.now().getTime() + this.margin + 3600_000);
  }

  /**
   * A pair in the environment that differs from the one that seeded the store is an administrator's new grant:
   * it replaces the stored pair once. (A store seeded before this was recorded adopts the environment's pair as
   * seen, since its stored pair may be the rotated successor of it.)
   */
  private async applyEnvPair(): Promise<void> {
    if (this.envChecked) return;
    const { initialAccessToken: access, initialRefreshToken: refresh } = this.deps.config;
    const envHash = pairHash(access, refresh);
    if (envHash) {
      await this.deps.db.query(
        'UPDATE zalo_tokens SET env_pair_hash = $1 WHERE id = 1 AND env_pair_hash IS NULL',
        [envHash],
      );
      const replaced = await this.deps.db.query(
        `UPDATE zalo_tokens SET access_token = $1, refresh_token = $2, expires_at = $3, env_pair_hash = $4,
           source = 'env', refreshing_until = NULL, refresh_failures = 0, last_refresh_error = NULL, updated_at = $5
          WHERE id = 1 AND env_pair_hash <> $4`,
        [access, refresh, this.unknownAgeExpiry(), envHash, this.clock.now()],
      );
      if (replaced.rowCount === 1)
        this.deps.logger.info('Zalo token pair replaced by the new pair in the environment');
    }
    this.envChecked = true;
  }

  private async read(): Promise<TokenRow> {
    await this.applyEnvPair();
    const found = await this.deps.db.query<TokenRow>(
      'SELECT access_token, refresh_token, expires_at, refreshing_until FROM zalo_tokens WHERE id = 1',
    );
    if (found.rows[0]) return found.rows[0];
    const { initialAccessToken, initialRefreshToken } = this.deps.config;
    if (!initialAccessToken || !initialRefreshToken) {
      throw new ZaloApiError(
        -216,
        'no Zalo token pair: set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN once',
        false,
      );
    }
    await this.deps.db.query(
      `INSERT INTO zalo_tokens (id, access_token, refresh_token, expires_at, env_pair_hash) VALUES (1, $1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [
        initialAccessToken,
        initialRefreshToken,
        this.unknownAgeExpiry(),
        pairHash(initialAccessToken, initialRefreshToken),
      ],
    );
    return this.read();
  }
}
