import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import { TurnContext, type ResourceResponse } from '@microsoft/agents-hosting';
import { currentTurnEffects } from '../../bot/turn-effects';
import { InProcessAdapter, type TurnLogic } from '../in-process.adapter';
import type { Logger } from 'pino';
import type { LinkAllowList } from '../../http/link-allow-list';
import { safeMarkdown } from '../../text/safe-markdown';
import type { DeliveryResult, OutboundChannel, OutboundMessage } from '../../ports';
import type { DirectLineHub } from './directline.hub';
import type { DirectLineRepository } from './directline.repository';

/** The channel id of every Direct Line activity and conversation reference. */
export const DIRECTLINE_CHANNEL = 'directline';
/** The bot's account as the web chat sees it. */
export const BOT_ACCOUNT = { id: 'tiepdan', name: 'Tiếp dân', role: 'bot' } as const;
/** The service URL recorded in references; nothing is ever posted to it (replies stay in-process). */
export const SERVICE_URL = 'urn:tiepdan:directline';

/** Bot logic run for one turn (re-exported for the Direct Line feature). */
export type { TurnLogic };

/**
 * In-process adapter: runs the bot on activities posted through Direct Line and stores its replies as
 * conversation activities (which the polling GET and the WebSocket stream then deliver). Also the `directline`
 * OutboundChannel: a proactive message days later is just another stored bot activity.
 */
export class DirectLineAdapter extends InProcessAdapter implements OutboundChannel {
  readonly channel = DIRECTLINE_CHANNEL;

  constructor(
    private readonly repo: DirectLineRepository,
    private readonly hub: DirectLineHub,
    private readonly logic: TurnLogic,
    private readonly logger: Logger,
    private readonly links: LinkAllowList,
  ) {
    super('Direct Line');
  }

  /** Runs one incoming activity through the middleware and the bot. */
  async processActivity(activity: Activity): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), this.logic);
  }

  /**
   * Stores each outgoing activity, or holds it for the commit of a turn run as one unit (typing is forwarded to
   * open streams only, as Azure does).
   */
  async sendActivities(_context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Delay) {
        await new Promise((r) => setTimeout(r, Math.min(Number(activity.value) || 0, 5_000)));
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new Error('outgoing activity without conversation id');
      // Web Chat renders text as Markdown with raw HTML: what leaves here keeps only allowed links and no HTML.
      if (typeof activity.text === 'string')
        activity.text = safeMarkdown(activity.text, await this.links.policy());
      const stored = toStoredReply(activity);
      const held = currentTurnEffects();
      if (activity.type === ActivityTypes.Typing) {
        this.hub.publish(conversationId, { kind: 'ephemeral', activity: stored });
      } else if (held) {
        // Stored with the turn's state and done mark, in one commit (see DirectLineService.runTurn).
        held.replies.push({ conversationId, activity: stored });
      } else {
        await this.repo.append(conversationId, stored);
        this.hub.publish(conversationId, { kind: 'stored' });
      }
      responses.push({ id: String(stored.id) });
    }
    return responses;
  }

  /** OutboundChannel: delivers a message into a stored conversation, however long ago it went quiet. */
  async deliver(message: OutboundMessage): Promise<DeliveryResult> {
    const conversation = await this.repo.findConversation(message.to.conversationId);
    if (!conversation) return { ok: false, permanent: true, error: 'unknown Direct Line conversation' };
    let externalId: string | undefined;
    try {
      await this.continueConversation(
        conversationReference(conversation.id, conversation.userId),
        async (ctx) => {
          const reply = Activity.fromObject({ type: ActivityTypes.Message, text: message.text });
          if (message.suggestedActions?.length)
            reply.suggestedActions = {
              to: [],
              actions: message.suggestedActions.map((title) => ({ type: 'imBack', title, value: title })),
            };
          externalId = (await ctx.sendActivity(reply))?.id;
        },
      );
    } catch (err) {
      this.logger.warn({ err, outboxId: message.id }, 'direct line delivery failed');
      return { ok: false, permanent: false, error: err instanceof Error ? err.message : String(err) };
    }
    return { ok: true, externalId };
  }
}

/** The reference of a Direct Line conversation, as stored tickets remember it. */
export function conversationReference(conversationId: string, userId: string): ConversationReference {
  return {
    channelId: DIRECTLINE_CHANNEL,
    serviceUrl: SERVICE_URL,
    conversation: { id: conversationId },
    user: { id: userId, role: 'user' },
    agent: { ...BOT_ACCOUNT },
    locale: 'vi-VN',
  } as ConversationReference;
}

function toStoredReply(activity: Activity): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  return {
    ...plain,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: DIRECTLINE_CHANNEL,
    from: { ...BOT_ACCOUNT },
  };
}
