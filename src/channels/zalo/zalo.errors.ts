/** Zalo error codes that mean "this message can never be delivered as is" (window closed, not a follower, …). */
const PERMANENT = new Set([-230, -213, -227, -244, -248, -201, -240, -209, -212, -223]);
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

  /** True when the citizen's 7-day interaction window is closed or they do not follow the OA. */
  get outsideWindow(): boolean {
    return this.code === -230 || this.code === -213;
  }
}
