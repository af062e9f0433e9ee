import { createHmac } from 'node:crypto';
import { safeEqual } from '../../http/security';
import { uploadIdOf } from '../../http/upload-url';

/**
 * Signed, expiring links to uploaded files. Uploads are not public: Web Chat shows a citizen's own photo through
 * an `<img>` that cannot send the conversation token, so the activities we serve to that conversation carry links
 * signed for a limited time instead; anyone else (a forwarded link after expiry, a guessed id) gets 403.
 */
export class UploadLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', 'tiepdan.upload-link').update(secret).digest();
  }

  /** The upload id when the URL is one of our upload URLs (any query ignored), else undefined. */
  static uploadId(url: string): string | undefined {
    return uploadIdOf(url);
  }

  /** Our upload URL with `exp` and `sig` added; other URLs unchanged. */
  sign(url: string): string {
    const id = UploadLinks.uploadId(url);
    if (!id) return url;
    // Rounded to the minute, so repeated reads of one activity give the same link (browser caching works).
    const exp = Math.ceil((this.now() / 1000 + this.ttlSeconds) / 60) * 60;
    return `${url.split('?')[0]}?exp=${exp}&sig=${this.mac(id, exp)}`;
  }

  /** True when sig is ours for this id and exp has not passed. */
  verify(id: string, exp: unknown, sig: unknown): boolean {
    const at = Number(exp);
    if (typeof sig !== 'string' || !Number.isInteger(at) || at * 1000 < this.now()) return false;
    return safeEqual(sig, this.mac(id, at));
  }

  private mac(id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}.${exp}`).digest('base64url');
  }
}
