import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { clientAddress } from '../../http/client-address';
import { AppError } from '../../http/errors';
import type { RateCounter } from '../../http/rate-counter';
import { assertConversationAccess, type Caller } from './directline.auth';
import type { DirectLineRouteDeps } from './directline.routes';
import type { Origin } from './directline.service';
import { parseUpload, storeUploads } from './directline.upload';

/** Upload limits derived from DIRECT_LINE_UPLOAD_MAX_BYTES: a conversation stores at most this many files' worth. */
export const CONVERSATION_UPLOAD_FILES = 6;
/** Upload requests per minute, per conversation token and per client address. */
export const UPLOADS_PER_MINUTE = 10;

/** What the upload routes need beyond the Direct Line route deps. */
export interface UploadRouteDeps extends DirectLineRouteDeps {
  caller(req: Request): Promise<Caller>;
  origin(req: Request): Origin;
  messages: RateCounter;
}

/**
 * `POST …/upload` and `GET /v3/directline/attachments/:id`. The caller is authenticated, rate-limited and checked
 * against the conversation before a byte of the body is read (four refused uploads used to store 110 MB); each
 * conversation stores a bounded number of bytes. Files are served only to their conversation (token, or a signed
 * expiring link the conversation's activities carry) or the server-to-server secret.
 */
export function uploadRoutes(deps: UploadRouteDeps): Router {
  const dl = deps.config.directLine;
  const perToken = deps.rateCounters('dl-uploads-token', UPLOADS_PER_MINUTE, 60_000);
  const perAddress = deps.rateCounters('dl-uploads-ip', UPLOADS_PER_MINUTE, 60_000);
  const bodyLimit = dl.uploadMaxBytes * 4 + 65_536;
  const conversationCap = dl.uploadMaxBytes * CONVERSATION_UPLOAD_FILES;
  const router = Router();
  const admit = async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    await perAddress.hit(`ip:${clientAddress(req)}`);
    const c = await deps.caller(req);
    assertConversationAccess(c, String(req.params.id));
    if (c.kind === 'token') {
      await perToken.hit(c.claims.conv);
      await deps.messages.hit(c.claims.conv);
    }
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > bodyLimit) throw new AppError('upload_too_large', 413);
    await deps.service.existing(String(req.params.id));
    const stored = await deps.repo.uploadedBytes(String(req.params.id));
    if (stored + Math.min(declared, bodyLimit) > conversationCap)
      throw new AppError('upload_quota_exceeded', 413);
    next();
  };
  router.post(
    '/v3/directline/conversations/:id/upload',
    admit,
    express.raw({ type: () => true, limit: bodyLimit }),
    async (req, res) => {
      const id = String(req.params.id);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const parsed = await parseUpload(body, req.get('content-type') ?? '', req.get('content-disposition'));
      const attachments = await storeUploads(
        deps.repo,
        id,
        parsed.files,
        dl.uploadMaxBytes,
        deps.origin(req).http,
      );
      const activity = { type: 'message', ...(parsed.activity ?? {}), attachments };
      res.json(await deps.service.postActivity(await deps.caller(req), id, activity, deps.origin(req)));
    },
  );
  router.get('/v3/directline/attachments/:id', async (req, res) => {
    const id = String(req.params.id);
    const signed = deps.links.verify(id, req.query.exp, req.query.sig);
    const c = signed ? undefined : await deps.caller(req);
    const upload = /^[0-9a-f-]{36}$/.test(id) ? await deps.repo.findUpload(id) : null;
    if (!upload) throw new AppError('attachment_not_found', 404);
    if (c) assertConversationAccess(c, upload.conversationId);
    res.set({
      'Content-Type': upload.contentType,
      'Cache-Control': 'private, max-age=300',
      'Content-Disposition': 'inline',
    });
    res.send(upload.data);
  });
  return router;
}
