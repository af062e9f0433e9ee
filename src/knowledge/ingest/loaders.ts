import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../../http/errors';
import { vi } from '../../i18n/strings.vi';

/** File extensions ingestion understands. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.docx'] as const;

/** Plain text of a file, as its loader read it. */
export type Loader = (bytes: Buffer) => Promise<string>;

const decodeUtf8 = (bytes: Buffer): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Markdown: keep the words, drop the markup that would pollute terms (links keep their text).
function markdownToText(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[*_`>]{1,3}/g, '');
}

function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, nav, header, footer').remove();
  const title = $('title').first().text().trim();
  $('p, div, li, h1, h2, h3, h4, h5, h6, br, tr, section, article').after('\n');
  const body = $('body').text() || $.root().text();
  const text = body.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  return title && !text.trimStart().startsWith(title) ? `${title}\n\n${text}` : text;
}

async function pdfToText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}

async function docxToText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

const LOADERS: Record<string, Loader> = {
  '.txt': (b) => Promise.resolve(decodeUtf8(b)),
  '.md': (b) => Promise.resolve(markdownToText(decodeUtf8(b))),
  '.html': (b) => Promise.resolve(htmlToText(decodeUtf8(b))),
  '.htm': (b) => Promise.resolve(htmlToText(decodeUtf8(b))),
  '.pdf': pdfToText,
  '.docx': docxToText,
};

/** Reads a file and returns its text; throws AppError with a stable code when it cannot be used. */
export async function loadFile(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (!LOADERS[ext]) throw new AppError('ingest_unsupported_type', 400, vi.knowledge.ingestUnsupported(ext));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new AppError('ingest_unreadable', 400, vi.knowledge.ingestUnreadable);
  }
  return loadBytes(file, bytes);
}

/** The text of a document given as bytes (an upload); its name's extension picks the loader. */
export async function loadBytes(name: string, bytes: Buffer): Promise<string> {
  const ext = path.extname(name).toLowerCase();
  const loader = LOADERS[ext];
  if (!loader) throw new AppError('ingest_unsupported_type', 400, vi.knowledge.ingestUnsupported(ext));
  let text: string;
  try {
    text = await loader(bytes);
  } catch {
    throw new AppError('ingest_unreadable', 400, vi.knowledge.ingestCorrupt(ext));
  }
  if (text.replace(/\s+/g, '').length === 0) throw new AppError('ingest_empty', 400, vi.knowledge.ingestEmpty);
  return text.replace(/\r\n?/g, '\n');
}
