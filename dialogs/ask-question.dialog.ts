import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { Activity } from '@microsoft/agents-activity';
import { completeQuestion, personIn, type Subject } from '../src/knowledge/answer/follow-up';
import type { AskResult, MessageTriage } from '../src/ports';
import { DIALOG_IDS, type BotServices } from './bot-services';
import {
  addWaterfall,
  MENU_LABELS,
  menuMessage,
  stepValues,
  textPrompt,
  vietnameseChoicePrompt,
  withSuggestions,
  yesNoOptions,
} from './dialog-helpers';
import type { FeedbackOptions } from './file-feedback.dialog';
import { vi } from '../src/i18n/strings.vi';

/** Options: the question when the citizen already typed it, its triage (carried if it is forwarded), and what
 * the conversation was about. */
export interface AskOptions {
  question?: string;
  triage?: MessageTriage;
  subject?: Subject | null;
}

/** What the dialog ends with: the conversation's subject now, and a message typed instead of answering the offer. */
export interface AskOutcome {
  subject: Subject | null;
  next?: string;
}

const QUESTION = 'askQuestion.text';
const FORWARD = 'askQuestion.forward';

/** Answers a policy question from the knowledge base, with citations; offers to forward what it cannot answer. */
export class AskQuestionDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.ask);
    this.initialDialogId = addWaterfall(
      this,
      [textPrompt(QUESTION, 3), vietnameseChoicePrompt(FORWARD, true)],
      [this.askStep, this.answerStep, this.forwardStep],
    );
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as AskOptions;
    if (options.triage) stepValues(step).triage = options.triage;
    if (options.question) return step.next(options.question);
    return step.prompt(QUESTION, { prompt: vi.bot.ask.prompt, retryPrompt: vi.bot.ask.retry });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const typed = String(step.result);
    const previous = (step.options as AskOptions | undefined)?.subject ?? null;
    // A follow-up ("còn Thanh Hóa thì sao?") is asked as the full question it stands for.
    const question = completeQuestion(typed, previous) ?? typed;
    stepValues(step).question = question;
    await step.context.sendActivity({ type: 'typing' } as never);
    const result = await this.services.answers.ask(question);
    await step.context.sendActivity(answerActivity(result));
    const quote = result.citations[0]?.quote;
    const subject: Subject | null = quote ? { question, person: personIn(quote), age: 0 } : previous;
    stepValues(step).subject = subject;
    if (result.grounded) {
      await step.context.sendActivity(afterAnswerMenu(result, this.services.follow !== undefined));
      return step.endDialog({ subject } satisfies AskOutcome);
    }
    return step.prompt(FORWARD, yesNoOptions(vi.bot.ask.forwardPrompt, [vi.bot.ask.forwardYes, vi.bot.no]));
  }

  private async forwardStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as { index: number; value: string };
    const subject = (stepValues(step).subject as Subject | null | undefined) ?? null;
    // The offer never blocks: anything else typed is handled as a new message.
    if (choice.index < 0) return step.endDialog({ subject, next: choice.value } satisfies AskOutcome);
    if (choice.index !== 0) {
      await step.context.sendActivity(menuMessage(vi.bot.ask.notForwarded));
      return step.endDialog({ subject } satisfies AskOutcome);
    }
    const values = stepValues(step);
    const options: FeedbackOptions = {
      kind: 'question',
      description: String(values.question),
      ...(values.triage ? { triage: values.triage as MessageTriage } : {}),
    };
    return step.replaceDialog(DIALOG_IDS.feedback, options);
  }
}

// An action-programme item's code in a citation: `tien-do/<code>`.
const ITEM_CITATION = /^tien-do\/(.+)$/;

/** The menu after an answer; an answer about programme items gets a "Theo dõi <mã>" button per item first. */
export function afterAnswerMenu(result: AskResult, canFollow: boolean): Activity {
  const codes = canFollow
    ? result.citations.flatMap((c) => ITEM_CITATION.exec(c.documentId)?.[1] ?? []).slice(0, 3)
    : [];
  if (codes.length === 0) return menuMessage();
  return withSuggestions(vi.bot.menuPrompt, [...codes.map(vi.programmes.follow.button), ...MENU_LABELS]);
}

/** The answer as a message; its channel data tells clients (and the answers evaluation) what it rests on. */
export function answerActivity(result: AskResult): Activity {
  const documentIds = [...new Set(result.citations.map((c) => c.documentId))];
  return Activity.fromObject({
    type: 'message',
    // The knowledge answer already leads with the fact and ends with its source.
    text: result.answer,
    channelData: { knowledge: { grounded: result.grounded, documentIds } },
  });
}
