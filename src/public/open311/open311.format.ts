import type { Response } from 'express';
import { cleanText } from '../../text/clean-input';

/** Response formats GeoReport v2 defines. */
export type Open311Format = 'json' | 'xml';

/** A GeoReport error, returned as `[{code, description}]` (JSON) or `<errors><error>…</error></errors>` (XML). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// cleanText first: stored text predating input cleaning may hold characters XML 1.0 cannot carry at all.
const esc = (s: string) => cleanText(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

function xmlValue(tag: string, value: unknown): string {
  if (value === null || value === undefined) return `<${tag}/>`;
  if (Array.isArray(value))
    return `<${tag}>${value.map((v) => xmlValue(tag.replace(/s$/, ''), v)).join('')}</${tag}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => xmlValue(k, v))
      .join('');
    return `<${tag}>${inner}</${tag}>`;
  }
  return `<${tag}>${esc(String(value))}</${tag}>`;
}

/** Serialises a list of records: JSON array, or XML `<root><item>…</item></root>`. */
export function sendList(
  res: Response,
  format: Open311Format,
  root: string,
  item: string,
  rows: object[],
  status = 200,
): void {
  if (format === 'json') {
    res.status(status).json(rows);
    return;
  }
  const body = rows.map((r) => xmlValue(item, r)).join('');
  res
    .status(status)
    .type('text/xml')
    .send(`<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`);
}

/** Serialises one record (a service definition): JSON object, or XML `<root>…</root>`. */
export function sendObject(res: Response, format: Open311Format, root: string, value: object): void {
  if (format === 'json') {
    res.json(value);
    return;
  }
  res.type('text/xml').send(`<?xml version="1.0" encoding="utf-8"?>${xmlValue(root, value)}`);
}

/** Sends a GeoReport error in the requested format. */
export function sendError(res: Response, format: Open311Format, err: Open311Error): void {
  sendList(res, format, 'errors', 'error', [{ code: err.status, description: err.description }], err.status);
}
