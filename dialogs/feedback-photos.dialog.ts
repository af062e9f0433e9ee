import type { Activity } from '@microsoft/agents-activity';
import { ActivityPrompt, ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS } from './bot-services';
import { matchForm, NO_WORDS } from './choice-recogniser';
import { addWaterfall, withSuggestions } from './dialog-helpers';
import { extractPhotos, type FeedbackDraft } from './feedback-draft';
import { vi } from '../src/i18n/strings.vi';

/** Options: the photos already in the draft (kept when more are added). */
export interface PhotosOptions {
  photos?: FeedbackDraft['photos'];
}

const PHOTOS = 'feedbackPhotos.prompt';
const MAX_PHOTOS = 10;
const f = vi.bot.feedback;
const DONE_WORDS = new Set([matchForm(vi.bot.skip), matchForm(f.photosDone), 'het', 'du roi', ...NO_WORDS]);

function isDone(activity: Activity): boolean {
  return DONE_WORDS.has(matchForm(activity.text));
}

/** Collects photos of the scene, one or several messages of them, until the citizen says "Xong" or "Bỏ qua". */
export class FeedbackPhotosDialog extends ComponentDialog {
  constructor() {
    super(DIALOG_IDS.photos);
    const photos = new ActivityPrompt(PHOTOS, async (p) => {
      const a = p.recognized.value as Activity | undefined;
      return Boolean(a) && (extractPhotos(a!).length > 0 || isDone(a!));
    });
    this.initialDialogId = addWaterfall(this, [photos], [this.askStep, this.addStep]);
  }

  private photos(step: WaterfallStepContext): FeedbackDraft['photos'] {
    return (step.options as PhotosOptions | undefined)?.photos ?? [];
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const n = this.photos(step).length;
    const prompt =
      n === 0
        ? withSuggestions(f.photosPrompt, [vi.bot.skip])
        : withSuggestions(f.photosMore(n), [f.photosDone]);
    return step.prompt(PHOTOS, {
      prompt,
      retryPrompt: withSuggestions(f.photosRetry, [n ? f.photosDone : vi.bot.skip]),
    });
  }

  private async addStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const activity = step.result as Activity;
    const photos = [...this.photos(step), ...extractPhotos(activity)].slice(0, MAX_PHOTOS);
    if (isDone(activity) || photos.length >= MAX_PHOTOS) return step.endDialog({ photos });
    return step.replaceDialog(this.initialDialogId, { photos } satisfies PhotosOptions);
  }
}
