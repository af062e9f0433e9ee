import { Activity } from '@microsoft/agents-activity';
import { vi } from '../src/i18n/strings.vi';

/** What the bot cannot read: a voice message, a video, a shared link, a contact card. */
export type UnreadableKind = keyof typeof vi.bot.unreadable.kinds;

/**
 * A file kept with a feedback draft for the officer: our copy's URL (audio and video downloaded by the channel),
 * the link itself, or no URL at all (metadata only: too large, not downloadable, or a contact card).
 */
export interface KeptFile {
  kind: UnreadableKind;
  contentType: string;
  url?: string;
  name?: string;
}

/** How many such files one draft keeps (photos have their own limit). */
export const MAX_KEPT_FILES = 5;

// Standard types: a link travels as text/uri-list, a contact card as text/vcard.
function kindOf(contentType: string): UnreadableKind | undefined {
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType === 'text/uri-list') return 'link';
  if (contentType === 'text/vcard') return 'contact';
  return undefined;
}

/** The attachments of a message the bot cannot read (audio, video, links, contact cards). */
export function extractUnreadable(activity: Activity): KeptFile[] {
  return (activity.attachments ?? []).flatMap((a) => {
    const kind = kindOf(a.contentType ?? '');
    if (!kind) return [];
    const url =
      typeof a.contentUrl === 'string' && /^https?:\/\//.test(a.contentUrl) ? a.contentUrl : undefined;
    const name = typeof a.name === 'string' && a.name.trim() ? a.name.trim().slice(0, 200) : undefined;
    return [{ kind, contentType: a.contentType, ...(url ? { url } : {}), ...(name ? { name } : {}) }];
  });
}

/** A kept file as a ticket attachment: named for the case page, saying when only its description was kept. */
export function asTicketAttachment(file: KeptFile): { url?: string; contentType: string; name: string } {
  const u = vi.bot.unreadable;
  const label = file.name ? `${u.labels[file.kind]}: ${file.name}` : u.labels[file.kind];
  const stored = file.url !== undefined || file.kind === 'contact';
  return {
    ...(file.url ? { url: file.url } : {}),
    contentType: file.contentType,
    name: (stored ? label : `${label} (${u.notStored})`).slice(0, 300),
  };
}

/** The bot's reply to such a message: what it can take, and that the files were kept when a draft is open. */
export function unreadableReply(files: KeptFile[], kept: boolean): string {
  const u = vi.bot.unreadable;
  const what = [...new Set(files.map((f) => u.kinds[f.kind]))].join(', ');
  return kept ? `${u.said(what)} ${u.kept(what)}` : u.said(what);
}

/**
 * A side remark: a message that answers something without asking anything, so the choices of the bot's last
 * question still stand (a channel that answers choices by number keeps them).
 */
export function asideMessage(text: string): Activity {
  return Activity.fromObject({ type: 'message', text, channelData: { aside: true } });
}

/** Whether a bot message is a side remark (see asideMessage). */
export function isAside(activity: Activity): boolean {
  return (activity.channelData as { aside?: unknown } | undefined)?.aside === true;
}
