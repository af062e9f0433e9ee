import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import { allowedHref, type LinkPolicy } from './link-policy';

/**
 * Markdown made safe for Web Chat, which renders bot text as Markdown with raw HTML on (`<a>`, `<button>`,
 * `<img>` survive its sanitiser) and bare URLs turned into links. Formatting (bold, lists, line breaks) stays;
 * raw HTML is shown as text; a link stays clickable only when the policy allows its target, otherwise its label
 * is shown as plain text; a bare URL the policy does not allow is shown as code (not clickable); an image only
 * from our own origin, otherwise its alt text. The result is then parsed the way Web Chat parses it, and if
 * anything not allowed would still render, the whole text is sent with every Markdown character escaped.
 */

// The parser Web Chat 4.18 renders with (markdown-it 13, the same options), so we check what it will render.
const md = new MarkdownIt({ html: true, linkify: true, typographer: true, breaks: false });
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
// Raw HTML Markdown would pass through: script and style elements whole, comments, declarations, any other tag.
const RAW_HTML =
  /^(?:<(script|style)\b[^]*?<\/\1\s*>|<!--[^]*?-->|<![A-Za-z[][^>]*>|<\?[^]*?\?>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>)/i;

interface InlineLink {
  label: string;
  dest: string;
  end: number;
}

/** Index just past the code span opening at i, or -1 when the backtick run is not closed. */
function codeSpanEnd(src: string, i: number): number {
  let n = 0;
  while (src[i + n] === '`') n++;
  const fence = '`'.repeat(n);
  let j = src.indexOf(fence, i + n);
  while (j !== -1) {
    let k = j;
    while (src[k] === '`') k++;
    if (k - j === n) return k;
    j = src.indexOf(fence, k);
  }
  return -1;
}

/** The `]` matching the `[` at i (escapes and code spans skipped), or -1. */
function closingBracket(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '`') {
      const end = codeSpanEnd(src, j);
      if (end !== -1) j = end - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  return -1;
}

/** The destination starting at i inside `(…)`: `<…>` or a run without spaces and with balanced parentheses. */
function destination(src: string, i: number): { dest: string; end: number } | null {
  if (src[i] === '<') {
    const close = src.indexOf('>', i + 1);
    const dest = close === -1 ? '' : src.slice(i + 1, close);
    return close === -1 || /[<\n]/.test(dest) ? null : { dest, end: close + 1 };
  }
  let depth = 0;
  let j = i;
  for (; j < src.length; j++) {
    const c = src[j]!;
    if (c === '\\' && ASCII_PUNCT.test(src[j + 1] ?? '')) j++;
    else if (/\s/.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
  }
  return { dest: src.slice(i, j), end: j };
}

/** `[label](dest "title")` starting at i, or null when the text there is not an inline link. */
function inlineLink(src: string, i: number): InlineLink | null {
  const close = closingBracket(src, i);
  if (close === -1 || src[close + 1] !== '(') return null;
  let j = close + 2;
  while (/[ \t\n]/.test(src[j] ?? '')) j++;
  const d = destination(src, j);
  if (!d) return null;
  j = d.end;
  while (/[ \t\n]/.test(src[j] ?? '')) j++;
  const opener = src[j];
  if (opener === '"' || opener === "'" || opener === '(') {
    const closer = opener === '(' ? ')' : opener;
    const end = src.indexOf(closer, j + 1);
    if (end === -1) return null;
    j = end + 1;
    while (/[ \t\n]/.test(src[j] ?? '')) j++;
  }
  if (src[j] !== ')') return null;
  return { label: src.slice(i + 1, close), dest: d.dest, end: j + 1 };
}

/** The href Web Chat would follow for a Markdown destination (escapes and entities decoded, normalised). */
function decodedHref(dest: string): string {
  return md.normalizeLink(md.utils.unescapeAll(dest));
}

/** A Markdown destination that reads back as exactly this href. */
function markdownHref(href: string): string {
  return href.replace(/&/g, '&amp;').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

const codeSpan = (text: string): string => `\`${text.replace(/`/g, '')}\``;

/** Plain text: bare URLs and e-mail addresses Web Chat would link become code unless the policy allows them. */
function neutraliseBareLinks(text: string, policy: LinkPolicy): string {
  const matches = md.linkify.match(text);
  if (!matches) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    const href = /^https?:/i.test(m.url) ? allowedHref(m.url, policy) : null;
    out += text.slice(at, m.index) + (href ? m.raw : codeSpan(m.raw));
    at = m.lastIndex;
  }
  return out + text.slice(at);
}

