import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { addWaterfall, menuMessage, vietnameseChoicePrompt, yesNoOptions } from './dialog-helpers';
import { vi } from '../src/i18n/strings.vi';

const CONFIRM = 'forgetContact.confirm';
const g = vi.bot.forget;

/**
 * The citizen withdraws consent to the use of their contact details (Decree 13/2023, Art. 12): after a
 * confirmation, name and phone are erased from every ticket this channel account filed. The tickets, their
 * answers and tracking codes stay, so the citizen can still follow them with code and PIN.
 */
export class ForgetContactDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.forget);
    this.initialDialogId = addWaterfall(
      this,
      [vietnameseChoicePrompt(CONFIRM)],
      [this.confirmStep, this.eraseStep],
    );
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONFIRM, yesNoOptions(g.confirmPrompt, [g.yes, g.no]));
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as { index: number }).index !== 0) {
      await step.context.sendActivity(menuMessage(g.kept));
      return step.endDialog();
    }
    const { activity } = step.context;
    const erased = await this.services.tickets.eraseContacts({
      channel: activity.channelId ?? '',
      userId: activity.from?.id ?? '',
    });
    await step.context.sendActivity(menuMessage(erased > 0 ? g.erased(erased) : g.nothing));
    return step.endDialog();
  }
}
