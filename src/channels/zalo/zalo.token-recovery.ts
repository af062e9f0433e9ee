import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config/config';
import type { Database } from '../../db/database';
import { ZaloClient } from './zalo.client';
import { ZaloApiError } from './zalo.errors';
import { ZaloTokenStore } from './zalo.token-store';

/** A token pair as an administrator pastes it. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * Reads a pair from what was pasted: Zalo's JSON answer (`access_token`, `refresh_token`), or the two tokens on
 * two lines or separated by spaces (access first). Returns undefined when it is neither.
 */
export function parseTokenPair(text: string): TokenPair | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const [a, r] = [json.access_token, json.refresh_token];
      if (typeof a === 'string' && typeof r === 'string' && a && r)
        return { accessToken: a, refreshToken: r };
    } catch {
      return undefined;
    }
    return undefined;
  }
  const parts = trimmed.split(/\s+/).filter(Boolean);
  if (parts.length !== 2) return undefined;
  return { accessToken: parts[0]!, refreshToken: parts[1]! };
}

/** What recovery needs: the database, the Zalo settings, a logger and (in tests) the fake OA's fetch. */
export interface RecoveryDeps {
  db: Database;
  config: ZaloConfig;
  logger: Logger;
  fetch?: typeof fetch;
}

/**
 * `npm run zalo:tokens`: stores the pair (replacing the stored one), then proves it with a call to the OA API
 * (which refreshes it first when the access token is no longer valid). Returns the OA's name.
 */
export async function recoverTokens(pair: TokenPair, deps: RecoveryDeps): Promise<{ oaName: string }> {
  const tokens = new ZaloTokenStore({ ...deps });
  await tokens.replacePair(pair.accessToken, pair.refreshToken, 'cli');
  const client = new ZaloClient({ config: deps.config, tokens, logger: deps.logger, fetch: deps.fetch });
  try {
    return { oaName: (await client.oaInfo()).name };
  } catch (err) {
    if (err instanceof ZaloApiError)
      throw new Error(`the pair was stored but Zalo refused it: ${err.message}`, { cause: err });
    throw err;
  }
}
