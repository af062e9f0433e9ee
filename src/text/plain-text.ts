import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token';
import { allowedHref, type LinkPolicy } from './link-policy';
import { safeMarkdown } from './safe-markdown';

/**
 * Markdown as plain text, for channels that show text as typed (Zalo): emphasis marks and raw HTML tags go, list
 * items keep a dash or their number, a link becomes its label followed by its URL when the policy allows the URL
 * and its label alone otherwise; a bare URL the policy does not allow loses its scheme and has its dots bracketed
 * (`evil[.]example/login`), so the app showing it does not make it clickable.
 */

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** Bare URLs the policy does not allow, as text no app turns into a link (e-mail addresses stay as they are). */
function defangBareUrls(text: string, policy: LinkPolicy): string {
  let out = '';
  let at = 0;
  for (const m of md.linkify.match(text) ?? []) {
    const keep = m.schema === 'mailto:' || allowedHref(m.url, policy);
    const host = (s: string) => s.replace(/\./g, '[.]');
    const shown = m.raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^/?#]*/, host);
    out += text.slice(at, m.index) + (keep ? m.raw : shown);
    at = m.lastIndex;
  }
  return out + text.slice(at);
}

const stripTags = (html: string): string => html.replace(/<[^>]*>/g, '');

function inlineText(children: readonly Token[], policy: LinkPolicy): string {
  let out = '';
  const hrefs: Array<{ href: string | null; start: number }> = [];
  for (const t of children) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n';
    else if (t.type === 'image') out += t.children ? inlineText(t.children, policy) : t.content;
    else if (t.type === 'html_inline') out += '';
    else if (t.type === 'link_open')
      hrefs.push({ href: allowedHref(t.attrGet('href') ?? '', policy), start: out.length });
    else if (t.type === 'link_close') {
      const link = hrefs.pop();
      const label = link ? out.slice(link.start) : '';
      if (link?.href && label.trim() !== link.href) out += ` (${link.href})`;
    }
  }
  return out;
}

function blockText(tokens: readonly Token[], policy: LinkPolicy): string {
  let out = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  for (const t of tokens) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') {
      const list = lists[lists.length - 1];
      out += `${'  '.repeat(Math.max(0, lists.length - 1))}${list?.ordered ? `${list.n++}. ` : '- '}`;
    } else if (t.type === 'inline') out += inlineText(t.children ?? [], policy);
    else if (t.type === 'fence' || t.type === 'code_block') out += `${t.content}\n`;
    else if (t.type === 'html_block') out += stripTags(t.content);
    else if (t.type === 'hr') out += '———\n';
    else if (t.type === 'paragraph_close' || t.type === 'heading_close') out += t.hidden ? '\n' : '\n\n';
  }
  return out;
}

/** Plain text of Markdown that may not be ours (see the module comment). */
export function plainTextOf(markdown: string, policy: LinkPolicy): string {
  const text = blockText(md.parse(safeMarkdown(markdown, policy), {}), policy);
  return defangBareUrls(text, policy)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
