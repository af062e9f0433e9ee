import { AppError, appError } from '../../http/errors';
import { safeEqual } from '../../http/security';
import type { DirectLineTokens, TokenClaims } from './directline.token';

/** Who is calling: the server-to-server secret, a conversation token, or nobody (public token endpoint). */
export type Caller =
  { kind: 'secret' } | { kind: 'token'; claims: TokenClaims; token: string } | { kind: 'anonymous' };

/** Reads `Authorization: Bearer …`: the configured secret, else a signed token (403 when invalid or expired). */
export function identifyCaller(
  header: string | undefined,
  tokens: DirectLineTokens,
  secret: string | undefined,
): Caller {
  if (!header) return { kind: 'anonymous' };
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw appError('unauthorized', 401);
  const credential = m[1]!;
  if (secret && safeEqual(credential, secret)) return { kind: 'secret' };
  return { kind: 'token', claims: tokens.verify(credential), token: credential };
}

/** A caller that must be authenticated. */
export function requireCaller(caller: Caller): Exclude<Caller, { kind: 'anonymous' }> {
  if (caller.kind === 'anonymous') throw appError('unauthorized', 401);
  return caller;
}

/** A token may only touch its own conversation; the secret may touch any. */
export function assertConversationAccess(caller: Caller, conversationId: string): void {
  const c = requireCaller(caller);
  if (c.kind === 'token' && c.claims.conv !== conversationId)
    throw new AppError('conversation_forbidden', 403);
}
