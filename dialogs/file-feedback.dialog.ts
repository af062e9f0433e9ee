import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import type { MessageTriage } from '../src/ports';
import { formatVnDate } from '../src/reference/vn-time';
import { BusinessDetailsDialog } from './business-details.dialog';
import { DIALOG_IDS, type BotServices } from './bot-services';
import {
  addWaterfall,
  choiceOptions,
  menuMessage,
  stepValues,
  textPrompt,
  vietnameseChoicePrompt,
  yesNoOptions,
} from './dialog-helpers';
import { FeedbackContactDialog } from './feedback-contact.dialog';
import {
  DESCRIPTION_LIMIT,
  feedbackSummary,
  fitDescription,
  nounOf,
  toTicketInput,
  type DraftStep,
  type FeedbackDraft,
} from './feedback-draft';
import { FeedbackPhotosDialog } from './feedback-photos.dialog';
import { FeedbackPlaceDialog, type PlaceOptions } from './feedback-place.dialog';
import { vi } from '../src/i18n/strings.vi';

/** What the caller already knows (from a complaint-like free text or a forwarded question), or a whole draft to
 * go on with (after an interruption, or to correct one field from the summary). */
export interface FeedbackOptions {
  kind?: FeedbackDraft['kind'];
  submitter?: 'citizen' | 'business';
  category?: string;
  commune?: { code: string; name: string } | null;
  description?: string;
  prefilled?: boolean;
  /** What triage concluded from the citizen's message; carried to filing so it is not analysed again. */
  triage?: MessageTriage;
  draft?: FeedbackDraft;
  /** Set with `draft`: `resume` says so to the citizen; `edit` goes straight back to the summary. */
  continuing?: 'resume' | 'edit';
}

const P = { choice: 'fileFeedback.choice', description: 'fileFeedback.description' } as const;
const CATEGORY_CODES = Object.keys(vi.bot.categories);
const f = vi.bot.feedback;
const SPECIFIC = (c: string | undefined) => Boolean(c) && c !== 'khac';

/** The fields the summary lets the citizen correct, each with the steps it asks again and what it clears. */
const EDITS: Record<keyof typeof f.edit, { step: DraftStep; clear: Array<keyof FeedbackDraft> }> = {
  place: { step: 'place', clear: ['commune', 'address', 'location'] },
  description: { step: 'description', clear: ['description'] },
  photos: { step: 'extras', clear: [] },
  business: { step: 'extras', clear: ['business'] },
  contact: { step: 'contact', clear: ['consentAt', 'name', 'phone'] },
};

/**
 * Files feedback, a business obstacle, a complaint or a forwarded question as a ticket: submitter, category, place,
 * description, photos or business details, contact (only with consent), publication, then a summary from which
 * one field can be corrected before sending. Steps whose answer is known are skipped.
 */
