import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import {
  ChoiceFactory,
  ChoicePrompt,
  ListStyle,
  type Choice,
  type ComponentDialog,
  type Dialog,
  type FoundChoice,
  type PromptOptions,
  type PromptValidator,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStep,
  type WaterfallStepContext,
} from '@microsoft/agents-hosting-dialogs';
import { vi } from '../src/i18n/strings.vi';
import { matchForm, NO_WORDS, recogniseChoice, YES_WORDS } from './choice-recogniser';

export { matchForm } from './choice-recogniser';

/** Global commands that work at every step. */
export type GlobalCommand = 'cancel' | 'menu' | 'help';

const COMMANDS: Record<string, GlobalCommand> = {
  huy: 'cancel',
  'huy bo': 'cancel',
  thoi: 'cancel',
  dung: 'cancel',
  'dung lai': 'cancel',
  cancel: 'cancel',
  menu: 'menu',
  've menu': 'menu',
  'tro ve': 'menu',
  'tro giup': 'help',
  'giup do': 'help',
  'huong dan': 'help',
  help: 'help',
};

/** Recognises "hủy", "thôi", "menu", "trợ giúp" (with or without accents) as the whole message. */
export function globalCommand(text: string | undefined): GlobalCommand | undefined {
  return COMMANDS[matchForm(text)];
}

/** Which choice of a yes/no question means yes and which means no, so "có", "ok", "không" answer it. */
export interface Polarity {
  yes?: number;
  no?: number;
}

/** Choices for a prompt: each label is also recognised without accents, by its number and, if polar, by yes/no words. */
export function choicesOf(labels: readonly string[], polar: Polarity = {}): Choice[] {
  return labels.map((label, i) => ({
    value: label,
    synonyms: [
      ...new Set([
        matchForm(label),
        String(i + 1),
        ...(polar.yes === i ? YES_WORDS : []),
        ...(polar.no === i ? NO_WORDS : []),
      ]),
    ],
  }));
}

/**
 * A ChoicePrompt that always renders its choices as buttons (suggested actions) with Vietnamese labels. The Agents
 * SDK's ChoiceFactory.forChannel only knows inline and list text (with an English "or" unless choiceOptions are
 * set), so the prompt is rendered here; choiceOptions are still set for any code path that falls back to text.
 * Recognition also accepts each label without accents and its position number.
 */
export class VietnameseChoicePrompt extends ChoicePrompt {
  /** With `acceptOther`, a message that is none of the choices ends the prompt with index -1 instead of re-asking. */
  constructor(id: string, acceptOther = false) {
    super(id, acceptOther ? recogniseOrPass : recogniseUnaccented);
    this.style = ListStyle.suggestedAction;
    this.choiceOptions = {
      inlineSeparator: ', ',
      inlineOr: ' hoặc ',
      inlineOrMore: ', hoặc ',
      includeNumbers: true,
    };
  }

  protected override async onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const asked = typeof options.prompt === 'string' ? options.prompt : (options.prompt?.text ?? '');
    // The first miss gets a short re-ask; after that the whole question is shown again with its buttons.
    const attempts = Number((state as Record<string, unknown>).attemptCount ?? 0);
    const text = !isRetry ? asked : attempts <= 1 ? vi.bot.choiceRetry : `${vi.bot.choiceRetry}\n\n${asked}`;
    const labels = ChoiceFactory.toChoices(options.choices ?? []).map((c) => c.action?.title ?? c.value);
    const message = withSuggestions(text, labels);
    message.inputHint = 'expectingInput';
    await context.sendActivity(message);
  }
}

// The SDK's own token matching is overruled ("không đồng ý" holds "đồng ý"): one recogniser decides.
async function recogniseUnaccented(p: PromptValidatorContext<FoundChoice>): Promise<boolean> {
  const choices = ChoiceFactory.toChoices(p.options.choices ?? []);
  const index = recogniseChoice(p.context.activity.text, choices);
  if (index < 0) return false;
  p.recognized.value = { value: choices[index]!.value, index, score: 1 };
  return true;
}

// An offer the citizen may ignore: whatever else they type is handed back (index -1) to be handled as a new message.
async function recogniseOrPass(p: PromptValidatorContext<FoundChoice>): Promise<boolean> {
  if (await recogniseUnaccented(p)) return true;
  const text = p.context.activity.text ?? '';
  p.recognized.value = { value: text, index: -1, score: 0 };
  return text.trim().length > 0;
}

/** The prompt every Vietnamese choice uses (`acceptOther`: see VietnameseChoicePrompt). */
export function vietnameseChoicePrompt(id: string, acceptOther = false): ChoicePrompt {
  return new VietnameseChoicePrompt(id, acceptOther);
}

