import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { findTrackingCode, formatDate, menuMessage, stepValues } from './dialog-helpers';
import { vi } from './strings.vi';

/** Options: the tracking code when the citizen's message already held one. */
export interface TrackOptions {
  trackingCode?: string;
}

const CODE = 'trackTicket.code';
const PIN = 'trackTicket.pin';
const t = vi.bot.track;

/** The PIN as typed: digits only, 4 to 8 of them. */
export function readPin(text: string | undefined): string | undefined {
  const digits = (text ?? '').replace(/\s/g, '');
  return /^\d{4,8}$/.test(digits) ? digits : undefined;
}

/** Looks a ticket up by tracking code and PIN and shows its public status (never personal data). */
export class TrackTicketDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.track);
    this.addDialog(new TextPrompt(CODE, async (p) => findTrackingCode(p.recognized.value) !== undefined));
    this.addDialog(new TextPrompt(PIN, async (p) => readPin(p.recognized.value) !== undefined));
    this.addDialog(
      new WaterfallDialog('trackTicket.steps', [
        this.codeStep.bind(this),
        this.pinStep.bind(this),
        this.lookupStep.bind(this),
      ]),
    );
    this.initialDialogId = 'trackTicket.steps';
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const code = (step.options as TrackOptions | undefined)?.trackingCode;
    if (code) return step.next(code);
    return step.prompt(CODE, { prompt: t.codePrompt, retryPrompt: t.codeRetry });
  }

  private async pinStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).code = findTrackingCode(String(step.result));
    return step.prompt(PIN, { prompt: t.pinPrompt, retryPrompt: t.pinRetry });
  }

  private async lookupStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const code = String(stepValues(step).code);
    const view = await this.services.tickets.lookup(code, readPin(String(step.result))!);
    if (!view) {
      await step.context.sendActivity(menuMessage(t.notFound));
      return step.endDialog();
    }
    const status = t.statuses[view.status] ?? view.status;
    await step.context.sendActivity(
      t.status(view.trackingCode, status, view.agency.name, formatDate(view.resolveDueAt)),
    );
    if (view.answer) await step.context.sendActivity(t.answer(view.answer));
    await step.context.sendActivity(menuMessage());
    return step.endDialog();
  }
}