export class FileFeedbackDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.feedback);
    const prompts = [vietnameseChoicePrompt(P.choice), textPrompt(P.description, 10)];
    const children = [
      new FeedbackPlaceDialog(services),
      new FeedbackPhotosDialog(),
      new BusinessDetailsDialog(),
      new FeedbackContactDialog(),
    ];
    this.initialDialogId = addWaterfall(
      this,
      [...prompts, ...children],
      [
        this.startStep,
        this.categoryStep,
        this.placeStep,
        this.descriptionStep,
        this.extrasStep,
        this.contactStep,
        this.publishStep,
        this.summaryStep,
        this.decideStep,
        this.editStep,
      ],
    );
  }

  private draft(step: WaterfallStepContext): FeedbackDraft {
    return stepValues(step).draft as FeedbackDraft;
  }

  /** Applies what the previous step returned (a child dialog's patch) and records that step as asked. */
  private settle(step: WaterfallStepContext, name: DraftStep, patch?: Partial<FeedbackDraft>): FeedbackDraft {
    const draft = this.draft(step);
    if (patch) Object.assign(draft, patch);
    if (!draft.asked.includes(name)) draft.asked.push(name);
    return draft;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = (step.options ?? {}) as FeedbackOptions;
    const draft = o.draft ?? newDraft(o);
    stepValues(step).draft = draft;
    if (o.continuing === 'resume') await step.context.sendActivity(vi.bot.resume.resumed);
    if (o.draft) return step.next();
    const noun = f.nouns[nounOf(draft)];
    await step.context.sendActivity(o.prefilled ? f.prefilled(noun) : f.intro(noun));
    await this.keepWhatFits(step, draft);
    if (draft.kind === 'complaint' || draft.kind === 'denunciation')
      await step.context.sendActivity(f.complaintProcedure);
    if (draft.submitter || draft.kind === 'question') return step.next();
    return step.prompt(P.choice, choiceOptions(f.submitterPrompt, [f.citizen, f.business]));
  }

  private async categoryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = (step.result as { index: number } | undefined)?.index;
    const draft =
      index === undefined
        ? this.draft(step)
        : this.settle(step, 'submitter', { submitter: index === 1 ? 'business' : 'citizen' });
    // A business case is routed by what it is about, read from its description (see descriptionStep).
    if (draft.category || draft.kind === 'question' || draft.submitter === 'business') return step.next();
    if (draft.asked.includes('category')) return step.next();
    return step.prompt(
      P.choice,
      choiceOptions(
        f.categoryPrompt,
        CATEGORY_CODES.map((c) => vi.bot.categories[c]!),
      ),
    );
  }

  private async placeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = (step.result as { index: number } | undefined)?.index;
    const draft =
      index === undefined
        ? this.draft(step)
        : this.settle(step, 'category', { category: CATEGORY_CODES[index] });
    const known = draft.commune || draft.address || draft.location;
    if (known || draft.kind === 'question' || draft.asked.includes('place')) return step.next();
    return step.beginDialog(DIALOG_IDS.place, {
      business: draft.submitter === 'business',
    } satisfies PlaceOptions);
  }

  private async descriptionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result ? this.settle(step, 'place', step.result as object) : this.draft(step);
    if (draft.description) return step.next();
    const prompt =
      draft.kind === 'question'
        ? f.questionDescriptionPrompt
        : draft.submitter === 'business'
          ? f.businessDescriptionPrompt
          : f.descriptionPrompt;
    return step.prompt(P.description, { prompt, retryPrompt: f.descriptionRetry });
  }

  private async extrasStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (typeof step.result === 'string') draft.description = step.result;
    await this.keepWhatFits(step, draft);
    if (draft.submitter === 'business' && !SPECIFIC(draft.category)) await this.categoriseBusiness(draft);
    if (draft.kind === 'question' || draft.asked.includes('extras')) return step.next();
    if (draft.submitter === 'business') return step.beginDialog(DIALOG_IDS.businessDetails);
    return step.beginDialog(DIALOG_IDS.photos, { photos: draft.photos });
  }

  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result ? this.settle(step, 'extras', step.result as object) : this.draft(step);
    if (draft.asked.includes('contact')) return step.next();
    return step.beginDialog(DIALOG_IDS.contact);
  }

  private async publishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result ? this.settle(step, 'contact', step.result as object) : this.draft(step);
    // Complaints and denunciations are handled under their own laws and never published; nor are questions here.
    if (draft.kind !== 'feedback' || draft.asked.includes('publish')) return step.next();
    return step.prompt(P.choice, yesNoOptions(f.publishPrompt, [f.publishYes, f.publishNo]));
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = (step.result as { index: number } | undefined)?.index;
    const draft =
      index === undefined ? this.draft(step) : this.settle(step, 'publish', { publish: index === 0 });
    await step.context.sendActivity(feedbackSummary(draft));
    const noun = f.nouns[nounOf(draft)];
    return step.prompt(
      P.choice,
      yesNoOptions(f.confirmPrompt(noun), [f.confirmYes, f.confirmEdit, f.confirmNo]),
    );
  }

  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const index = (step.result as { index: number }).index;
    if (index === 0) return this.file(step, draft);
    if (index === 2) {
      await step.context.sendActivity(menuMessage(f.notSent(f.nouns[nounOf(draft)])));
      return step.endDialog();
    }
    return step.prompt(P.choice, choiceOptions(f.editPrompt, editLabels(draft)));
  }

  private async editStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const label = editLabels(draft)[(step.result as { index: number }).index];
    const key = (Object.keys(f.edit) as Array<keyof typeof f.edit>).find((k) => f.edit[k] === label)!;
    const edit = EDITS[key];
    const again: FeedbackDraft = { ...draft, asked: draft.asked.filter((s) => s !== edit.step) };
    for (const field of edit.clear) delete again[field];
    if (key === 'photos') again.photos = [];
    return step.replaceDialog(DIALOG_IDS.feedback, {
      draft: again,
      continuing: 'edit',
    } satisfies FeedbackOptions);
  }

  private async keepWhatFits(step: WaterfallStepContext, draft: FeedbackDraft): Promise<void> {
    if (draft.description === undefined) return;
    const fitted = fitDescription(draft.description);
    draft.description = fitted.text;
    const number = (n: number) => n.toLocaleString('vi-VN');
    if (fitted.cut)
      await step.context.sendActivity(vi.bot.tooLong(number(DESCRIPTION_LIMIT), number(fitted.text.length)));
  }

  private async categoriseBusiness(draft: FeedbackDraft): Promise<void> {
    const read = await this.services.triage.analyze(draft.description ?? '').catch(() => undefined);
    draft.category = SPECIFIC(read?.category) ? read!.category : 'doanh-nghiep-dau-tu';
  }

  private async file(step: WaterfallStepContext, draft: FeedbackDraft): Promise<DialogTurnResult> {
    const receipt = await this.services.tickets.create(toTicketInput(draft, step.context.activity));
    const noun = nounOf(draft);
    const head = f.receivedHead[noun](receipt.agency.name);
    const due = formatVnDate(receipt.resolveDueAt);
    await step.context.sendActivity(
      f.received(head, receipt.trackingCode, receipt.pin, receipt.agency.name, due),
    );
    if (receipt.duplicateOf) await step.context.sendActivity(f.duplicate);
    await step.context.sendActivity(menuMessage());
    return step.endDialog({ trackingCode: receipt.trackingCode, pin: receipt.pin });
  }
}

function newDraft(o: FeedbackOptions): FeedbackDraft {
  return {
    kind: o.kind ?? 'feedback',
    submitter: o.submitter,
    category: SPECIFIC(o.category) ? o.category : undefined,
    commune: o.commune ?? undefined,
    description: o.description,
    photos: [],
    asked: [],
    ...(o.triage ? { triage: o.triage } : {}),
  };
}

/** The fields this draft can correct from its summary. */
function editLabels(d: FeedbackDraft): string[] {
  const e = f.edit;
  if (d.kind === 'question') return [e.description, e.contact];
  return [e.place, e.description, d.submitter === 'business' ? e.business : e.photos, e.contact];
}
