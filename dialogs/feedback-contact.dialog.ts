import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS } from './bot-services';
import { addWaterfall, stepValues, textPrompt, vietnameseChoicePrompt, yesNoOptions } from './dialog-helpers';
import { isValidPhone, normalisePhone, type FeedbackDraft } from './feedback-draft';
import { vi } from '../src/i18n/strings.vi';

/** What the contact dialog ends with: consent time, name and phone, or none of them. */
export type ContactPatch = Pick<FeedbackDraft, 'consentAt' | 'name' | 'phone'>;

const CONSENT = 'feedbackContact.consent';
const NAME = 'feedbackContact.name';
const PHONE = 'feedbackContact.phone';
const f = vi.bot.feedback;

/** Asks consent to collect name and phone (Personal Data Protection Law), then, only with it, name and phone. */
export class FeedbackContactDialog extends ComponentDialog {
  constructor() {
    super(DIALOG_IDS.contact);
    const phone = textPrompt(PHONE, async (p) => isValidPhone(p.recognized.value ?? ''));
    this.initialDialogId = addWaterfall(
      this,
      [vietnameseChoicePrompt(CONSENT), textPrompt(NAME, 2), phone],
      [this.consentStep, this.nameStep, this.phoneStep, this.doneStep],
    );
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONSENT, yesNoOptions(f.consentPrompt, [f.consentYes, vi.bot.skip]));
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as { index: number }).index !== 0)
      return step.endDialog({
        consentAt: undefined,
        name: undefined,
        phone: undefined,
      } satisfies ContactPatch);
    stepValues(step).consentAt = new Date().toISOString();
    return step.prompt(NAME, { prompt: f.namePrompt, retryPrompt: f.namePrompt });
  }

  private async phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).name = String(step.result).trim().slice(0, 200);
    return step.prompt(PHONE, { prompt: f.phonePrompt, retryPrompt: f.phoneRetry });
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { consentAt, name } = stepValues(step) as { consentAt: string; name: string };
    return step.endDialog({
      consentAt,
      name,
      phone: normalisePhone(String(step.result)),
    } satisfies ContactPatch);
  }
}
