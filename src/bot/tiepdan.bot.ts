import {
  ActivityHandler,
  ConversationState,
  UserState,
  type AgentStatePropertyAccessor,
  type Storage,
  type TurnContext,
} from '@microsoft/agents-hosting';
import {
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
} from '@microsoft/agents-hosting-dialogs';
import type { Logger } from 'pino';
import { DIALOG_IDS, type BotServices } from '../../dialogs/bot-services';
import { globalCommand, menuMessage, withSuggestions } from '../../dialogs/dialog-helpers';
import type { FeedbackDraft } from '../../dialogs/feedback-draft';
import { botButton, interruption, runningDraft, type BotButton } from '../../dialogs/interruptions';
import {
  asideMessage,
  extractUnreadable,
  MAX_KEPT_FILES,
  unreadableReply,
  type KeptFile,
} from '../../dialogs/kept-files';
import { MainDialog, type MainOptions } from '../../dialogs/main.dialog';
import { agedSubject, type Subject } from '../knowledge/answer/follow-up';
import { vi } from '../i18n/strings.vi';
import type { TurnLock } from './turn-lock.repository';
import { flushTurnEffects } from './turn-effects';
import { KeyedSerialQueue } from './turn-queue';

/**
 * The agent: greets new conversations, applies the global commands ("hủy", "thôi", "menu", "trợ giúp") at any
 * step, continues the running dialog or routes a new message through the main dialog, then saves state.
 */
export class TiepdanBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: AgentStatePropertyAccessor<DialogState>;
  /** A feedback draft the citizen turned away from, and whether resuming it was offered. */
  private readonly paused: AgentStatePropertyAccessor<{ draft: FeedbackDraft; offered: boolean } | null>;
  private readonly greeted: AgentStatePropertyAccessor<boolean>;
  /** What the conversation is about (the last answered question), for follow-up questions. */
  private readonly subject: AgentStatePropertyAccessor<Subject | null>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    services: BotServices,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.paused = conversationState.createProperty('pausedFeedback');
    this.greeted = conversationState.createProperty('greeted');
    this.subject = conversationState.createProperty<Subject | null>('askSubject');
    this.dialogs = new DialogSet(this.dialogState).add(new MainDialog(services));
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id !== botId)) {
        await ctx.sendActivity(menuMessage(vi.bot.welcome));
        await this.greeted.set(ctx, true);
      }
      await next();
    });
  }

  /** Runs the turn, then persists conversation and user state. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(ctx);
    const unreadable = extractUnreadable(ctx.activity);
    if (unreadable.length > 0 && !ctx.activity.text?.trim()) return this.keepUnreadable(dc, unreadable);
    const command = globalCommand(ctx.activity.text);
    if (command === 'cancel') {
      const active = Boolean(dc.activeDialog);
      await dc.cancelAllDialogs();
      await ctx.sendActivity(menuMessage(active ? vi.bot.cancelled : vi.bot.nothingToCancel));
      return;
    }
    if (command === 'menu') {
      await dc.cancelAllDialogs();
      await ctx.sendActivity(menuMessage());
      return;
    }
    if (command === 'help') {
      await ctx.sendActivity(vi.bot.help);
      if (dc.activeDialog) await dc.repromptDialog();
      else await ctx.sendActivity(menuMessage());
      return;
    }
    // What the conversation is about grows one message older each turn and is forgotten when too old.
    await this.subject.set(ctx, agedSubject(await this.subject.get(ctx, null)));
    const button = botButton(ctx.activity);
    const turnedAway = button ? undefined : interruption(ctx.activity.text, dc);
    if (button) await this.onButton(dc, button);
    else if (turnedAway) {
      await this.pause(dc);
      if (turnedAway.kind === 'askOther') {
        await ctx.sendActivity(vi.bot.resume.kept);
        await this.begin(dc, { text: vi.bot.menu.ask });
      } else await this.begin(dc, { text: turnedAway.text });
    } else {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await this.begin(dc, { text: ctx.activity.text ?? '' });
      else await this.keepSubject(dc, result);
    }
    await this.offerResume(dc);
  }

  /**
   * Audio, video, a link, a contact card: the bot says what it can take, and keeps them with the feedback draft
   * being filled in (running or paused) for the officer. The running dialog is not continued: its step, and the
   * choices of its question, stay as they were.
   */
  private async keepUnreadable(dc: DialogContext, files: KeptFile[]): Promise<void> {
    const paused = await this.paused.get(dc.context, null);
    const draft = runningDraft(dc) ?? paused?.draft;
    const before = draft?.files?.length ?? 0;
    if (draft) draft.files = [...(draft.files ?? []), ...files].slice(0, MAX_KEPT_FILES);
    if (paused && draft === paused.draft) await this.paused.set(dc.context, paused);
    const kept = (draft?.files?.length ?? 0) > before;
    await dc.context.sendActivity(asideMessage(unreadableReply(files, kept)));
  }

  private async begin(dc: DialogContext, options: MainOptions): Promise<void> {
    const greeted = Boolean(await this.greeted.get(dc.context));
    const subject = await this.subject.get(dc.context, null);
    const result = await dc.beginDialog(DIALOG_IDS.main, {
      subject,
      ...options,
      greeted,
    } satisfies MainOptions);
    await this.keepSubject(dc, result);
  }

  /** An answered question (the ask dialog's outcome) becomes the subject for the next messages. */
  private async keepSubject(dc: DialogContext, result: DialogTurnResult): Promise<void> {
    const outcome = result.result as { subject?: Subject | null } | undefined;
    if (result.status === DialogTurnStatus.complete && outcome && 'subject' in outcome)
      await this.subject.set(dc.context, outcome.subject ?? null);
  }

  /** A button the bot sent works in any state; turning to another task keeps the draft being filled in. */
  private async onButton(dc: DialogContext, button: BotButton): Promise<void> {
    if (button.kind === 'discard') {
      await this.paused.set(dc.context, null);
      await dc.cancelAllDialogs();
      await dc.context.sendActivity(menuMessage(vi.bot.resume.dropped));
      return;
    }
    if (button.kind === 'resume') {
      const paused = await this.paused.get(dc.context);
      await this.paused.set(dc.context, null);
      await dc.cancelAllDialogs();
      await this.begin(dc, paused ? { resume: paused.draft } : {});
      return;
    }
    await this.pause(dc);
    if (button.kind === 'rate')
      await this.begin(dc, { rate: { trackingCode: button.trackingCode, rating: button.rating } });
    else await this.begin(dc, { text: button.text });
  }

  /** Leaves the running dialogs, keeping a feedback draft (if one is being filled in) to resume later. */
  private async pause(dc: DialogContext): Promise<void> {
    const draft = runningDraft(dc);
    if (draft) await this.paused.set(dc.context, { draft, offered: false });
    await dc.cancelAllDialogs();
  }

  /** Once the task the citizen turned to is over, offers to go on with the draft they left. */
  private async offerResume(dc: DialogContext): Promise<void> {
    const paused = await this.paused.get(dc.context);
    if (!paused || paused.offered || dc.activeDialog) return;
    await this.paused.set(dc.context, { ...paused, offered: true });
    const r = vi.bot.resume;
    await dc.context.sendActivity(withSuggestions(r.prompt, [r.yes, r.no]));
  }
}

