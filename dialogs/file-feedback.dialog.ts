import type { Activity } from '@microsoft/agents-activity';
import {
  ActivityPrompt,
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '@microsoft/agents-hosting-dialogs';
import type { MessageTriage, NewTicketInput } from '../src/ports';
import { formatVnDate } from '../src/reference/vn-time';
import { DIALOG_IDS, type BotServices } from './bot-services';
import {
  choiceOptions,
  matchForm,
  menuMessage,
  vietnameseChoicePrompt,
  withSuggestions,
  stepValues,
} from './dialog-helpers';
import {
  extractLocation,
  extractPhotos,
  feedbackSummary,
  isValidPhone,
  type FeedbackDraft,
} from './feedback-draft';
import { vi } from '../src/i18n/strings.vi';

/** What the caller already knows (from a complaint-like free text or a forwarded question). */
export interface FeedbackOptions {
  kind?: FeedbackDraft['kind'];
  submitter?: 'citizen' | 'business';
  category?: string;
  commune?: { code: string; name: string } | null;
  description?: string;
  prefilled?: boolean;
  /** What triage concluded from the citizen's message; carried to filing so it is not analysed again. */
  triage?: MessageTriage;
}

const P = {
  choice: 'fileFeedback.choice',
  location: 'fileFeedback.location',
  description: 'fileFeedback.description',
  photos: 'fileFeedback.photos',
  name: 'fileFeedback.name',
  phone: 'fileFeedback.phone',
} as const;

const CATEGORY_CODES = Object.keys(vi.bot.categories);
const f = vi.bot.feedback;

/**
 * Files feedback, a complaint or a forwarded question as a ticket: submitter, category, place, description,
 * photos, contact (only with explicit consent), summary and confirmation, then tracking code and PIN.
 * Steps whose answer is already known are skipped.
 */
export class FileFeedbackDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.feedback);
    this.addDialog(vietnameseChoicePrompt(P.choice));
    this.addDialog(
      new TextPrompt(
        P.location,
        async (p) => Boolean(p.recognized.value?.trim()) || hasGeo(p.context.activity),
      ),
    );
    this.addDialog(
      new TextPrompt(P.description, async (p) => (p.recognized.value ?? '').trim().length >= 10),
    );
    this.addDialog(new ActivityPrompt(P.photos, async (p) => photosOrSkip(p.recognized.value as Activity)));
    this.addDialog(new TextPrompt(P.name, async (p) => (p.recognized.value ?? '').trim().length >= 2));
    this.addDialog(new TextPrompt(P.phone, async (p) => isValidPhone(p.recognized.value ?? '')));
    this.addDialog(
      new WaterfallDialog('fileFeedback.steps', [
        this.submitterStep.bind(this),
        this.categoryStep.bind(this),
        this.locationStep.bind(this),
        this.descriptionStep.bind(this),
        this.photosStep.bind(this),
        this.consentStep.bind(this),
        this.nameStep.bind(this),
        this.phoneStep.bind(this),
        this.confirmStep.bind(this),
        this.fileStep.bind(this),
      ]),
    );
    this.initialDialogId = 'fileFeedback.steps';
  }

  private draft(step: WaterfallStepContext): FeedbackDraft {
    return stepValues(step).draft as FeedbackDraft;
  }

  private async submitterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = (step.options ?? {}) as FeedbackOptions;
    const draft: FeedbackDraft = {
      kind: o.kind ?? 'feedback',
      submitter: o.submitter,
      category: o.category && o.category !== 'khac' ? o.category : undefined,
      commune: o.commune ?? undefined,
      description: o.description,
      photos: [],
      ...(o.triage ? { triage: o.triage } : {}),
    };
    stepValues(step).draft = draft;
    await step.context.sendActivity(o.prefilled ? f.prefilled : f.intro);
    if (draft.kind === 'complaint' || draft.kind === 'denunciation')
      await step.context.sendActivity(f.complaintProcedure);
    if (draft.submitter || draft.kind === 'question') return step.next();
    return step.prompt(P.choice, choiceOptions(f.submitterPrompt, [f.citizen, f.business]));
  }

  private async categoryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (step.result)
      draft.submitter = (step.result as { index: number }).index === 1 ? 'business' : 'citizen';
    if (draft.category || draft.kind === 'question') return step.next();
    // A business most likely raises a business obstacle: offer that category first.
    const codes =
      draft.submitter === 'business'
        ? ['doanh-nghiep-dau-tu', ...CATEGORY_CODES.filter((c) => c !== 'doanh-nghiep-dau-tu')]
        : CATEGORY_CODES;
    stepValues(step).categoryCodes = codes;
    return step.prompt(
      P.choice,
      choiceOptions(
        f.categoryPrompt,
        codes.map((c) => vi.bot.categories[c]!),
      ),
    );
  }

  private async locationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (step.result)
      draft.category = (stepValues(step).categoryCodes as string[])[(step.result as { index: number }).index];
    if (draft.commune || draft.kind === 'question') return step.next();
    return step.prompt(P.location, {
      prompt: withSuggestions(f.locationPrompt, [vi.bot.skip]),
      retryPrompt: f.locationPrompt,
    });
  }

  private async descriptionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    // A shared location arrives without text, so the prompt's result is empty: look at the activity itself.
    if (step.result !== undefined || hasGeo(step.context.activity))
      await this.recordLocation(step, draft, String(step.result ?? ''));
    if (draft.description) return step.next();
    return step.prompt(P.description, { prompt: f.descriptionPrompt, retryPrompt: f.descriptionRetry });
  }

  private async recordLocation(
    step: WaterfallStepContext,
    draft: FeedbackDraft,
    text: string,
  ): Promise<void> {
    const geo = extractLocation(step.context.activity);
    if (geo) {
      draft.location = geo;
      await step.context.sendActivity(f.locationShared);
      return;
    }
    if (matchForm(text) === matchForm(vi.bot.skip)) return;
    const commune = await this.services.triage.locate(text);
    if (commune) {
      draft.commune = commune;
      await step.context.sendActivity(f.locationFound(commune.name));
    } else {
      draft.address = text.trim();
      await step.context.sendActivity(f.locationUnknown);
    }
  }

  private async photosStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (step.result !== undefined) draft.description = String(step.result).trim();
    if (draft.kind === 'question') return step.next();
    return step.prompt(P.photos, {
      prompt: withSuggestions(f.photosPrompt, [vi.bot.skip]),
      retryPrompt: withSuggestions(f.photosRetry, [vi.bot.skip]),
    });
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const photos = step.result ? extractPhotos(step.result as Activity) : [];
    if (photos.length > 0) {
      draft.photos = photos;
      await step.context.sendActivity(f.photosReceived(photos.length));
    }
    return step.prompt(P.choice, choiceOptions(f.consentPrompt, [f.consentYes, vi.bot.skip]));
  }

  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as { index: number }).index !== 0) return step.next();
    this.draft(step).consentAt = new Date().toISOString();
    return step.prompt(P.name, { prompt: f.namePrompt, retryPrompt: f.namePrompt });
  }

  private async phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (!draft.consentAt) return step.next();
    draft.name = String(step.result).trim();
    return step.prompt(P.phone, { prompt: f.phonePrompt, retryPrompt: f.phoneRetry });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.consentAt) draft.phone = String(step.result).replace(/[\s.-]/g, '');
    await step.context.sendActivity(feedbackSummary(draft));
    return step.prompt(P.choice, choiceOptions(f.confirmPrompt, [f.confirmYes, f.confirmNo]));
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as { index: number }).index !== 0) {
      await step.context.sendActivity(menuMessage(f.notSent));
      return step.endDialog();
    }
    const receipt = await this.services.tickets.create(
      toTicketInput(this.draft(step), step.context.activity),
    );
    await step.context.sendActivity(
      f.received(receipt.trackingCode, receipt.pin, receipt.agency.name, formatVnDate(receipt.resolveDueAt)),
    );
    if (receipt.duplicateOf) await step.context.sendActivity(f.duplicate);
    await step.context.sendActivity(menuMessage());
    return step.endDialog({ trackingCode: receipt.trackingCode, pin: receipt.pin });
  }
}

