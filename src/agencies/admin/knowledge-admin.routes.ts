import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { vi } from '../../i18n/strings.vi';
import { appError } from '../../http/errors';
import type { KnowledgeAdmin } from '../../knowledge/admin/knowledge-admin';
import { requireRole } from '../../http/access';
import { requirePortalUser, verifyCsrf } from '../portal-session.middleware';
import { knowledgePage, questionsPage } from '../views/knowledge-admin.view';

const metaField = z
  .string()
  .trim()
  .max(300)
  .optional()
  .transform((v) => v || undefined);
const uploadMeta = z.object({
  title: metaField,
  issuer: metaField,
  number: metaField,
  date: metaField.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .optional(),
  ),
  source: metaField,
  province: metaField,
});
const publishForm = z.object({
  question: z.string().trim().min(3).max(1000),
  answer: z.string().trim().min(3).max(8000),
  issuer: z.string().trim().max(200).optional(),
});
const statusQuery = z.enum(['open', 'answered', 'dismissed']).catch('open');
const questionId = (req: Request) =>
  z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .parse(req.params.id);

function send(res: Response, body: string): void {
  res.status(200).type('html').set('Cache-Control', 'no-store').send(body);
}

// Only administrators get as far as reading a (possibly large) upload body.
function adminOnly(req: Request, _res: Response, next: NextFunction): void {
  requireRole(req.staff!, 'admin');
  next();
}

/** Reads a multipart form into req.body (text fields) and req.uploadedFile, with the platform's own parser. */
export function multipartForm(maxBytes: number) {
  const raw = express.raw({ type: 'multipart/form-data', limit: maxBytes + 64 * 1024 });
  return [
    raw,
    async (req: Request, _res: Response, next: NextFunction) => {
      if (!Buffer.isBuffer(req.body)) return next(appError('form_invalid', 400));
      try {
        const form = await new globalThis.Request('http://portal.invalid/', {
          method: 'POST',
          headers: { 'content-type': req.get('content-type') ?? '' },
          body: new Uint8Array(req.body),
        }).formData();
        const fields: Record<string, string> = {};
        let file: { name: string; bytes: Buffer } | undefined;
        for (const [key, value] of form.entries()) {
          if (typeof value === 'string') fields[key] = value;
          else if (key === 'file') file = { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
        }
        req.body = fields;
        req.uploadedFile = file;
        next();
      } catch {
        next(appError('form_invalid', 400));
      }
    },
  ];
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The file part of a multipart form, set by multipartForm. */
    uploadedFile?: { name: string; bytes: Buffer };
  }
}

/** `/portal/admin/knowledge` and `/portal/admin/questions`: the knowledge base and the unanswered questions. */
export function knowledgeAdminRoutes(kb: KnowledgeAdmin, maxUploadBytes: number): Router {
  const router = Router();
  const maxMb = Math.max(1, Math.round(maxUploadBytes / (1024 * 1024)));
  const guard = [requirePortalUser, adminOnly];
  const write = [requirePortalUser, adminOnly, verifyCsrf];
  const showKnowledge = async (req: Request, res: Response, notice?: string) =>
    send(res, knowledgePage(req.staff!, await kb.repo.uploads(), await kb.repo.documents(), maxMb, notice));
  const showQuestions = async (req: Request, res: Response, notice?: string) => {
    const status = statusQuery.parse(req.query['trang-thai']);
    send(res, questionsPage(req.staff!, status, await kb.repo.unanswered(status), notice));
  };

  router.get('/portal/admin/knowledge', ...guard, (req, res) => showKnowledge(req, res));
  router.post(
    '/portal/admin/knowledge/upload',
    ...guard,
    ...multipartForm(maxUploadBytes),
    verifyCsrf,
    async (req, res) => {
      const file = req.uploadedFile;
      if (!file || file.name.length === 0) throw appError('form_invalid', 400);
      const metadata = uploadMeta.parse(req.body ?? {});
      await kb.upload(req.staff!, { filename: file.name, bytes: file.bytes, metadata });
      await showKnowledge(req, res, vi.admin.knowledge.uploaded(file.name));
    },
  );
  router.post('/portal/admin/knowledge/delete', ...write, async (req, res) => {
    const { id } = z.object({ id: z.string().min(1).max(300) }).parse(req.body ?? {});
    await kb.deleteDocument(req.staff!, id);
    await showKnowledge(req, res, vi.admin.knowledge.removed);
  });

  router.post('/portal/admin/knowledge/province', ...write, async (req, res) => {
    const f = z
      .object({ id: z.string().min(1).max(300), province: z.string().max(100).default('') })
      .parse(req.body ?? {});
    const done = await kb.setDocumentProvince(req.staff!, f.id, f.province);
    const K = vi.admin.knowledge;
    await showKnowledge(
      req,
      res,
      done.reset ? K.provinceReset(done.title) : K.provinceSaved(done.title, done.province),
    );
  });

  router.get('/portal/admin/questions', ...guard, (req, res) => showQuestions(req, res));
  router.post('/portal/admin/questions/:id/publish', ...write, async (req, res) => {
    const f = publishForm.parse(req.body ?? {});
    await kb.publishAnswer(req.staff!, questionId(req), f);
    await showQuestions(req, res, vi.admin.knowledge.published);
  });
  router.post('/portal/admin/questions/:id/dismiss', ...write, async (req, res) => {
    await kb.dismiss(req.staff!, questionId(req));
    res.redirect(303, '/portal/admin/questions');
  });
  return router;
}
