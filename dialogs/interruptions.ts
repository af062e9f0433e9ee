import type { Activity } from '@microsoft/agents-activity';
import type { DialogContext } from '@microsoft/agents-hosting-dialogs';
import { vi } from '../src/i18n/strings.vi';
import { matchForm, recogniseChoice } from './choice-recogniser';
import type { FeedbackDraft } from './feedback-draft';

/** A button the bot itself sent, understood whatever dialog is running. */
export type BotButton =
  | { kind: 'rate'; trackingCode: string; rating: number }
  | { kind: 'resume' }
  | { kind: 'discard' }
  | { kind: 'menu'; text: string };

const MENU = Object.values(vi.bot.menu);
// The rating buttons under an agency's answer ("5/5 · TH-7K3Q9", see vi.tickets.ratingButtons), also typed as
// "đánh giá 5 TH-7K3Q9".
// Read from the raw text: the matching form expands "k" to "không", even inside a code.
const RATING_LABEL =
  /^(?:đánh giá\s+|danh gia\s+)?([1-5])\s*(?:\/\s*5)?\s*[·:–-]?\s*([a-z]{2,3}-[a-z0-9]{5})$/i;

/** The bot's own button in this message (a card action value or a label the bot sent), if it is one. */
export function botButton(activity: Activity): BotButton | undefined {
  const value = activity.value as { action?: unknown; trackingCode?: unknown; rating?: unknown } | undefined;
  if (value && typeof value === 'object' && value.action === 'rate') {
    const rating = Number(value.rating);
    const code = String(value.trackingCode ?? '').toUpperCase();
    if (Number.isInteger(rating) && rating >= 1 && rating <= 5 && /^[A-Z]{2,3}-[A-Z0-9]{5}$/.test(code))
      return { kind: 'rate', trackingCode: code, rating };
  }
  const rated = RATING_LABEL.exec((activity.text ?? '').normalize('NFC').trim());
  const said = matchForm(activity.text);
  if (rated) return { kind: 'rate', trackingCode: rated[2]!.toUpperCase(), rating: Number(rated[1]) };
  if (said === matchForm(vi.bot.resume.yes)) return { kind: 'resume' };
  if (said === matchForm(vi.bot.resume.no)) return { kind: 'discard' };
  const menu = MENU.find((label) => matchForm(label) === said);
  return menu ? { kind: 'menu', text: menu } : undefined;
}

/** A message that leaves the running dialog: "ask something else" (then the question comes next), or a new one. */
export type Interruption = { kind: 'askOther' } | { kind: 'newMessage'; text: string };

// "thôi, cho tôi hỏi cái khác", "khoan đã, tôi muốn hỏi việc khác", "hỏi chuyện khác"
const ASK_OTHER = /\b(hoi|noi|lam) (cai|viec|chuyen|van de|cau|dieu|thu) khac\b/;
// How a new question opens, or a sentence that ends with a question mark.
const QUESTION_OPENER =
  /^(cho (toi|minh|em|tui|chau) hoi|xin hoi|(toi|minh|em) muon hoi|hoi (ve|chut|xiu)|lam (sao|the nao)|thu tuc|bao gio|khi nao|o dau|tai sao|vi sao)\b/;
// Prompts that take free text: a question mark there belongs to what the citizen is writing.
const FREE_TEXT = new Set([
  'fileFeedback.description',
  'askQuestion.text',
  'askQuestion.forward',
  'rateAnswer.comment',
  'businessDetails.project',
  'businessDetails.name',
]);

/** The id of the innermost running dialog (a prompt, usually), and the choices it offers if it is a choice. */
export function innermost(dc: DialogContext): { id: string; choices: Array<{ value: string }> } | undefined {
  let at: DialogContext | undefined = dc;
  while (at?.child) at = at.child;
  const active = at?.activeDialog;
  if (!active) return undefined;
  const options = (active.state as { options?: { choices?: unknown[] } } | undefined)?.options;
  const choices = (options?.choices ?? []).map((c) =>
    typeof c === 'string' ? { value: c } : (c as { value: string }),
  );
  return { id: active.id, choices };
}

/** Whether a message typed while a dialog runs is a new intent rather than an answer to the prompt shown. */
export function interruption(text: string | undefined, dc: DialogContext): Interruption | undefined {
  const said = matchForm(text);
  const prompt = innermost(dc);
  if (!said || !prompt) return undefined;
  if (ASK_OTHER.test(said)) return { kind: 'askOther' };
  if (FREE_TEXT.has(prompt.id)) return undefined;
  // An answer the prompt's choices understand is an answer ("có", "số 2"), whatever it looks like.
  if (prompt.choices.length > 0 && recogniseChoice(text, prompt.choices) >= 0) return undefined;
  const asks = QUESTION_OPENER.test(said) || /\?\s*$/.test((text ?? '').trim());
  return asks && said.split(' ').length >= 4 ? { kind: 'newMessage', text: text!.trim() } : undefined;
}

/** The feedback draft being filled in by the running dialogs, if any (to keep it when the citizen turns away). */
export function runningDraft(dc: DialogContext): FeedbackDraft | undefined {
  for (let at: DialogContext | undefined = dc; at; at = at.child) {
    // The waterfall sits below the prompt it is waiting on, so the whole stack is searched.
    const steps = at.stack.find((d) => d.id === 'fileFeedback.steps');
    const draft = (steps?.state as { values?: { draft?: FeedbackDraft } } | undefined)?.values?.draft;
    if (draft) return draft;
  }
  return undefined;
}
