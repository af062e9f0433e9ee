import { randomUUID } from 'node:crypto';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { MemoryStorage, TurnContext, type ResourceResponse } from '@microsoft/agents-hosting';
import type { BotServices } from '../../dialogs/bot-services';
import { createBot, type Bot } from '../../src/bot/tiepdan.bot';
import { InProcessAdapter } from '../../src/channels/in-process.adapter';
import { memoryLogger } from './app';
import { FakeAnswers, FakeTickets, FakeTriage } from './fake-services';
import { buttonsOf, messageReplies, textOf, type Reply } from './replies';

/** The channel id of harness conversations (ticket origins carry it). */
export const TEST_CHANNEL = 'test';
const BOT = { id: 'tiepdan', name: 'Tiếp dân', role: 'bot' };

/**
 * A channel adapter for tests on the real Agents SDK: each message runs a full bot turn (the real TiepdanBot,
 * its dialogs and state) in memory, and the bot's outgoing activities are collected as that turn's replies.
 */
export class TestChannelAdapter extends InProcessAdapter {
  private outbox: Array<Record<string, unknown>> = [];

  constructor(private readonly bot: Bot) {
    super('the test channel');
    this.onTurnError = (ctx, err) => bot.onTurnError(ctx, err);
  }

  /** Runs one incoming activity through the bot and returns the messages it sent back. */
  async turn(activity: Activity): Promise<Reply[]> {
    this.outbox = [];
    await this.runMiddleware(new TurnContext(this, activity), (ctx) => this.bot.handleTurn(ctx));
    return messageReplies(this.outbox);
  }

  /** Collects outgoing activities (delays are not waited for). */
  async sendActivities(_context: TurnContext, activities: Activity[]): Promise<ResourceResponse[]> {
    for (const a of activities)
      if (a.type !== ActivityTypes.Delay) this.outbox.push(JSON.parse(JSON.stringify(a)));
    return activities.map(() => ({ id: randomUUID() }));
  }
}

/** The fakes a dialog conversation runs against, exposed so tests can arrange and inspect them. */
export interface DialogFakes {
  answers: FakeAnswers;
  triage: FakeTriage;
  tickets: FakeTickets;
}

/** A conversation with the bot over the test adapter. */
export interface DialogChat {
  conversationId: string;
  userId: string;
  fakes: DialogFakes;
  /** The replies of the greeting turn (the citizen joined). */
  greeting: Reply[];
  /** Sends a message (optionally with extra activity fields) and returns the bot's replies to it. */
  say(text: string, extra?: Record<string, unknown>): Promise<Reply[]>;
}

/** Starts a conversation on a fresh in-memory bot whose services are the given fakes (defaults: empty ones). */
export async function startDialogChat(fakes: Partial<DialogFakes> = {}): Promise<DialogChat> {
  const services: DialogFakes = {
    answers: fakes.answers ?? new FakeAnswers(),
    triage: fakes.triage ?? new FakeTriage(),
    tickets: fakes.tickets ?? new FakeTickets(),
  };
  const bot = createBot({
    storage: new MemoryStorage(),
    services: services satisfies BotServices,
    logger: memoryLogger('silent').logger,
  });
  const adapter = new TestChannelAdapter(bot);
  const conversationId = randomUUID();
  const user = { id: `user-${conversationId.slice(0, 8)}`, role: 'user' };
  const activity = (fields: Record<string, unknown>) =>
    Activity.fromObject({
      id: randomUUID(),
      channelId: TEST_CHANNEL,
      serviceUrl: 'urn:tiepdan:test',
      conversation: { id: conversationId },
      from: user,
      recipient: BOT,
      locale: 'vi-VN',
      ...fields,
    });
  const greeting = await adapter.turn(
    activity({ type: ActivityTypes.ConversationUpdate, membersAdded: [user, BOT] }),
  );
  return {
    conversationId,
    userId: user.id,
    fakes: services,
    greeting,
    say: (text, extra = {}) => adapter.turn(activity({ type: ActivityTypes.Message, text, ...extra })),
  };
}

/** One citizen turn of a table row and what the bot's replies must show. */
export interface DialogTurn {
  user: string;
  /** Extra activity fields (entities, attachments). */
  extra?: Record<string, unknown>;
  /** The replies' joined text contains each string and matches each pattern. */
  expect?: string | RegExp | Array<string | RegExp>;
  /** The replies' joined text does not contain this. */
  absent?: string;
  /** The buttons of the last reply, exactly. */
  buttons?: readonly string[];
}

/** A table row: a named conversation, turn by turn. */
export interface DialogCase {
  name: string;
  /** Arranges the fakes before the conversation starts (a filed ticket, an answer). */
  given?: (fakes: DialogFakes) => void | Promise<void>;
  turns: DialogTurn[];
  /** Checks on the fakes after the last turn (what was filed, asked, erased). */
  then?: (chat: DialogChat) => void | Promise<void>;
}

/** Plays a row on a fresh chat over the given fakes: arrange, play the turns, then its final checks. */
export async function playCase(row: DialogCase, fakes: DialogFakes): Promise<DialogChat> {
  await row.given?.(fakes);
  const chat = await startDialogChat(fakes);
  await playTurns(chat, row.turns);
  await row.then?.(chat);
  return chat;
}

// `{code}` and `{pin}` in a turn stand for the latest ticket's tracking code and PIN.
function fill(text: string, tickets: FakeTickets): string {
  const receipt = tickets.tickets.at(-1)?.receipt;
  if (!receipt) return text;
  return text.replaceAll('{code}', receipt.trackingCode).replaceAll('{pin}', receipt.pin);
}

/** Plays the turns of a row on a chat, saying which turn broke when an expectation fails. */
export async function playTurns(chat: DialogChat, turns: DialogTurn[]): Promise<void> {
  for (const [i, turn] of turns.entries()) {
    const replies = await chat.say(fill(turn.user, chat.fakes.tickets), turn.extra);
    try {
      const text = textOf(replies);
      for (const wanted of [turn.expect ?? []].flat()) {
        if (typeof wanted === 'string') expect(text).toContain(wanted);
        else expect(text).toMatch(wanted);
      }
      if (turn.absent !== undefined) expect(text).not.toContain(turn.absent);
      if (turn.buttons) expect(buttonsOf(replies)).toEqual([...turn.buttons]);
    } catch (err) {
      const said = JSON.stringify(turn.user);
      throw new Error(
        `turn ${i + 1} (${said}), replies ${JSON.stringify(replies)}:\n${(err as Error).message}`,
        { cause: err },
      );
    }
  }
}
