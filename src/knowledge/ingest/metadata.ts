import { z } from 'zod';
import { normalizeText } from '../../text/normalize';
import { docNumbersAsPrinted } from './doc-numbers';

/** What a document says about itself; any field may come from a sidecar `<file>.meta.json`. */
export interface DocumentMetadata {
  title: string;
  date: string | null;
  source: string | null;
  issuer: string | null;
  number: string | null;
  /** The province the document is about, when the sidecar says; otherwise inferred at ingest. */
  province?: string | null;
}

/** The sidecar metadata file's shape (every field optional). */
export const sidecarSchema = z.object({
  title: z.string().min(1).optional(),
  date: z.string().min(4).optional(),
  source: z.string().min(1).optional(),
  issuer: z.string().min(1).optional(),
  number: z.string().min(1).optional(),
  province: z.string().min(1).optional(),
});

/** Sidecar metadata as parsed. */
export type Sidecar = z.infer<typeof sidecarSchema>;

// A link ends before white space, brackets and quotes (straight or curly); trailing punctuation is not part of it.
const URL_RE = /https?:\/\/[^\s()"'<>“”‘’«»]+(?<![.,;:!?])/u;

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** The first date the text gives: ISO (2025-11-19), "dd/mm/yyyy", or "ngày d tháng m năm y". */
export function extractDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/u.exec(text);
  const dmy = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/u.exec(text);
  const words = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/iu.exec(text);
  const found = [
    iso && { at: iso.index, value: iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}` },
    dmy && { at: dmy.index, value: `${dmy[3]}-${pad(dmy[2] as string)}-${pad(dmy[1] as string)}` },
    words && { at: words.index, value: `${words[3]}-${pad(words[2] as string)}-${pad(words[1] as string)}` },
  ].filter((f): f is { at: number; value: string } => Boolean(f));
  found.sort((a, b) => a.at - b.at);
  return found[0]?.value ?? null;
}

/** Title, date, source link and number from the text itself; the sidecar, when present, wins field by field. */
export function extractMetadata(text: string, fallbackTitle: string, sidecar: Sidecar = {}): DocumentMetadata {
  const firstLine =
    text
      .split('\n')
      .map((l) => normalizeText(l))
      .find((l) => l.length > 0) ?? '';
  const title = firstLine.length > 0 && firstLine.length <= 200 ? firstLine : fallbackTitle;
  const head = text.slice(0, 600);
  return {
    title: sidecar.title ?? title,
    date: sidecar.date ?? extractDate(head),
    source: sidecar.source ?? URL_RE.exec(text)?.[0] ?? null,
    issuer: sidecar.issuer ?? null,
    number: sidecar.number ?? docNumbersAsPrinted(head)[0] ?? null,
    province: sidecar.province ?? null,
  };
}
