import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { Logger } from 'pino';
import { AppError } from '../../http/errors';
import { assertSdkAccepts, parsePostedActivity, tokenParametersSchema } from './activity.schema';
import { BOT_ACCOUNT, DIRECTLINE_CHANNEL, SERVICE_URL, type DirectLineAdapter } from './directline.adapter';
import { assertConversationAccess, requireCaller, type Caller } from './directline.auth';
import type { DirectLineHub } from './directline.hub';
import { runAsOneUnit, type HeldReply, type StateChange } from '../../bot/turn-effects';
import { whileRenewing } from '../../db/lease';
import { TURN_LEASE_SECONDS, type DirectLineRepository, type TurnKey } from './directline.repository';
import type { DirectLineTokens } from './directline.token';
import { UploadLinks } from './upload-link';
import { parseWatermark, toActivitySet, type ActivitySet } from './directline.activity-set';

export { parseWatermark, type ActivitySet } from './directline.activity-set';

// A retry of a message still being answered waits this long for that turn before acknowledging it anyway (the
// answer then arrives on the stream); the running process renews its lease three times per lease period.
const RETRY_WAIT_MS = 25_000;
const LEASE_RENEW_MS = (TURN_LEASE_SECONDS * 1000) / 3;

/** `{conversationId, token, expires_in}` and, for conversation calls, the WebSocket `streamUrl`. */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

/** Where the service builds absolute URLs from (the request's origin or PUBLIC_BASE_URL). */
export interface Origin {
  http: string;
  ws: string;
}

/** The Direct Line 3.0 operations, free of Express: tokens, conversations, activities, streams. */
export class DirectLineService {
  constructor(
    private readonly repo: DirectLineRepository,
    private readonly tokens: DirectLineTokens,
    private readonly adapter: DirectLineAdapter,
    private readonly hub: DirectLineHub,
    private readonly logger: Logger,
    private readonly links?: UploadLinks,
  ) {}

  /** tokens/generate: a new conversation and a token scoped to it. Only the secret may choose the user id. */
  async generateToken(caller: Caller, body: unknown): Promise<ConversationGrant> {
    if (caller.kind === 'token') throw new AppError('token_invalid', 403);
    const params = tokenParametersSchema.parse(body ?? {});
    const chosen = caller.kind === 'secret' ? params.user?.id : undefined;
    const userId = chosen ?? `dl_${randomUUID()}`;
    const conversationId = randomUUID();
    await this.repo.createConversation(conversationId, userId);
    return this.grant(conversationId, userId);
  }

  /** tokens/refresh: a fresh token for the same conversation (an expired token was already refused). */
  async refreshToken(caller: Caller): Promise<ConversationGrant> {
    const c = requireCaller(caller);
    if (c.kind !== 'token') throw new AppError('token_invalid', 403);
    await this.existing(c.claims.conv);
    return this.grant(c.claims.conv, c.claims.user);
  }

  /** POST /conversations: starts (201) or, for a token whose conversation already started, resumes (200). */
  async startConversation(
    caller: Caller,
    body: unknown,
    origin: Origin,
  ): Promise<{ created: boolean; grant: ConversationGrant }> {
    const c = requireCaller(caller);
    const generated = c.kind === 'secret' ? await this.generateToken(c, body) : undefined;
    const conversationId = generated?.conversationId ?? (c.kind === 'token' ? c.claims.conv : '');
    const conversation = await this.existing(conversationId);
    const created = await this.repo.markStarted(conversationId);
    if (created) await this.greet(conversationId, conversation.userId);
    const grant = this.grant(conversationId, conversation.userId);
    return { created, grant: { ...grant, streamUrl: this.streamUrl(origin, conversationId, grant.token) } };
  }

  /** GET /conversations/:id: a fresh token and streamUrl to reconnect from a watermark. */
  async reconnect(
    caller: Caller,
    conversationId: string,
    watermark: string | undefined,
    origin: Origin,
  ): Promise<ConversationGrant> {
    assertConversationAccess(caller, conversationId);
    const conversation = await this.existing(conversationId);
    const grant = this.grant(conversationId, conversation.userId);
    return {
      ...grant,
      streamUrl: this.streamUrl(origin, conversationId, grant.token, parseWatermark(watermark)),
    };
  }

  /** GET activities after a watermark. */
  async activities(
    caller: Caller,
    conversationId: string,
    watermark: string | undefined,
  ): Promise<ActivitySet> {
    assertConversationAccess(caller, conversationId);
    await this.existing(conversationId);
    const after = parseWatermark(watermark);
    return toActivitySet(await this.repo.activitiesAfter(conversationId, after), after, this.links);
  }

  /** The activities a stream sends: same data as the polling GET. */
  async activitiesSince(conversationId: string, after: number): Promise<ActivitySet> {
    return toActivitySet(await this.repo.activitiesAfter(conversationId, after), after, this.links);
  }

