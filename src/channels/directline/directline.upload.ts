import { randomUUID } from 'node:crypto';
import { AppError } from '../../http/errors';
import { cleanValue } from '../../text/clean-input';
import type { DirectLineRepository } from './directline.repository';

// Magic bytes: the declared type must match the content, so nothing else is served back as an image.
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

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
    // Cleaned like every JSON body (lone surrogates, control characters), which the app's parser did not see.
    return cleanValue(JSON.parse(data.toString('utf8'))) as Record<string, unknown>;
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
    if (file.data.length > maxBytes) throw new AppError('upload_too_large', 413);
    if (!SIGNATURES[file.contentType]?.(file.data)) throw new AppError('upload_invalid', 400);
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
