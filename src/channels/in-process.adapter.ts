import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import {
  BaseAdapter,
  TurnContext,
  type AttachmentData,
  type AttachmentInfo,
  type AuthConfiguration,
} from '@microsoft/agents-hosting';
import type { ResourceResponse } from '@microsoft/agents-hosting';

/** Bot logic run for one turn. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The part every in-process channel adapter shares: no Bot Connector service behind it (so no auth config),
 * messages that cannot be edited or recalled once sent, no bot-side attachment store, and proactive turns that
 * run the middleware on a continuation activity.
 */
export abstract class InProcessAdapter extends BaseAdapter {
  authConfig: AuthConfiguration = { clientId: '', issuers: [] };

  constructor(private readonly channelName: string) {
    super();
  }

  /** Messages are immutable once sent on this channel. */
  async updateActivity(): Promise<void> {
    throw new Error(`updateActivity is not supported on ${this.channelName}`);
  }

  /** Messages cannot be recalled on this channel. */
  async deleteActivity(): Promise<void> {
    throw new Error(`deleteActivity is not supported on ${this.channelName}`);
  }

  /** Runs logic in a turn continuing the referenced conversation (proactive messages). */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = Activity.getContinuationActivity(reference as ConversationReference);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Citizens' files arrive through the channel itself; the bot never uploads. */
  async uploadAttachment(_conversationId: string, _data: AttachmentData): Promise<ResourceResponse> {
    throw new Error('uploadAttachment is not supported');
  }

  /** Not used by in-process channels. */
  async getAttachmentInfo(_attachmentId: string): Promise<AttachmentInfo> {
    throw new Error('getAttachmentInfo is not supported');
  }

  /** Not used by in-process channels. */
  async getAttachment(_attachmentId: string, _viewId: string): Promise<NodeJS.ReadableStream> {
    throw new Error('getAttachment is not supported');
  }
}