/** What createBot needs: the state store, the feature services, a logger. */
export interface BotDeps {
  storage: Storage;
  services: BotServices;
  logger: Logger;
  /** Cross-replica turn lease; without it turns are serialised within this process only. */
  turnLock?: TurnLock;
}

/** A ready bot: `handleTurn` runs a turn with turns of one conversation serialised. */
export interface Bot {
  bot: TiepdanBot;
  conversationState: ConversationState;
  handleTurn(context: TurnContext): Promise<void>;
  onTurnError(context: TurnContext, error: Error): Promise<void>;
}

/** The one place the bot's services (knowledge answers, triage, tickets) are passed in. */
export function createBot(deps: BotDeps): Bot {
  const conversationState = new ConversationState(deps.storage);
  const userState = new UserState(deps.storage);
  const bot = new TiepdanBot(conversationState, userState, deps.services);
  const queue = new KeyedSerialQueue();
  const logger = deps.logger.child({ component: 'bot' });
  return {
    bot,
    conversationState,
    handleTurn: (ctx) => {
      const key = `${ctx.activity.channelId}/${ctx.activity.conversation?.id}`;
      // A channel running the turn as one unit commits it here, before the next turn of the conversation starts.
      const run = async () => {
        await bot.run(ctx);
        await flushTurnEffects();
      };
      return queue.run(key, () => (deps.turnLock ? deps.turnLock.withLock(key, run) : run()));
    },
    async onTurnError(ctx, error) {
      logger.error({ err: error, conversationId: ctx.activity.conversation?.id }, 'bot turn failed');
      // A dialog that threw may be stuck mid-step: start clean rather than fail the same way again.
      await conversationState.delete(ctx).catch(() => undefined);
      await ctx.sendActivity(menuMessage(vi.bot.error)).catch(() => undefined);
    },
  };
}
