import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../http/errors';

/** What a Direct Line token grants: one conversation, as one user, until `exp` (seconds since epoch). */
export interface TokenClaims {
  conv: string;
  user: string;
  iat: number;
  exp: number;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** The HMAC key derived from DIRECT_LINE_SECRET or the generated key (never the raw secret itself). */
export function tokenSigningKey(secretOrKey: string): Buffer {
  return createHmac('sha256', secretOrKey).update('tiepdan.directline.token').digest();
}

/**
 * Signs and verifies conversation-scoped tokens. They are HS256 JWTs so the Direct Line client can read the
 * `user` claim (it does, and then refuses to let the page pick another user id); only the server can mint them.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A fresh random signing key, for deployments that configure none. */
  static generateKey(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Issues a token for the conversation and user. */
  issue(conversationId: string, userId: string): string {
    const iat = Math.floor(this.now() / 1000);
    const claims: TokenClaims = { conv: conversationId, user: userId, iat, exp: iat + this.ttlSeconds };
    const payload = b64url(JSON.stringify(claims));
    return `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
  }

  /** Verifies signature and expiry; throws a 403 envelope (TokenExpired when only the time is wrong). */
  verify(token: string): TokenClaims {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature || header !== HEADER) throw invalidToken();
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidToken();
    const claims = parseClaims(payload);
    if (claims.exp * 1000 <= this.now()) throw new AppError('TokenExpired', 403);
    return claims;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}

function parseClaims(payload: string): TokenClaims {
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    if (typeof claims.conv === 'string' && typeof claims.user === 'string' && typeof claims.exp === 'number')
      return claims as TokenClaims;
  } catch {
    // fall through: a token that does not parse is simply invalid
  }
  throw invalidToken();
}

function invalidToken(): AppError {
  return new AppError('token_invalid', 403);
}
