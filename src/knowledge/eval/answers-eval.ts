import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { normalizeForMatch } from '../../text/normalize';
import { vi } from '../../i18n/strings.vi';
import type { BotMessage } from './directline-client';

const expectation = {
  expect_any: z.array(z.string()).optional(),
  /** Text that must not be in the answer (another province's figure, a wrong congress). */
  forbid: z.array(z.string()).optional(),
  doc: z.string().nullable().optional(),
  answerable: z.boolean().optional(),
};
const turnSchema = z.union([z.string().min(1), z.object({ say: z.string().min(1), ...expectation })]);

/** One line of an answers set: a single question or a dialogue whose last turn (or any object turn) is graded. */
export const answerItemSchema = z
  .object({ id: z.string().min(1), question: z.string().min(1).optional(), turns: z.array(turnSchema).min(1).optional(), ...expectation })
  .refine((i) => Boolean(i.question) !== Boolean(i.turns), { message: 'give either "question" or "turns"' });

/** A parsed line of an answers set. */
export type AnswerItem = z.infer<typeof answerItemSchema>;

/** What one graded turn must show. */
export interface Expectation {
  expect_any?: string[];
  forbid?: string[];
  doc?: string | null;
  answerable?: boolean;
}

/** What the knowledge answer tells a client in its activity's channel data. */
export interface AnswerMeta {
  grounded: boolean;
  documentIds: string[];
  /** The knowledge base had the fact only for another entity than the one asked about, and said so. */
  otherEntity?: boolean;
}

/** The answer metadata among a turn's messages, if the knowledge answer sent any. */
export function answerMeta(messages: readonly BotMessage[]): AnswerMeta | null {
  for (const m of messages) {
    const k = m.channelData?.knowledge as AnswerMeta | undefined;
    if (k && typeof k.grounded === 'boolean') return k;
  }
  return null;
}

/** True when the reply declines to answer (not found, or only another entity's fact, said as such). */
export function declined(messages: readonly BotMessage[]): boolean {
  const meta = answerMeta(messages);
  if (meta) return !meta.grounded || meta.otherEntity === true;
  const notFound = normalizeForMatch(vi.knowledge.notFound.slice(0, 40));
  return messages.some((m) => normalizeForMatch(m.text).includes(notFound));
}

/** Grades one turn's reply against its expectation; returns null when right, else why not. */
export function gradeTurn(messages: readonly BotMessage[], e: Expectation): string | null {
  const text = normalizeForMatch(messages.map((m) => m.text).join('\n'));
  const has = (s: string) => text.includes(normalizeForMatch(s));
  if (e.forbid?.some(has)) return 'states a forbidden fact';
  if (e.answerable === false) return declined(messages) ? null : 'answered an unanswerable question';
  if (declined(messages)) return 'refused an answerable question';
  if (e.expect_any && e.expect_any.length > 0 && !e.expect_any.some(has)) return 'expected fact missing';
  if (e.doc && !(answerMeta(messages)?.documentIds ?? []).includes(e.doc)) return 'expected document not cited';
  return null;
}

/** The turns of an item with the expectation each is graded on (null: not graded). */
export function turnsOf(item: AnswerItem): Array<{ say: string; expect: Expectation | null }> {
  const own: Expectation = { expect_any: item.expect_any, forbid: item.forbid, doc: item.doc, answerable: item.answerable };
  const turns = item.turns ?? [item.question as string];
  return turns.map((t, i) => {
    const last = i === turns.length - 1;
    if (typeof t === 'string') return { say: t, expect: last ? own : null };
    const { say, ...e } = t;
    return { say, expect: last ? { ...own, ...e } : e };
  });
}

/** Reads a JSONL answers set; a malformed line is an error naming its line number. */
export async function readAnswerSet(file: string): Promise<AnswerItem[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const out: AnswerItem[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = answerItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    out.push(parsed.data);
  });
  return out;
}

/** The outcome of a run: share correct overall, and each failure with its reason and the reply. */
export interface AnswerFigures {
  n: number;
  correct: number;
  share: number;
  failures: Array<{ id: string; reason: string; reply: string }>;
}

/** A fresh conversation with the bot. */
export type ConversationFactory = () => Promise<{ say(text: string): Promise<BotMessage[]> }>;

/** Runs every item in its own conversation; an item is correct when all of its graded turns are. */
export async function evaluateAnswers(items: readonly AnswerItem[], open: ConversationFactory): Promise<AnswerFigures> {
  const failures: AnswerFigures['failures'] = [];
  for (const item of items) {
    const chat = await open();
    for (const turn of turnsOf(item)) {
      const reply = await chat.say(turn.say);
      const why = turn.expect ? gradeTurn(reply, turn.expect) : null;
      if (why) {
        failures.push({ id: item.id, reason: `${turn.say} → ${why}`, reply: reply.map((m) => m.text).join(' | ').slice(0, 300) });
        break;
      }
    }
  }
  const n = items.length;
  const correct = n - failures.length;
  return { n, correct, share: n === 0 ? 0 : Math.round((correct / n) * 1000) / 1000, failures };
}