/** Prompt options for a Vietnamese choice (the retry wording is the prompt's own: see VietnameseChoicePrompt). */
export function choiceOptions(prompt: string, labels: readonly string[], polar?: Polarity): PromptOptions {
  return { prompt, choices: choicesOf(labels, polar) };
}

/** A yes/no choice: the first label means yes, the last means no. */
export function yesNoOptions(prompt: string, labels: readonly string[]): PromptOptions {
  return choiceOptions(prompt, labels, { yes: 0, no: labels.length - 1 });
}

/** A message carrying suggested replies as buttons. */
export function withSuggestions(text: string, labels: readonly string[]): Activity {
  return Activity.fromObject({
    type: 'message',
    text,
    suggestedActions: { to: [], actions: labels.map((title) => ({ type: 'imBack', title, value: title })) },
  });
}

/**
 * How every dialog here is composed (as in the BotBuilder samples): a ComponentDialog holding its prompts (or child
 * dialogs) and one waterfall of its steps, `<dialog id>.steps`, each step bound to the dialog. Returns the
 * waterfall's id for the dialog to start with: `this.initialDialogId = addWaterfall(this, [prompt], [this.askStep])`.
 */
export function addWaterfall(
  dialog: ComponentDialog,
  children: readonly Dialog[],
  steps: readonly WaterfallStep[],
): string {
  for (const child of children) dialog.addDialog(child);
  const id = `${dialog.id}.steps`;
  dialog.addDialog(
    new WaterfallDialog(
      id,
      steps.map((step) => step.bind(dialog)),
    ),
  );
  return id;
}

/** A text prompt that takes any text, a reply of at least `accepts` characters (spaces around it not counted), or
 * what the `accepts` validator accepts. */
export function textPrompt(id: string, accepts?: number | PromptValidator<string>): TextPrompt {
  if (typeof accepts !== 'number') return new TextPrompt(id, accepts);
  return new TextPrompt(id, async (p) => (p.recognized.value ?? '').trim().length >= accepts);
}

/** A waterfall's per-dialog scratch values (typed `object` by the SDK). */
export function stepValues(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}

/** The main menu labels, in display order. */
export const MENU_LABELS = [
  vi.bot.menu.ask,
  vi.bot.menu.feedback,
  vi.bot.menu.business,
  vi.bot.menu.track,
  vi.bot.menu.rate,
] as const;

/** The menu message shown after each finished task. */
export function menuMessage(text: string = vi.bot.menuPrompt): Activity {
  return withSuggestions(text, MENU_LABELS);
}

/** Tracking codes look like `TH-7K3Q9`: two or three letters (the province), a dash, five letters or digits. */
export const TRACKING_CODE = /\b([A-Za-z]{2,3})-([A-Za-z0-9]{5})\b/;
// Typed without the dash, a code must hold a digit, or plain words ("nghieng") would read as codes.
const UNDASHED_CODE = /\b([A-Za-z]{2,3})([A-Za-z]*\d[A-Za-z0-9]*)\b/;

/** Extracts a tracking code from free text, upper-cased with its dash. */
export function findTrackingCode(text: string | undefined): string | undefined {
  const m = TRACKING_CODE.exec(text ?? '') ?? UNDASHED_CODE.exec(text ?? '');
  if (!m || m[2]!.length !== 5) return undefined;
  return `${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}`;
}

/** The PIN as typed: digits only, 4 to 8 of them. */
export function readPin(text: string | undefined): string | undefined {
  const digits = (text ?? '').replace(/\s/g, '');
  return /^\d{4,8}$/.test(digits) ? digits : undefined;
}

/** The two prompts that identify a ticket (tracking code, then PIN), shared by tracking and rating. */
export class TicketCredentialPrompts {
  readonly code: string;
  readonly pin: string;

  constructor(prefix: string) {
    this.code = `${prefix}.code`;
    this.pin = `${prefix}.pin`;
  }

  /** The prompt dialogs to add to the owning ComponentDialog. */
  dialogs(): TextPrompt[] {
    return [
      new TextPrompt(this.code, async (p) => findTrackingCode(p.recognized.value) !== undefined),
      new TextPrompt(this.pin, async (p) => readPin(p.recognized.value) !== undefined),
    ];
  }

  /** Asks for the tracking code unless the options already carry one. */
  async askCode(step: WaterfallStepContext, known: string | undefined): Promise<DialogTurnResult> {
    if (known) return step.next(known);
    return step.prompt(this.code, { prompt: vi.bot.track.codePrompt, retryPrompt: vi.bot.track.codeRetry });
  }

  /** Keeps the code from the previous step in `values.code` and asks for the PIN. */
  async askPin(step: WaterfallStepContext): Promise<DialogTurnResult> {
    stepValues(step).code = findTrackingCode(String(step.result));
    return step.prompt(this.pin, { prompt: vi.bot.track.pinPrompt, retryPrompt: vi.bot.track.pinRetry });
  }
}
