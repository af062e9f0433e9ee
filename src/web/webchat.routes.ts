import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import { webchatHtml, WEBCHAT_APP_JS } from './webchat.page';

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // DirectLineJS reads the chosen file back from its blob: URL before uploading it.
  "connect-src 'self' blob:",
  // Web Chat makes upload thumbnails in a blob: worker.
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** A static asset held in memory with its compressed forms (compressed once, on first request). */
class CompressedAsset {
  private gzip?: Buffer;
  private brotli?: Buffer;
  readonly etag: string;

  constructor(
    private readonly raw: Buffer,
    private readonly contentType: string,
  ) {
    this.etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  }

  /** Sends the best encoding the client accepts; versioned URLs are cached for a year, others revalidate. */
  send(req: Request, res: Response, immutable: boolean): void {
    res.set({
      'Content-Type': this.contentType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ETag: this.etag,
      Vary: 'Accept-Encoding',
    });
    if (req.get('if-none-match') === this.etag) {
      res.status(304).end();
      return;
    }
    const accepts = req.get('accept-encoding') ?? '';
    if (/\bbr\b/.test(accepts)) {
      this.brotli ??= brotliCompressSync(this.raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
      res.set('Content-Encoding', 'br').send(this.brotli);
    } else if (/\bgzip\b/.test(accepts)) {
      this.gzip ??= gzipSync(this.raw, { level: 9 });
      res.set('Content-Encoding', 'gzip').send(this.gzip);
    } else res.send(this.raw);
  }
}

/** Where npm put the Web Chat bundle. Its `exports` hide dist/, so resolve the main entry and walk up. */
function webchatDist(): { bundle: string; version: string } {
  let dir = path.dirname(require.resolve('botframework-webchat'));
  while (!existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return { bundle: path.join(dir, 'dist', 'webchat.js'), version: pkg.version };
}

/** The web chat page at `/` and its two scripts, all served by the app itself (no CDN at run time). */
export function webchatRoutes(): Router {
  const { bundle, version } = webchatDist();
  const webchat = new CompressedAsset(readFileSync(bundle), 'application/javascript; charset=utf-8');
  const app = new CompressedAsset(Buffer.from(WEBCHAT_APP_JS), 'application/javascript; charset=utf-8');
  const appVersion = app.etag.slice(1, 13);
  const page = new CompressedAsset(Buffer.from(webchatHtml(version, appVersion)), 'text/html; charset=utf-8');
  const router = Router();
  router.get('/', (req, res) => {
    // Web Chat draws some icons from blob: URLs; the app-wide policy allows only 'self' and data: images.
    res.set('Content-Security-Policy', PAGE_CSP);
    page.send(req, res, false);
  });
  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  router.get('/webchat/webchat.js', (req, res) => {
    // Portal pages on other domains may load the bundle (helmet's default would block it).
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    webchat.send(req, res, req.query.v === version);
  });
  router.get('/webchat/app.js', (req, res) => app.send(req, res, req.query.v === appVersion));
  return router;
}
