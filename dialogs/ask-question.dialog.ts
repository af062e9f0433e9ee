import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '@microsoft/agents-hosting-dialogs';
import type { AskResult, MessageTriage } from '../src/ports';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { choiceOptions, menuMessage, vietnameseChoicePrompt, stepValues } from './dialog-helpers';
import type { FeedbackOptions } from './file-feedback.dialog';
import { vi } from '../src/i18n/strings.vi';

/** Options: the question when the citizen already typed it, and its triage (carried if it is forwarded). */
export interface AskOptions {
  question?: string;
  triage?: MessageTriage;
}

const QUESTION = 'askQuestion.text';
const FORWARD = 'askQuestion.forward';

/** Answers a policy question from the knowledge base, with citations; offers to forward what it cannot answer. */
export class AskQuestionDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.ask);
    this.addDialog(new TextPrompt(QUESTION, async (p) => (p.recognized.value ?? '').trim().length >= 3));
    this.addDialog(vietnameseChoicePrompt(FORWARD));
    this.addDialog(
      new WaterfallDialog('askQuestion.steps', [
        this.askStep.bind(this),
        this.answerStep.bind(this),
        this.forwardStep.bind(this),
      ]),
    );
    this.initialDialogId = 'askQuestion.steps';
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as AskOptions;
    if (options.triage) stepValues(step).triage = options.triage;
    if (options.question) return step.next(options.question);
    return step.prompt(QUESTION, { prompt: vi.bot.ask.prompt, retryPrompt: vi.bot.ask.retry });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const question = String(step.result);
    stepValues(step).question = question;
    await step.context.sendActivity({ type: 'typing' } as never);
    const result = await this.services.answers.ask(question);
    await step.context.sendActivity(formatAnswer(result));
    if (result.grounded) {
      await step.context.sendActivity(menuMessage());
      return step.endDialog();
    }
    return step.prompt(FORWARD, choiceOptions(vi.bot.ask.forwardPrompt, [vi.bot.ask.forwardYes, vi.bot.no]));
  }

  private async forwardStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as { index: number }).index !== 0) {
      await step.context.sendActivity(menuMessage(vi.bot.ask.notForwarded));
      return step.endDialog();
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

/** The answer text followed by its numbered sources (quote, title, date, link). */
export function formatAnswer(result: AskResult): string {
  if (result.citations.length === 0) return result.answer;
  const sources = result.citations.map((c, i) => {
    const meta = [c.title, c.date].filter(Boolean).join(', ');
    const link = c.source ? ` — ${c.source}` : '';
    return `${i + 1}. ${meta}${link}\n   > “${c.quote}”`;
  });
  return `${result.answer}\n\n${vi.bot.ask.sources}\n\n${sources.join('\n\n')}`;
}
