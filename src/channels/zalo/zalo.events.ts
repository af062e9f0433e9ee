import { z } from 'zod';

// Zalo sends ids and timestamps as large numeric strings; some clients have seen numbers. Keep them as strings.
const idString = z.union([z.string().min(1).max(64), z.number().transform((n) => n.toFixed(0))]);
const coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const attachment = z.object({
  type: z.string().max(32),
  payload: z
    .object({
      url: z.string().max(2048).optional(),
      thumbnail: z.string().max(2048).optional(),
      name: z.string().max(512).optional(),
      size: z.union([z.string(), z.number()]).optional(),
      type: z.string().max(64).optional(),
      id: z.union([z.string(), z.number()]).optional(),
      coordinates: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
    })
    .passthrough()
    .optional(),
});

const message = z
  .object({
    msg_id: idString.optional(),
    msg_ids: z.array(idString).max(500).optional(),
    text: z.string().max(20_000).optional(),
    attachments: z.array(attachment).max(20).optional(),
    quote_msg_id: idString.optional(),
  })
  .passthrough();

const info = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(32).optional(),
    address: z.string().max(500).optional(),
    city: z.string().max(200).optional(),
    district: z.string().max(200).optional(),
    ward: z.string().max(200).optional(),
    full_address: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/** The envelope common to OA webhook events; unknown fields are kept. */
export const zaloEventSchema = z
  .object({
    app_id: idString,
    event_name: z.string().min(1).max(64),
    timestamp: idString.refine((t) => /^\d{10,16}$/.test(t), 'timestamp must be epoch milliseconds'),
    user_id_by_app: idString.optional(),
    oa_id: idString.optional(),
    sender: z.object({ id: idString }).passthrough().optional(),
    recipient: z.object({ id: idString }).passthrough().optional(),
    follower: z.object({ id: idString }).passthrough().optional(),
    message: message.optional(),
    info: info.optional(),
    source: z.string().max(64).optional(),
  })
  .passthrough();

/** A parsed Zalo webhook event. */
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** Receipt events (sender = OA, recipient = user) and OA echoes: never bot input. */
const OA_SIDE = /^(user_received_message|user_seen_message|oa_send_)/;

/** The citizen this event concerns: the sender for user events, the recipient for receipts, the follower for follows. */
export function eventUserId(event: ZaloEvent): string | undefined {
  if (event.follower?.id) return event.follower.id;
  if (OA_SIDE.test(event.event_name)) return event.recipient?.id;
  return event.sender?.id;
}

/** The key Zalo's redeliveries share: msg_id, or event name + user + timestamp for events without one. */
export function eventDedupeKey(event: ZaloEvent): string {
  const msgId = event.message?.msg_id;
  if (msgId && !OA_SIDE.test(event.event_name)) return `msg:${msgId}`;
  const ids = event.message?.msg_ids?.join(',') ?? msgId ?? '';
  return `evt:${event.event_name}:${eventUserId(event) ?? '-'}:${event.timestamp}:${ids}`;
}

/** Messages the bot cannot read: it answers them with what it can take and keeps them with the conversation. */
export type MediaKind = 'audio' | 'video' | 'link' | 'business_card';
const MEDIA_EVENTS: Record<string, MediaKind> = {
  user_send_audio: 'audio',
  user_send_video: 'video',
  user_send_link: 'link',
  user_send_business_card: 'business_card',
};

/** What the conversation layer receives from Zalo, channel-neutral. */
export type ZaloInbound =
  | { kind: 'text'; userId: string; messageId: string; text: string }
  | { kind: 'image'; userId: string; messageId: string; text: string; urls: string[]; types?: string[] }
  | { kind: 'file'; userId: string; messageId: string; url: string; name: string; contentType: string }
  | { kind: 'location'; userId: string; messageId: string; latitude: number; longitude: number }
  | { kind: 'sticker'; userId: string; messageId: string }
  | {
      kind: 'media';
      userId: string;
      messageId: string;
      media: MediaKind;
      url?: string;
      name?: string;
      /** The type of our copy, once the channel kept the file. */
      contentType?: string;
    }
  | { kind: 'follow'; userId: string }
  | { kind: 'unfollow'; userId: string }
  | { kind: 'contact'; userId: string; name?: string; phone?: string; address?: string }
  | { kind: 'receipt'; userId: string; messageIds: string[]; receipt: 'received' | 'seen' }
  | { kind: 'ignored'; reason: string };

function messageInbound(event: ZaloEvent, userId: string): ZaloInbound {
  const messageId = event.message?.msg_id ?? `${event.event_name}:${event.timestamp}`;
  const atts = event.message?.attachments ?? [];
  const text = event.message?.text ?? '';
  switch (event.event_name) {
    case 'user_send_text':
      return { kind: 'text', userId, messageId, text };
    case 'user_send_image':
    case 'user_send_gif': {
      const urls = atts.map((a) => a.payload?.url).filter((u): u is string => !!u && /^https?:\/\//.test(u));
      return { kind: 'image', userId, messageId, text, urls };
    }
    case 'user_send_file': {
      const p = atts[0]?.payload;
      if (!p?.url) return { kind: 'ignored', reason: 'file without url' };
      return {
        kind: 'file',
        userId,
        messageId,
        url: p.url,
        name: p.name ?? 'tep-dinh-kem',
        contentType: p.type ?? '',
      };
    }
    case 'user_send_location': {
      const c = atts.find((a) => a.payload?.coordinates)?.payload?.coordinates;
      if (!c) return { kind: 'ignored', reason: 'location without coordinates' };
      return { kind: 'location', userId, messageId, latitude: c.latitude, longitude: c.longitude };
    }
    case 'user_send_sticker':
      return { kind: 'sticker', userId, messageId };
    case 'user_send_audio':
    case 'user_send_video':
    case 'user_send_link':
    case 'user_send_business_card': {
      const p = atts[0]?.payload;
      const url = typeof p?.url === 'string' && /^https?:\/\//.test(p.url) ? p.url : undefined;
      // A link's title or a card's text: the payload keys vary (only url is documented), so the first one present.
      const named = [p?.name, p?.title, p?.description].find((v) => typeof v === 'string' && v.trim());
      const name = typeof named === 'string' ? named.trim().slice(0, 200) : undefined;
      return { kind: 'media', userId, messageId, media: MEDIA_EVENTS[event.event_name]!, url, name };
    }
    default:
      return { kind: 'ignored', reason: `unsupported event ${event.event_name}` };
  }
}

/** Maps a webhook event to what the conversation layer should do with it. */
export function toInbound(event: ZaloEvent): ZaloInbound {
  const userId = eventUserId(event);
  if (!userId) return { kind: 'ignored', reason: 'no user id' };
  switch (event.event_name) {
    case 'follow':
      return { kind: 'follow', userId };
    case 'unfollow':
      return { kind: 'unfollow', userId };
    case 'user_submit_info': {
      const i = event.info ?? {};
      const address = i.address ?? [i.ward, i.district, i.city].filter(Boolean).join(', ');
      return { kind: 'contact', userId, name: i.name, phone: i.phone, address: address || undefined };
    }
    case 'user_received_message':
    case 'user_seen_message': {
      const ids = event.message?.msg_ids ?? (event.message?.msg_id ? [event.message.msg_id] : []);
      const receipt = event.event_name === 'user_seen_message' ? 'seen' : 'received';
      return { kind: 'receipt', userId, messageIds: ids, receipt };
    }
  }
  if (event.event_name.startsWith('oa_send_')) return { kind: 'ignored', reason: 'echo of an OA message' };
  return messageInbound(event, userId);
}
