import type { Activity } from '@microsoft/agents-activity';
import type { MessageTriage, NewTicketInput } from '../src/ports';
import { MAX_DESCRIPTION_CHARS } from '../src/tickets/new-ticket.schema';
import { vi } from '../src/i18n/strings.vi';
import { asTicketAttachment, type KeptFile } from './kept-files';

/** The steps of filing whose answers the draft holds; a step in `asked` is not asked again (resume, correction). */
export type DraftStep = 'submitter' | 'category' | 'place' | 'description' | 'extras' | 'contact' | 'publish';

/** What the feedback dialog has collected so far (kept in dialog state, so it is plain JSON). */
export interface FeedbackDraft {
  kind: 'question' | 'feedback' | 'complaint' | 'denunciation';
  submitter?: 'citizen' | 'business';
  category?: string;
  commune?: { code: string; name: string };
  address?: string;
  location?: { lat: number; lon: number; address?: string };
  description?: string;
  photos: Array<{ url: string; contentType: string; name?: string }>;
  /** Audio, video, links and contact cards the citizen sent while filing (absent in drafts from before them). */
  files?: KeptFile[];
  business?: { name?: string; taxCode?: string; project?: string };
  consentAt?: string;
  name?: string;
  phone?: string;
  /** The citizen agreed that an anonymised, agency-approved summary may be published. */
  publish?: boolean;
  asked: DraftStep[];
  /** The triage of the citizen's first message, handed through to filing. */
  triage?: MessageTriage;
}

/** The longest description the citizen can give: the ticket's limit less room for place and business details. */
export const DESCRIPTION_LIMIT = MAX_DESCRIPTION_CHARS - 1000;

/** What the messages call this draft: a question, a business obstacle, a complaint, a denunciation, feedback. */
export type DraftNoun = keyof typeof vi.bot.feedback.nouns;

/** The noun of a draft (see DraftNoun). */
export function nounOf(d: Pick<FeedbackDraft, 'kind' | 'submitter'>): DraftNoun {
  if (d.kind !== 'feedback') return d.kind;
  return d.submitter === 'business' ? 'business' : 'feedback';
}

/** A description that fits: the text up to the limit, cut at a word boundary; `cut` says whether it was cut. */
export function fitDescription(text: string): { text: string; cut: boolean } {
  const trimmed = text.trim();
  if (trimmed.length <= DESCRIPTION_LIMIT) return { text: trimmed, cut: false };
  const head = trimmed.slice(0, DESCRIPTION_LIMIT);
  const space = head.lastIndexOf(' ');
  return { text: (space > DESCRIPTION_LIMIT - 200 ? head.slice(0, space) : head).trim(), cut: true };
}

const IMAGE_TYPES = /^image\/(jpeg|jpg|png|webp|gif)$/;

/** Image attachments of a message (uploads through Direct Line, photos from Zalo). */
export function extractPhotos(activity: Activity): FeedbackDraft['photos'] {
  return (activity.attachments ?? [])
    .filter((a) => IMAGE_TYPES.test(a.contentType ?? '') && typeof a.contentUrl === 'string')
    .map((a) => ({ url: a.contentUrl!, contentType: a.contentType, name: a.name }));
}

type GeoEntity = { type?: string; latitude?: unknown; longitude?: unknown; geo?: GeoEntity; name?: string };

/** A shared location: a `GeoCoordinates` or `Place` entity (Bot Framework schema), if the message has one. */
export function extractLocation(activity: Activity): FeedbackDraft['location'] | undefined {
  for (const e of (activity.entities ?? []) as GeoEntity[]) {
    const geo = e.type === 'Place' ? e.geo : e.type === 'GeoCoordinates' ? e : undefined;
    const lat = Number(geo?.latitude);
    const lon = Number(geo?.longitude);
    if (geo && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      return { lat, lon, address: e.type === 'Place' ? e.name : undefined };
  }
  return undefined;
}

/**
 * Vietnamese phone numbers, with spaces, dots, dashes or brackets: a mobile (10 digits from 0), a fixed line with its
 * area code (11 digits from 02, as "0237 3855 123"), or either with +84 (or 84) instead of the 0.
 */
export function isValidPhone(text: string): boolean {
  const digits = normalisePhone(text);
  return /^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits);
}

