import { isIP } from 'node:net';
import { z } from 'zod';

// proxy-addr's names for address ranges, accepted in a TRUST_PROXY list as Express accepts them.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`/`0` (no proxy), a hop count (`1` = one proxy in front), or a comma-separated list of the
 * proxies' addresses or CIDR ranges. `true` (trust every hop) is refused: it lets a client choose its own address
 * by sending `X-Forwarded-For`, which bypassed every per-address limit.
 */
export function trustProxySchema() {
  return z.string().transform((raw, ctx): false | number | string[] => {
    const v = raw.trim();
    if (v === 'false' || v === '0' || v === 'no') return false;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    if (v !== 'true' && list.length > 0 && list.every(isAddressOrCidr)) return list;
    ctx.addIssue({
      code: 'custom',
      message:
        "must be false, a hop count (e.g. 1) or the proxies' addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1); " +
        '"true" would trust a client-sent X-Forwarded-For',
    });
    return z.NEVER;
  });
}
