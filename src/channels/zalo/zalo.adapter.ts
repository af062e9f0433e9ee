import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { TurnContext, type ResourceResponse } from '@microsoft/agents-hosting';
import { currentTurnEffects } from '../../bot/turn-effects';
import { InProcessAdapter, type TurnLogic } from '../in-process.adapter';
import type { Logger } from 'pino';
import { isAside } from '../../../dialogs/kept-files';
import type { ZaloInbound } from './zalo.events';
import type { ZaloConversationHandler } from './zalo.inbound.job';
import type { ZaloOutboundChannel } from './zalo.outbound';
import type { ZaloMediaStore } from './zalo.media';
import type { ZaloConversationRepository } from './zalo.repository';
import type { ZaloHeldReply } from './zalo.turn.repository';
import type { Timer } from '../../reference/clock';

/** The channel id of Zalo activities and conversation references. */
export const ZALO_CHANNEL = 'zalo';
const SERVICE_URL = 'urn:tiepdan:zalo';
const OA_ACCOUNT = { id: 'zalo-oa', name: 'Tiếp dân', role: 'bot' } as const;
const REPLY_INDEX = Symbol('zaloReplyIndex');
const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
// What the bot receives for a file it cannot read, when the channel holds no copy of its own type.
const MEDIA_TYPES: Record<string, string> = {
  audio: 'audio/*',
  video: 'video/*',
  link: 'text/uri-list',
  business_card: 'text/vcard',
};

/** What the adapter needs. */
export interface ZaloAdapterDeps {
  outbound: ZaloOutboundChannel;
  conversations: ZaloConversationRepository;
  logic: TurnLogic;
  clock: Timer;
  logger: Logger;
  /** Keeps citizens' photos in our storage on receipt; without it the bot gets Zalo's CDN links. */
  media?: ZaloMediaStore;
  /** Called when the citizen does something: Zalo's interaction window is open again. */
  onUserActive?: (userId: string) => Promise<unknown>;
}

type Actionable = Exclude<ZaloInbound, { kind: 'ignored' | 'receipt' }>;

/** Zalo sends phone numbers as 84xxxxxxxxx; citizens and agencies read them as 0xxxxxxxxx. */
function localPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

function base(inbound: Actionable, at: Date): Record<string, unknown> {
  return {
    channelId: ZALO_CHANNEL,
    serviceUrl: SERVICE_URL,
    conversation: { id: inbound.userId },
    from: { id: inbound.userId, role: 'user' },
    recipient: { ...OA_ACCOUNT },
    locale: 'vi-VN',
    timestamp: at.toISOString(),
    id: 'messageId' in inbound ? inbound.messageId : `${inbound.kind}:${inbound.userId}:${at.getTime()}`,
  };
}

/** Turns what the citizen did on Zalo into the Activity the bot understands (null: nothing for the bot to do). */
export function toActivity(inbound: Actionable, at: Date, choices: string[]): Activity | null {
  const common = base(inbound, at);
  switch (inbound.kind) {
    case 'text': {
      // A bare number answers the numbered choices of the bot's last message.
      const n = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(inbound.text)?.[1];
      const picked = n ? choices[Number(n) - 1] : undefined;
      return Activity.fromObject({ ...common, type: ActivityTypes.Message, text: picked ?? inbound.text });
    }
    case 'image':
      return Activity.fromObject({
        ...common,
        type: ActivityTypes.Message,
        text: inbound.text,
        attachments: inbound.urls.map((url, i) => ({
          contentType: inbound.types?.[i] ?? 'image/jpeg',
          contentUrl: url,
        })),
      });
    case 'file':
      return Activity.fromObject({
        ...common,
        type: ActivityTypes.Message,
        text: '',
        attachments: [
          {
            contentType: FILE_TYPES[inbound.contentType.toLowerCase()] ?? 'application/octet-stream',
            contentUrl: inbound.url,
            name: inbound.name,
          },
        ],
      });
    case 'location':
      return Activity.fromObject({
        ...common,
        type: ActivityTypes.Message,
        text: '',
        entities: [{ type: 'GeoCoordinates', latitude: inbound.latitude, longitude: inbound.longitude }],
      });
    case 'sticker':
      return Activity.fromObject({ ...common, type: ActivityTypes.Message, text: '' });
    case 'contact': {
      // The answer to "share your contact": handed to the dialog as the text the citizen would have typed.
      const text = [inbound.name, localPhone(inbound.phone)].filter(Boolean).join(', ');
      return Activity.fromObject({ ...common, type: ActivityTypes.Message, text });
    }
    case 'follow':
      return Activity.fromObject({
        ...common,
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: inbound.userId }],
      });
    case 'media':
      return Activity.fromObject({
        ...common,
        type: ActivityTypes.Message,
        text: '',
        attachments: [
          {
            contentType: inbound.contentType ?? MEDIA_TYPES[inbound.media]!,
            ...(inbound.url ? { contentUrl: inbound.url } : {}),
            ...(inbound.name ? { name: inbound.name } : {}),
          },
        ],
      });
    case 'unfollow':
      return null;
  }
}

