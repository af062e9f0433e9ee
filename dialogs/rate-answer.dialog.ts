import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '@microsoft/agents-hosting-dialogs';
import { AppError } from '../src/http/errors';
import { DIALOG_IDS, type BotServices } from './bot-services';
import {
  choiceOptions,
  findTrackingCode,
  matchForm,
  menuMessage,
  vietnameseChoicePrompt,
  withSuggestions,
  stepValues,
} from './dialog-helpers';
import { vi } from './strings.vi';
import { readPin } from './track-ticket.dialog';

/** Options: the ticket to rate when it is already known. */
export interface RateOptions {
  trackingCode?: string;
}

const CODE = 'rateAnswer.code';
const PIN = 'rateAnswer.pin';
const RATING = 'rateAnswer.rating';
const COMMENT = 'rateAnswer.comment';
const r = vi.bot.rate;

/** Rates an agency's answer to a ticket (1–5, optional comment); a low rating reopens the ticket. */
export class RateAnswerDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.rate);
    this.addDialog(new TextPrompt(CODE, async (p) => findTrackingCode(p.recognized.value) !== undefined));
    this.addDialog(new TextPrompt(PIN, async (p) => readPin(p.recognized.value) !== undefined));
    this.addDialog(vietnameseChoicePrompt(RATING));
    this.addDialog(new TextPrompt(COMMENT));
    this.addDialog(
      new WaterfallDialog('rateAnswer.steps', [
        this.codeStep.bind(this),
        this.pinStep.bind(this),
        this.ratingStep.bind(this),
        this.commentStep.bind(this),
        this.saveStep.bind(this),
      ]),
    );
    this.initialDialogId = 'rateAnswer.steps';
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(r.intro);
    const code = (step.options as RateOptions | undefined)?.trackingCode;
    if (code) return step.next(code);
    return step.prompt(CODE, { prompt: vi.bot.track.codePrompt, retryPrompt: vi.bot.track.codeRetry });
  }

  private async pinStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).code = findTrackingCode(String(step.result));
    return step.prompt(PIN, { prompt: vi.bot.track.pinPrompt, retryPrompt: vi.bot.track.pinRetry });
  }

  private async ratingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).pin = readPin(String(step.result));
    return step.prompt(RATING, choiceOptions(r.ratingPrompt, r.ratings));
  }

  private async commentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).rating = (step.result as { index: number }).index + 1;
    return step.prompt(COMMENT, { prompt: withSuggestions(r.commentPrompt, [vi.bot.skip]) });
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const said = String(step.result ?? '').trim();
    const comment = matchForm(said) === matchForm(vi.bot.skip) ? undefined : said;
    const rating = Number(stepValues(step).rating);
    try {
      await this.services.tickets.rate(
        String(stepValues(step).code),
        String(stepValues(step).pin),
        rating,
        comment,
      );
    } catch (err) {
      // The tickets service explains refusals (unknown ticket, not answered yet) in its AppError message.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      await step.context.sendActivity(menuMessage(err.message));
      return step.endDialog();
    }
    await step.context.sendActivity(rating <= 2 ? r.reopened : r.thanks);
    await step.context.sendActivity(menuMessage());
    return step.endDialog();
  }
}