/** The phone number as stored: digits only, a leading +84 or 84 written as 0. */
export function normalisePhone(text: string): string {
  const compact = text.replace(/[\s.()-]/g, '');
  if (/^\+?84\d{9,10}$/.test(compact)) return `0${compact.replace(/^\+?84/, '')}`;
  return compact;
}

/** Masks a phone number in the summary the citizen sees (the chat window may be on a shared screen). */
function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

const f = vi.bot.feedback;

/** Where the draft says it happened, as the summary shows it. */
export function placeOf(d: FeedbackDraft): string {
  return (
    d.commune?.name ?? d.address ?? (d.location ? `${d.location.lat}, ${d.location.lon}` : f.summaryNone)
  );
}

/** The summary shown before confirmation. */
export function feedbackSummary(d: FeedbackDraft): string {
  const b = d.business;
  const lines = [
    `- ${f.summaryKind}: ${f.kinds[nounOf(d)]}`,
    d.submitter && d.kind !== 'feedback'
      ? `- ${f.summarySubmitter}: ${d.submitter === 'business' ? f.business : f.citizen}`
      : undefined,
    d.category ? `- ${f.summaryCategory}: ${vi.bot.categories[d.category] ?? d.category}` : undefined,
    d.kind === 'question' ? undefined : `- ${f.summaryLocation}: ${placeOf(d)}`,
    b?.name ? `- ${f.summaryBusinessName}: ${b.name}` : undefined,
    b?.taxCode ? `- ${f.summaryTaxCode}: ${b.taxCode}` : undefined,
    b?.project ? `- ${f.summaryProject}: ${b.project}` : undefined,
    `- ${f.summaryDescription}: ${d.description ?? ''}`,
    d.photos.length ? `- ${f.summaryPhotos}: ${d.photos.length}` : undefined,
    d.files?.length ? `- ${f.summaryFiles}: ${d.files.length}` : undefined,
    `- ${f.summaryContact}: ${d.consentAt ? `${d.name}, ${maskPhone(d.phone ?? '')}` : f.summaryNoContact}`,
    d.publish === undefined
      ? undefined
      : `- ${f.summaryPublish}: ${d.publish ? f.summaryPublishYes : f.summaryPublishNo}`,
  ];
  return `${f.summaryTitle}\n\n${lines.filter(Boolean).join('\n')}`;
}

/** Photos first, then the other files the citizen sent; none: undefined. */
function attachmentsOf(draft: FeedbackDraft): NewTicketInput['attachments'] {
  const all = [...draft.photos.slice(0, 10), ...(draft.files ?? []).map(asTicketAttachment)];
  return all.length ? all : undefined;
}

/** The ticket a confirmed draft files; the receipt is shown in the chat, so no separate notice is queued. */
export function toTicketInput(draft: FeedbackDraft, activity: Activity): NewTicketInput {
  const b = draft.business;
  const marker = draft.submitter === 'business' ? `${f.businessMarker} ` : '';
  // The port's location needs coordinates; a typed address that named no known commune travels in the text.
  const details = [
    draft.address ? `${f.summaryLocation}: ${draft.address}` : undefined,
    b?.name ? `${f.summaryBusinessName}: ${b.name}` : undefined,
    b?.taxCode ? `${f.summaryTaxCode}: ${b.taxCode}` : undefined,
    b?.project ? `${f.summaryProject}: ${b.project}` : undefined,
  ].filter(Boolean);
  const tail = details.length ? `\n\n${details.join('\n')}` : '';
  return {
    kind: draft.kind,
    category: draft.category,
    communeCode: draft.commune?.code,
    description: `${marker}${draft.description ?? ''}${tail}`.slice(0, MAX_DESCRIPTION_CHARS),
    location: draft.location,
    attachments: attachmentsOf(draft),
    contact: draft.consentAt
      ? { name: draft.name, phone: draft.phone, consentAt: new Date(draft.consentAt) }
      : undefined,
    triage: draft.triage,
    ...(draft.publish !== undefined ? { publish: draft.publish } : {}),
    origin: {
      channel: activity.channelId ?? 'unknown',
      conversationId: activity.conversation?.id ?? '',
      userId: activity.from?.id ?? '',
    },
    acknowledged: true,
    idempotencyKey: `${activity.channelId}:${activity.conversation?.id}:${activity.id}`,
  };
}
