/** Codes meaning the citizen's 7-day interaction window is closed (or they no longer follow the OA). */
const OUTSIDE_WINDOW = new Set([-230, -232, -213]);
/**
 * Quota and permission codes: this message cannot go out, and only an administrator can change that (buy quota,
 * grant the permission, re-authorise the app). Reported as a channel alert, never retried.
 */
export const ADMIN_CODES = new Set([-211, -218, -221, -224, -204, -205, -219, -209, -212, -223]);
/** Zalo error codes that mean "this message can never be delivered as is" (window closed, not a follower, …). */
const PERMANENT = new Set([...OUTSIDE_WINDOW, ...ADMIN_CODES, -227, -244, -248, -201, -240]);
/** Codes after which refreshing the access token and retrying once may succeed. */
export const TOKEN_ERRORS = new Set([-216, -220]);
/** Zalo's rate-limit code: back off and retry later. */
export const RATE_LIMITED = -32;

/** A failed Zalo API call: `code` is Zalo's `error` value (or -1 for transport failures). */
export class ZaloApiError extends Error {
  readonly permanent: boolean;

  constructor(
    readonly code: number,
    message: string,
    permanent?: boolean,
  ) {
    super(`Zalo API error ${code}: ${message}`);
    this.name = 'ZaloApiError';
    this.permanent = permanent ?? PERMANENT.has(code);
  }

  /** True when the citizen's 7-day interaction window is closed (-230, -232) or they do not follow the OA. */
  get outsideWindow(): boolean {
    return OUTSIDE_WINDOW.has(this.code);
  }

  /** True when administrators must act (quota, permission, authorisation). */
  get needsAdministrator(): boolean {
    return ADMIN_CODES.has(this.code);
  }
}
