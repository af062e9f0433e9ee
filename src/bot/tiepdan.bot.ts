import {
  ActivityHandler,
  ConversationState,
  UserState,
  type AgentStatePropertyAccessor,
  type Storage,
  type TurnContext,
} from '@microsoft/agents-hosting';
import { DialogSet, DialogTurnStatus, type DialogState } from '@microsoft/agents-hosting-dialogs';
import type { Logger } from 'pino';
import { DIALOG_IDS, type BotServices } from '../../dialogs/bot-services';
import { globalCommand, menuMessage } from '../../dialogs/dialog-helpers';
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
  private readonly subject: AgentStatePropertyAccessor<Subject | null>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    services: BotServices,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.subject = conversationState.createProperty<Subject | null>('askSubject');
    this.dialogs = new DialogSet(this.dialogState).add(new MainDialog(services));
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id !== botId))
        await ctx.sendActivity(menuMessage(vi.bot.welcome));
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
    const subject = agedSubject(await this.subject.get(ctx, null));
    await this.subject.set(ctx, subject);
    let result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      const options: MainOptions = { text: ctx.activity.text ?? '', subject };
      result = await dc.beginDialog(DIALOG_IDS.main, options);
    }
    // An answered question (the ask dialog's outcome) becomes the subject for the next messages.
    const outcome = result.result as { subject?: Subject | null } | undefined;
    if (result.status === DialogTurnStatus.complete && outcome && 'subject' in outcome)
      await this.subject.set(ctx, outcome.subject ?? null);
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
