import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS } from './bot-services';
import { matchForm } from './choice-recogniser';
import { addWaterfall, stepValues, textPrompt, withSuggestions } from './dialog-helpers';
import type { FeedbackDraft } from './feedback-draft';
import { vi } from '../src/i18n/strings.vi';

const NAME = 'businessDetails.name';
const TAX = 'businessDetails.tax';
const PROJECT = 'businessDetails.project';
const f = vi.bot.feedback;
const skipped = (text: string | undefined) => matchForm(text) === matchForm(vi.bot.skip);

/** A Vietnamese tax code: 10 digits, or 13 with a dependent unit's suffix ("2801234567-001"). */
export function readTaxCode(text: string | undefined): string | undefined {
  const compact = (text ?? '').replace(/[\s.]/g, '');
  return /^\d{10}(-?\d{3})?$/.test(compact) ? compact : undefined;
}

/** What a business case needs instead of a scene photo: the business's name, tax code (optional), the procedure
 * or project concerned (optional). */
export class BusinessDetailsDialog extends ComponentDialog {
  constructor() {
    super(DIALOG_IDS.businessDetails);
    const tax = textPrompt(
      TAX,
      async (p) => skipped(p.recognized.value) || readTaxCode(p.recognized.value) !== undefined,
    );
    this.initialDialogId = addWaterfall(
      this,
      [textPrompt(NAME, 2), tax, textPrompt(PROJECT, 2)],
      [this.nameStep, this.taxStep, this.projectStep, this.doneStep],
    );
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(NAME, { prompt: f.businessNamePrompt, retryPrompt: f.businessNamePrompt });
  }

  private async taxStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).name = String(step.result).trim().slice(0, 200);
    return step.prompt(TAX, {
      prompt: withSuggestions(f.taxCodePrompt, [vi.bot.skip]),
      retryPrompt: withSuggestions(f.taxCodeRetry, [vi.bot.skip]),
    });
  }

  private async projectStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).taxCode = readTaxCode(String(step.result));
    return step.prompt(PROJECT, { prompt: withSuggestions(f.projectPrompt, [vi.bot.skip]) });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const said = String(step.result ?? '').trim();
    const { name, taxCode } = stepValues(step) as { name: string; taxCode?: string };
    const business: NonNullable<FeedbackDraft['business']> = {
      name,
      ...(taxCode ? { taxCode } : {}),
      ...(skipped(said) ? {} : { project: said.slice(0, 300) }),
    };
    return step.endDialog({ business });
  }
}
