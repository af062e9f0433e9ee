import type { Activity } from '@microsoft/agents-activity';
import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { matchForm, NO_WORDS, YES_WORDS } from './choice-recogniser';
import {
  addWaterfall,
  choiceOptions,
  stepValues,
  textPrompt,
  vietnameseChoicePrompt,
  withSuggestions,
} from './dialog-helpers';
import { extractLocation, type FeedbackDraft } from './feedback-draft';
import { vi } from '../src/i18n/strings.vi';

/** Options: whether the place is a business's (worded for a business), and a place typed again in answer to
 * the suggestions. */
export interface PlaceOptions {
  business?: boolean;
  retyped?: string;
}

/** What the place dialog ends with: the fields of the draft it settled (none when skipped). */
export type PlacePatch = Pick<FeedbackDraft, 'commune' | 'address' | 'location'>;

const TEXT = 'feedbackPlace.text';
const PICK = 'feedbackPlace.pick';
const f = vi.bot.feedback;
const MAX_ADDRESS = 300;

// Replies that answer some other question, not "where?": "ok", "có", "không", "chưa biết".
const NOT_A_PLACE = new Set([...YES_WORDS, ...NO_WORDS, 'khong biet', 'chua biet', 'gi', 'sao']);

/** True when a reply to "where?" can be a place: a shared location, "Bỏ qua", or words that are not a bare yes/no. */
export function isPlaceReply(activity: Activity): boolean {
  if (extractLocation(activity)) return true;
  const said = matchForm(activity.text);
  return said.length >= 2 && !NOT_A_PLACE.has(said);
}

/**
 * Asks where it happened and settles it: a shared location, a commune (saying so when an old name was mapped to
 * the commune in force), one of the closest communes when the name matched none, or the typed address as it is.
 */
export class FeedbackPlaceDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.place);
    const text = textPrompt(TEXT, async (p) => isPlaceReply(p.context.activity));
    this.initialDialogId = addWaterfall(
      this,
      [text, vietnameseChoicePrompt(PICK, true)],
      [this.askStep, this.readStep, this.pickStep],
    );
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { business = false, retyped } = (step.options ?? {}) as PlaceOptions;
    if (retyped) return step.next(retyped);
    const prompt = business ? f.businessLocationPrompt : f.locationPrompt;
    return step.prompt(TEXT, {
      prompt: withSuggestions(prompt, [vi.bot.skip]),
      retryPrompt: withSuggestions(f.locationRetry, [vi.bot.skip]),
    });
  }

  private async readStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const geo = extractLocation(step.context.activity);
    if (geo) {
      await step.context.sendActivity(f.locationShared);
      return step.endDialog({ location: geo } satisfies PlacePatch);
    }
    const typed = String(step.result ?? '').trim();
    if (matchForm(typed) === matchForm(vi.bot.skip)) return step.endDialog({} satisfies PlacePatch);
    const commune = await this.services.triage.locate(typed);
    if (commune) {
      const { code, name, viaFormerName } = commune;
      const former = viaFormerName && matchForm(viaFormerName) !== matchForm(name) ? viaFormerName : null;
      await step.context.sendActivity(former ? f.locationMapped(former, name) : f.locationFound(name));
      return step.endDialog({ commune: { code, name } } satisfies PlacePatch);
    }
    const closest = (await this.services.triage.suggest?.(typed, 3)) ?? [];
    if (closest.length === 0) return this.keepTyped(step, typed);
    stepValues(step).typed = typed;
    stepValues(step).closest = closest;
    const labels = [
      ...closest.map((c) => (c.viaFormerName ? f.suggestLabel(c.name, c.viaFormerName) : c.name)),
      f.locationKeepTyped,
    ];
    return step.prompt(PICK, choiceOptions(f.locationSuggest(typed.slice(0, 80)), labels));
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as { index: number; value: string };
    const closest = stepValues(step).closest as Array<{ code: string; name: string }>;
    const typed = String(stepValues(step).typed);
    const picked = closest[choice.index];
    if (picked) {
      await step.context.sendActivity(f.locationFound(picked.name));
      return step.endDialog({ commune: picked } satisfies PlacePatch);
    }
    // Neither a suggestion nor "keep": the citizen typed the place again; read it afresh.
    if (choice.index < 0)
      return step.replaceDialog(this.initialDialogId, {
        ...(step.options as PlaceOptions),
        retyped: choice.value,
      } satisfies PlaceOptions);
    return this.keepTyped(step, typed);
  }

  private async keepTyped(step: WaterfallStepContext, typed: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(f.locationUnknown);
    return step.endDialog({ address: typed.slice(0, MAX_ADDRESS) } satisfies PlacePatch);
  }
}