  /**
   * POST activities: validates, echoes (with clientActivityID and a server id), then runs the bot's turn.
   * Attachments must point at this server's uploads: a link elsewhere would reach agency staff as a "photo".
   */
  async postActivity(
    caller: Caller,
    conversationId: string,
    body: unknown,
    origin: Origin,
  ): Promise<{ id: string }> {
    assertConversationAccess(caller, conversationId);
    const conversation = await this.existing(conversationId);
    const posted = parsePostedActivity(body);
    await this.assertOwnUploads(posted.attachments ?? [], conversationId, origin);
    const raw = posted.channelData?.clientActivityID;
    const clientId = typeof raw === 'string' ? raw : undefined;
    const earlier = clientId && (await this.earlierPost(conversationId, clientId));
    if (earlier) return earlier;
    const activity = {
      ...posted,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: DIRECTLINE_CHANNEL,
      serviceUrl: SERVICE_URL,
      conversation: { id: conversationId },
      from: { id: conversation.userId, name: posted.from?.name, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      locale: posted.locale ?? 'vi-VN',
    };
    assertSdkAccepts(activity);
    if (activity.type === ActivityTypes.Typing) {
      this.hub.publish(conversationId, { kind: 'ephemeral', activity });
      return { id: activity.id };
    }
    try {
      await this.repo.append(conversationId, activity);
    } catch (err) {
      // The same clientActivityID posted twice at once: the other request stored it first; answer as a retry.
      const stored = clientId && isUniqueViolation(err) && (await this.earlierPost(conversationId, clientId));
      if (stored) return stored;
      throw err;
    }
    this.hub.publish(conversationId, { kind: 'stored' });
    await this.runTurn(
      activity,
      typeof clientId === 'string' ? { conversationId, clientActivityId: clientId } : undefined,
    );
    return { id: activity.id };
  }

  /**
   * Attachments a client posts must be uploads of this very conversation, at our origin: a link elsewhere would
   * reach agency staff as a "photo", and another conversation's upload is not the poster's to attach.
   */
  private async assertOwnUploads(
    attachments: Array<{ contentUrl?: string }>,
    conversationId: string,
    origin: Origin,
  ): Promise<void> {
    for (const a of attachments) {
      const url = a.contentUrl ?? '';
      const id = url.startsWith(`${origin.http}/`) ? UploadLinks.uploadId(url) : undefined;
      const upload = id && (await this.repo.findUpload(id));
      if (!upload || upload.conversationId !== conversationId)
        throw new AppError('activity_invalid', 400, undefined, ['attachments']);
    }
  }

  /** A message already stored under this clientActivityID: its id, after its turn is finished. */
  private async earlierPost(conversationId: string, clientId: string): Promise<{ id: string } | undefined> {
    const earlier = await this.repo.findByClientActivityId(conversationId, clientId);
    if (!earlier) return undefined;
    if (!earlier.turnDone) await this.finishEarlierTurn(conversationId, clientId);
    return { id: String(earlier.activity.id) };
  }

  /**
   * Runs a turn and records it done; a turn that failed gives its lease back at once, so the client's retry runs
   * it again now instead of waiting for the lease to run out (it waited 30 s).
   */
  /**
   * A retried message that is stored but whose turn never finished: the process that stored it may still be
   * running it (wait) or may have died (once its lease runs out, run the turn here, once). Found by the load and
   * fault suite: a kill -9 between storing and answering left the retry acknowledged but never answered.
   */
  private async finishEarlierTurn(conversationId: string, clientId: string): Promise<void> {
    const deadline = Date.now() + RETRY_WAIT_MS;
    while (Date.now() < deadline) {
      if (await this.repo.claimTurn(conversationId, clientId, TURN_LEASE_SECONDS * 1000)) {
        const stored = await this.repo.findByClientActivityId(conversationId, clientId);
        await this.runTurn(stored!.activity, { conversationId, clientActivityId: clientId });
        return;
      }
      const now = await this.repo.findByClientActivityId(conversationId, clientId);
      if (!now || now.turnDone) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Runs a turn as one unit: its state, its replies and (for a message with a clientActivityID) its done mark
   * commit together, while a heartbeat keeps the message's short lease. Found by the load and fault suite: a kill -9
   * between storing the replies and marking the turn done made the retry run the turn a second time.
   */
  private async runTurn(activity: Record<string, unknown>, done?: TurnKey): Promise<void> {
    const conversationId = (activity.conversation as { id: string }).id;
    const commit = async (state: StateChange[], replies: HeldReply[]) => {
      await this.repo.commitTurn(state, replies, done);
      if (replies.length > 0) this.hub.publish(conversationId, { kind: 'stored' });
    };
    const turn = () =>
      runAsOneUnit(commit, () => this.adapter.processActivity(Activity.fromObject(activity)));
    try {
      if (!done) await turn();
      else await whileRenewing(() => this.repo.renewTurnLease(done), LEASE_RENEW_MS, turn);
    } catch (err) {
      this.logger.error({ err, conversationId }, 'bot turn failed');
      // Nothing of the turn was committed: a retry may run it at once.
      if (done) await this.repo.releaseTurn(done).catch(() => undefined);
      throw new AppError('bot_error', 502);
    }
  }

  private async greet(conversationId: string, userId: string): Promise<void> {
    await this.runTurn({
      type: ActivityTypes.ConversationUpdate,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: DIRECTLINE_CHANNEL,
      serviceUrl: SERVICE_URL,
      conversation: { id: conversationId },
      from: { id: userId, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      membersAdded: [{ id: userId, role: 'user' }],
      locale: 'vi-VN',
    });
  }

  /** Checks a conversation exists (404 otherwise). */
  async existing(conversationId: string): Promise<{ id: string; userId: string }> {
    const conversation = await this.repo.findConversation(conversationId);
    if (!conversation) throw new AppError('conversation_not_found', 404);
    return conversation;
  }

  private grant(conversationId: string, userId: string): ConversationGrant {
    return {
      conversationId,
      token: this.tokens.issue(conversationId, userId),
      expires_in: this.tokens.ttlSeconds,
    };
  }

  private streamUrl(origin: Origin, conversationId: string, token: string, watermark?: number): string {
    const url = new URL(
      `${origin.ws}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream`,
    );
    url.searchParams.set('t', token);
    if (watermark !== undefined && watermark > 0) url.searchParams.set('watermark', String(watermark));
    return url.toString();
  }
}

/** A unique-index violation: the row another request just stored. */
function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