function hasGeo(activity: Activity): boolean {
  return extractLocation(activity) !== undefined;
}

function photosOrSkip(activity: Activity | undefined): boolean {
  if (!activity) return false;
  return (
    extractPhotos(activity).length > 0 ||
    matchForm(activity.text) === matchForm(vi.bot.skip) ||
    matchForm(activity.text) === 'khong'
  );
}

function toTicketInput(draft: FeedbackDraft, activity: Activity): NewTicketInput {
  const marker = draft.submitter === 'business' ? `${f.businessMarker} ` : '';
  // The port's location needs coordinates; a typed address that named no known commune travels in the text.
  const address = draft.address ? `\n\n${f.summaryLocation}: ${draft.address}` : '';
  return {
    kind: draft.kind,
    category: draft.category,
    communeCode: draft.commune?.code,
    description: `${marker}${draft.description ?? ''}${address}`,
    location: draft.location,
    attachments: draft.photos.length ? draft.photos : undefined,
    contact: draft.consentAt
      ? { name: draft.name, phone: draft.phone, consentAt: new Date(draft.consentAt) }
      : undefined,
    triage: draft.triage,
    origin: {
      channel: activity.channelId ?? 'unknown',
      conversationId: activity.conversation?.id ?? '',
      userId: activity.from?.id ?? '',
    },
    idempotencyKey: `${activity.channelId}:${activity.conversation?.id}:${activity.id}`,
  };
}
