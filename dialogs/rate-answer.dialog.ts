import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { AppError } from '../src/http/errors';
import { DIALOG_IDS, type BotServices } from './bot-services';
import {
  addWaterfall,
  choiceOptions,
  matchForm,
  menuMessage,
  readPin,
  stepValues,
  textPrompt,
  TicketCredentialPrompts,
  vietnameseChoicePrompt,
  withSuggestions,
} from './dialog-helpers';
import { vi } from '../src/i18n/strings.vi';

/** Options: the ticket to rate when it is already known, and the rating when a rating button gave it. */
export interface RateOptions {
  trackingCode?: string;
  rating?: number;
}

const RATING = 'rateAnswer.rating';
const COMMENT = 'rateAnswer.comment';
const r = vi.bot.rate;

/** Rates an agency's answer to a ticket (1–5, optional comment); a low rating reopens the ticket. */
export class RateAnswerDialog extends ComponentDialog {
  private readonly credentials = new TicketCredentialPrompts('rateAnswer');

  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.rate);
    this.initialDialogId = addWaterfall(
      this,
      [...this.credentials.dialogs(), vietnameseChoicePrompt(RATING), textPrompt(COMMENT)],
      [this.codeStep, this.pinStep, this.ratingStep, this.commentStep, this.saveStep],
    );
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(r.intro);
    return this.credentials.askCode(step, (step.options as RateOptions | undefined)?.trackingCode);
  }

  private async pinStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.credentials.askPin(step);
  }

  private async ratingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).pin = readPin(String(step.result));
    const given = (step.options as RateOptions | undefined)?.rating;
    if (given) return step.next({ index: given - 1 });
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
        { channel: step.context.activity.channelId ?? 'chat', rater: step.context.activity.from?.id ?? '' },
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
