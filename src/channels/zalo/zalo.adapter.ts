import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { TurnContext, type ResourceResponse } from '@microsoft/agents-hosting';
import { InProcessAdapter, type TurnLogic } from '../in-process.adapter';
import type { Logger } from 'pino';
import type { ZaloInbound } from './zalo.events';
import type { ZaloConversationHandler } from './zalo.inbound.job';
import type { ZaloOutboundChannel } from './zalo.outbound';
import type { ZaloConversationRepository } from './zalo.repository';
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

/** A reply Zalo did not accept for now (rate limit, network): the whole event is retried later. */
export class ZaloDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZaloDeliveryError';
  }
}

/** Wraps the bot's turn-error handler so temporary delivery failures reach the inbound worker's retry. */
export function zaloTurnErrorHandler(botHandler: (context: TurnContext, error: Error) => Promise<void>) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    if (error instanceof ZaloDeliveryError) throw error;
    await botHandler(context, error);
  };
}

/** What the adapter needs. */
export interface ZaloAdapterDeps {
  outbound: ZaloOutboundChannel;
  conversations: ZaloConversationRepository;
  logic: TurnLogic;
  clock: Timer;
  logger: Logger;
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
        attachments: inbound.urls.map((url) => ({ contentType: 'image/jpeg', contentUrl: url })),
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
    case 'unfollow':
      return null;
  }
}

/**
 * In-process adapter for the Zalo OA: runs the bot on webhook events and sends its replies through the OA API.
 * Reply n of the turn caused by Zalo message m is delivered under the key `m:rn`, so when a failed turn is
 * retried the parts Zalo already accepted are not sent again.
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
    const choices = inbound.kind === 'text' ? await this.deps.conversations.choices(inbound.userId) : [];
    const activity = toActivity(inbound, now, choices);
    if (!activity) return;
    await this.runMiddleware(new TurnContext(this, activity), this.deps.logic);
  }

  /** Sends message replies to the citizen; a temporary Zalo failure throws so the event is retried later. */
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
      const result = await this.deps.outbound.deliver({
        id: `${context.activity.id ?? 'proactive'}:r${index}`,
        to: { channel: ZALO_CHANNEL, conversationId: userId, userId },
        // Made plain text (and its links checked) by the outbound channel, like every message to Zalo.
        text: activity.text ?? '',
        suggestedActions: choices,
      });
      if (!result.ok && !result.permanent)
        throw new ZaloDeliveryError(`Zalo delivery failed: ${result.error}`);
      if (!result.ok)
        this.deps.logger.warn({ userId: 'redacted', error: result.error }, 'Zalo reply undeliverable');
      await this.deps.conversations.setChoices(userId, choices, this.deps.clock.now());
      responses.push({ id: result.ok ? (result.externalId ?? '') : '' });
    }
    return responses;
  }
}
