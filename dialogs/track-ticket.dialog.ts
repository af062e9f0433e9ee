import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { AppError } from '../src/http/errors';
import { formatVnDate } from '../src/reference/vn-time';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { addWaterfall, menuMessage, readPin, stepValues, TicketCredentialPrompts } from './dialog-helpers';
import { vi } from '../src/i18n/strings.vi';

/** Options: the tracking code when the citizen's message already held one. */
export interface TrackOptions {
  trackingCode?: string;
}

const t = vi.bot.track;

/** Looks a ticket up by tracking code and PIN and shows its public status (never personal data). */
export class TrackTicketDialog extends ComponentDialog {
  private readonly credentials = new TicketCredentialPrompts('trackTicket');

  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.track);
    this.initialDialogId = addWaterfall(this, this.credentials.dialogs(), [
      this.codeStep,
      this.pinStep,
      this.lookupStep,
    ]);
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.credentials.askCode(step, (step.options as TrackOptions | undefined)?.trackingCode);
  }

  private async pinStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.credentials.askPin(step);
  }

  private async lookupStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const code = String(stepValues(step).code);
    const { channelId, from } = step.context.activity;
    let view;
    try {
      view = await this.services.tickets.lookup(
        code,
        readPin(String(step.result))!,
        `${channelId}:${from?.id}`,
      );
    } catch (err) {
      // Too many lookups from this chat: the shared limiter's message, not a failure of the bot.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      await step.context.sendActivity(menuMessage(err.message));
      return step.endDialog();
    }
    if (!view) {
      await step.context.sendActivity(menuMessage(t.notFound));
      return step.endDialog();
    }
    const status = t.statuses[view.status] ?? view.status;
    await step.context.sendActivity(
      t.status(
        t.kinds[view.kind] ?? t.kinds.feedback!,
        view.trackingCode,
        status,
        view.agency.name,
        formatVnDate(view.resolveDueAt),
      ),
    );
    if (view.answer) await step.context.sendActivity(t.answer(view.answer));
    await step.context.sendActivity(menuMessage());
    return step.endDialog();
  }
}