/**
 * In-process adapter for the Zalo OA: runs the bot on webhook events and sends its replies through the OA API.
 * A turn's replies are held and committed with it into the outbox, which sends them in order and retries a
 * temporary failure with backoff, so a failed send neither loses the reply nor re-runs the turn.
 */
export class ZaloAdapter extends InProcessAdapter implements ZaloConversationHandler {
  constructor(private readonly deps: ZaloAdapterDeps) {
    super('Zalo');
  }

  /** Handles one stored webhook event. */
  async handle(inbound: Actionable): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.conversations.touch(
      inbound.userId,
      now,
      inbound.kind === 'unfollow' ? false : inbound.kind === 'follow' ? true : undefined,
    );
    if (inbound.kind !== 'unfollow') await this.deps.onUserActive?.(inbound.userId);
    if (inbound.kind === 'media') inbound = await this.keepMedia(inbound);
    if (inbound.kind === 'image' && this.deps.media) {
      const kept = await this.deps.media.keep(inbound.userId, inbound.messageId, inbound.urls);
      inbound = { ...inbound, urls: kept.map((k) => k.url), types: kept.map((k) => k.contentType) };
    }
    const choices = inbound.kind === 'text' ? await this.deps.conversations.choices(inbound.userId) : [];
    const activity = toActivity(inbound, now, choices);
    if (!activity) return;
    await this.runMiddleware(new TurnContext(this, activity), this.deps.logic);
  }

  /**
   * Holds message replies for the turn's commit (they reach the outbox with the turn's state and done mark, and
   * are sent after it); outside a turn run as one unit, delivers at once.
   */
  async sendActivities(context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      const index = ((context.turnState.get(REPLY_INDEX) as number | undefined) ?? 0) + 1;
      context.turnState.set(REPLY_INDEX, index);
      const userId = activity.conversation?.id ?? context.activity.conversation?.id ?? '';
      const choices = (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value ?? ''));
      // Made plain text (and its links checked) by the outbound channel, like every message to Zalo.
      // A side remark (what the bot cannot read) leaves the choices of the last question in force.
      const reply: ZaloHeldReply = {
        userId,
        text: activity.text ?? '',
        choices,
        keepChoices: isAside(activity),
      };
      const held = currentTurnEffects();
      const id = `${context.activity.id ?? 'proactive'}:r${index}`;
      if (held) held.replies.push({ conversationId: userId, activity: { ...reply } });
      else await this.deliverNow(id, reply);
      responses.push({ id });
    }
    return responses;
  }

  /**
   * Audio and video are copied into our storage like photos (same size and time limits); one that breaks a limit
   * reaches the bot without a URL, described only. A contact card is described only (its image is a stranger's
   * details on Zalo's CDN); a link is kept as the link.
   */
  private async keepMedia(inbound: Extract<Actionable, { kind: 'media' }>): Promise<Actionable> {
    if (inbound.media === 'business_card') return { ...inbound, url: undefined };
    if ((inbound.media !== 'audio' && inbound.media !== 'video') || !inbound.url || !this.deps.media)
      return inbound;
    const kept = await this.deps.media.keepAudioVideo(inbound.userId, inbound.messageId, inbound.url);
    return kept
      ? { ...inbound, url: kept.url, contentType: kept.contentType }
      : { ...inbound, url: undefined };
  }

  private async deliverNow(id: string, reply: ZaloHeldReply): Promise<void> {
    const result = await this.deps.outbound.deliver({
      id,
      to: { channel: ZALO_CHANNEL, conversationId: reply.userId, userId: reply.userId },
      text: reply.text,
      suggestedActions: reply.choices ?? [],
    });
    if (!result.ok) this.deps.logger.warn({ error: result.error }, 'Zalo reply undeliverable');
    if (!reply.keepChoices)
      await this.deps.conversations.setChoices(reply.userId, reply.choices ?? [], this.deps.clock.now());
  }
}