function linkOrLabel(link: InlineLink, policy: LinkPolicy, image: boolean, inLabel: boolean): string {
  const label = sanitise(link.label, policy, true);
  const href = allowedHref(decodedHref(link.dest), policy, image);
  if (!href || inLabel) return label;
  return `${image ? '!' : ''}[${label}](${markdownHref(href)})`;
}

/** One pass over the source; inLabel: inside a link's label, where no further link may open. */
function sanitise(src: string, policy: LinkPolicy, inLabel: boolean): string {
  let out = '';
  let text = '';
  const flush = () => {
    out += neutraliseBareLinks(text, policy);
    text = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && ASCII_PUNCT.test(src[i + 1] ?? '')) {
      text += c + src[++i];
    } else if (c === '`' && codeSpanEnd(src, i) !== -1) {
      const end = codeSpanEnd(src, i);
      flush();
      out += src.slice(i, end);
      i = end - 1;
    } else if (c === '<') {
      const auto = /^<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*)>/.exec(src.slice(i));
      flush();
      if (auto) {
        const href = allowedHref(decodedHref(auto[1]!), policy);
        out +=
          href && !inLabel
            ? `[${auto[1]!.replace(/[[\]\\]/g, '\\$&')}](${markdownHref(href)})`
            : codeSpan(auto[1]!);
        i += auto[0].length - 1;
      } else {
        const tag = RAW_HTML.exec(src.slice(i));
        out += tag ? '' : '\\<';
        if (tag) i += tag[0].length - 1;
      }
    } else if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      const image = c === '!';
      const link = inlineLink(src, image ? i + 1 : i);
      flush();
      if (link) {
        out += linkOrLabel(link, policy, image, inLabel);
        i = link.end - 1;
      } else {
        out += image ? '!\\[' : '\\[';
        if (image) i++;
      }
    } else text += c;
  }
  flush();
  return out;
}

function tokenAllowed(t: Token, policy: LinkPolicy): boolean {
  if (t.type === 'html_block' || t.type === 'html_inline') return false;
  if (t.type === 'link_open') return allowedHref(t.attrGet('href') ?? '', policy) !== null;
  if (t.type === 'image') return allowedHref(t.attrGet('src') ?? '', policy, true) !== null;
  return (t.children ?? []).every((child) => tokenAllowed(child, policy));
}

/** True when Web Chat, rendering this Markdown, would show no raw HTML and no link or image the policy forbids. */
export function rendersSafely(markdown: string, policy: LinkPolicy): boolean {
  return md.parse(markdown, {}).every((t) => tokenAllowed(t, policy));
}

/** Every Markdown character escaped and every would-be link shown as code: nothing renders but text. */
function inertMarkdown(text: string): string {
  const matches = md.linkify.match(text) ?? [];
  let out = '';
  let at = 0;
  const escape = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  for (const m of matches) {
    out += escape(text.slice(at, m.index)) + codeSpan(m.raw);
    at = m.lastIndex;
  }
  return out + escape(text.slice(at));
}

/** Markdown for Web Chat from text that may not be ours (see the module comment). */
export function safeMarkdown(text: string, policy: LinkPolicy): string {
  const cleaned = sanitise(text.replace(/\r\n?/g, '\n'), policy, false);
  if (rendersSafely(cleaned, policy)) return cleaned;
  const inert = inertMarkdown(text);
  return rendersSafely(inert, policy) ? inert : inert.replace(/[^\p{L}\p{N}\s]/gu, ' ');
}
