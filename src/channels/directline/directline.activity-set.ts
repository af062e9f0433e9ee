import type { StoredActivity } from './directline.repository';
import type { UploadLinks } from './upload-link';

/** An ActivitySet page. */
export interface ActivitySet {
  activities: Array<Record<string, unknown>>;
  watermark: string;
}

/** Watermarks are the decimal seq of the last activity seen; anything else reads from the start. */
export function parseWatermark(watermark: string | undefined): number {
  const n = Number(watermark);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** A page of stored activities as the client reads it, with the watermark after its last one. */
export function toActivitySet(rows: StoredActivity[], after: number, links?: UploadLinks): ActivitySet {
  const last = rows.at(-1)?.seq ?? after;
  return { activities: rows.map((r) => withSignedLinks(r.activity, links)), watermark: String(last) };
}

/** The activity as its conversation reads it: links to our uploads signed for a limited time. */
function withSignedLinks(activity: Record<string, unknown>, links: UploadLinks | undefined) {
  const attachments = activity.attachments;
  if (!links || !Array.isArray(attachments)) return activity;
  return {
    ...activity,
    attachments: attachments.map((a: Record<string, unknown>) =>
      typeof a?.contentUrl === 'string' ? { ...a, contentUrl: links.sign(a.contentUrl) } : a,
    ),
  };
}
