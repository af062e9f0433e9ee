import type { Activity } from '@microsoft/agents-activity';
import type { MessageTriage } from '../src/ports';
import { vi } from '../src/i18n/strings.vi';

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
  consentAt?: string;
  name?: string;
  phone?: string;
  /** The triage of the citizen's first message, handed through to filing. */
  triage?: MessageTriage;
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

/** Vietnamese phone numbers: 10 digits starting with 0, or +84 followed by 9 digits; spaces, dots, dashes allowed. */
export function isValidPhone(text: string): boolean {
  return /^(0\d{9}|\+84\d{9})$/.test(text.replace(/[\s.-]/g, ''));
}

/** Masks a phone number in the summary the citizen sees (the chat window may be on a shared screen). */
function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

/** The summary shown before confirmation. */
export function feedbackSummary(d: FeedbackDraft): string {
  const f = vi.bot.feedback;
  const place =
    d.commune?.name ?? d.address ?? (d.location ? `${d.location.lat}, ${d.location.lon}` : f.summaryNone);
  const lines = [
    `- ${f.summaryKind}: ${f.kinds[d.kind]}`,
    d.submitter
      ? `- ${f.summarySubmitter}: ${d.submitter === 'business' ? f.business : f.citizen}`
      : undefined,
    d.category ? `- ${f.summaryCategory}: ${vi.bot.categories[d.category] ?? d.category}` : undefined,
    d.kind === 'question' ? undefined : `- ${f.summaryLocation}: ${place}`,
    `- ${f.summaryDescription}: ${d.description ?? ''}`,
    d.photos.length ? `- ${f.summaryPhotos}: ${d.photos.length}` : undefined,
    `- ${f.summaryContact}: ${d.consentAt ? `${d.name}, ${maskPhone(d.phone ?? '')}` : f.summaryNoContact}`,
  ];
  return `${f.summaryTitle}\n\n${lines.filter(Boolean).join('\n')}`;
}
