import { randomUUID } from 'node:crypto';
import { AppError } from '../../http/errors';
import type { DirectLineRepository } from './directline.repository';

/** Image types a citizen may upload (photos of the scene); anything else is refused. */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

/** One file of an upload. */
export interface UploadedFile {
  contentType: string;
  name: string | undefined;
  data: Buffer;
}

/** The parts of an upload request: files and the optional activity part DirectLineJS sends with them. */
export interface ParsedUpload {
  files: UploadedFile[];
  activity: Record<string, unknown> | undefined;
}

/**
 * Parses Direct Line's upload body: `multipart/form-data` with `file` parts plus an optional
 * `application/vnd.microsoft.activity` part, or a single raw file with Content-Type and Content-Disposition.
 * Multipart is parsed by the platform's own `Request.formData()`.
 */
export async function parseUpload(
  body: Buffer,
  contentType: string,
  disposition: string | undefined,
): Promise<ParsedUpload> {
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    const name = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1];
    return {
      files: [{ contentType: contentType.split(';')[0]!.trim(), name, data: body }],
      activity: undefined,
    };
  }
  let form: FormData;
  try {
    form = await new Request('http://upload.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw new AppError('upload_invalid', 400);
  }
  const files: UploadedFile[] = [];
  let activity: Record<string, unknown> | undefined;
  for (const [, value] of form.entries()) {
    if (typeof value === 'string') continue;
    const data = Buffer.from(await value.arrayBuffer());
    if (value.type === 'application/vnd.microsoft.activity') activity = parseActivityPart(data);
    else files.push({ contentType: value.type, name: value.name || undefined, data });
  }
  return { files, activity };
}

function parseActivityPart(data: Buffer): Record<string, unknown> {
  try {
    return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new AppError('activity_invalid', 400);
  }
}

/** Checks type and size of every file, stores them, and returns their attachments for the activity. */
export async function storeUploads(
  repo: DirectLineRepository,
  conversationId: string,
  files: UploadedFile[],
  maxBytes: number,
  httpOrigin: string,
): Promise<Array<{ contentType: string; contentUrl: string; name?: string }>> {
  if (files.length === 0 || files.length > 10) throw new AppError('upload_invalid', 400);
  for (const file of files) {
    if (!(UPLOAD_TYPES as readonly string[]).includes(file.contentType) || file.data.length === 0)
      throw new AppError('upload_invalid', 400);
    if (file.data.length > maxBytes) throw new AppError('upload_too_large', 413);
  }
  const attachments = [];
  for (const file of files) {
    const id = randomUUID();
    await repo.saveUpload({
      id,
      conversationId,
      contentType: file.contentType,
      name: file.name ?? null,
      size: file.data.length,
      data: file.data,
    });
    attachments.push({
      contentType: file.contentType,
      contentUrl: `${httpOrigin}/v3/directline/attachments/${id}`,
      name: file.name,
    });
  }
  return attachments;
}
