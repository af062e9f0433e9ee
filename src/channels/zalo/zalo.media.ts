import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZaloMediaRepository } from './zalo.repository';

/** What keeping photos needs. */
export interface ZaloMediaDeps {
  repo: ZaloMediaRepository;
  logger: Logger;
  maxBytes: number;
  timeoutMs: number;
  /**
   * Our origin (PUBLIC_BASE_URL, required in production) for the kept photos' URLs. Staff open them through the
   * portal, which recognises the path whatever the host, so without it a reserved `.invalid` host stands in.
   */
  publicBaseUrl?: string;
  fetch?: typeof fetch;
}

/** A photo (or a voice message, a video) as the bot receives it: our URL and its type. */
export interface KeptPhoto {
  url: string;
  contentType: string;
}

const IMAGE_TYPES = /^image\/(jpeg|png|webp|gif)$/;
// Voice messages and videos: any audio or video type Zalo's CDN declares (staff play them in their browser).
const AUDIO_VIDEO_TYPES = /^(audio|video)\/[a-z0-9.+-]+$/;

/** The same id for the same photo of the same message, so a re-run turn does not download it again. */
function mediaId(messageId: string, index: number): string {
  const h = createHash('sha256').update(`zalo-media:${messageId}#${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Copies citizens' photos, voice messages and videos from Zalo's CDN into our database on receipt (Zalo's links
 * are not ours to keep): the expected types only, at most `maxBytes`, within `timeoutMs`. A file that breaks a
 * limit is left out and logged.
 */
export class ZaloMediaStore {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly deps: ZaloMediaDeps) {
    this.fetchFn = deps.fetch ?? fetch;
  }

  /** Keeps a voice message or a video; null when it broke a limit (the bot then keeps only its description). */
  async keepAudioVideo(userId: string, messageId: string, url: string): Promise<KeptPhoto | null> {
    return (await this.keep(userId, messageId, [url], AUDIO_VIDEO_TYPES))[0] ?? null;
  }

  /** Keeps each photo of a message; returns those kept, in order, with our URLs. */
  async keep(userId: string, messageId: string, urls: string[], accept = IMAGE_TYPES): Promise<KeptPhoto[]> {
    const kept: KeptPhoto[] = [];
    const origin = this.deps.publicBaseUrl?.replace(/\/+$/, '') ?? 'http://tiepdan.invalid';
    for (const [i, url] of urls.entries()) {
      const id = mediaId(messageId, i);
      const stored = await this.deps.repo.mediaType(id);
      const contentType = stored ?? (await this.download(id, userId, messageId, url, accept));
      if (contentType) kept.push({ url: `${origin}/channels/zalo/media/${id}`, contentType });
    }
    return kept;
  }

  private async download(
    id: string,
    userId: string,
    messageId: string,
    url: string,
    accept: RegExp,
  ): Promise<string | null> {
    try {
      const res = await this.fetchFn(url, { signal: AbortSignal.timeout(this.deps.timeoutMs) });
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!res.ok || !accept.test(type)) return this.skip(`HTTP ${res.status} ${type || 'no type'}`);
      if (Number(res.headers.get('content-length') ?? 0) > this.deps.maxBytes) return this.skip('too large');
      const data = await this.readCapped(res);
      if (!data) return this.skip('too large');
      await this.deps.repo.insertMedia({ id, userId, messageId, contentType: type, data });
      return type;
    } catch (err) {
      return this.skip(err instanceof Error ? err.message : String(err));
    }
  }

  // Reads the body but stops as soon as it passes the limit (a missing or false Content-Length is no defence).
  private async readCapped(res: Response): Promise<Buffer | null> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > this.deps.maxBytes) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  private skip(reason: string): null {
    this.deps.logger.warn({ reason }, 'Zalo media not kept');
    return null;
  }
}
