import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { KnowledgeConfig } from '../../config/config';
import type { AskResult } from '../../ports';
import { vi } from '../../i18n/strings.vi';
import type { RetrievedPassage } from '../retrieve/hybrid.retriever';
import { bestQuotes, citationOf, sourceLine } from './extractive';
import { MAX_ANSWER_CHARS } from './shape';

/** Builds the chat model for an OpenAI-compatible endpoint (vLLM, Ollama, a cloud), or null when none is set. */
export function createChatModel(k: KnowledgeConfig): BaseChatModel | null {
  if (!k.llmBaseUrl) return null;
  return new ChatOpenAI({
    model: k.llmModel,
    apiKey: k.llmApiKey ?? 'not-needed',
    temperature: 0,
    maxRetries: 0,
    timeout: k.llmTimeoutMs,
    configuration: { baseURL: k.llmBaseUrl },
  });
}

// The model must answer from the numbered passages only and say which ones it used.
const replySchema = z.object({
  answer: z.string().trim().min(1).max(2000),
  citations: z.array(z.number().int().min(1)).min(1).max(5),
});

function promptFor(question: string, passages: readonly RetrievedPassage[]): string {
  const blocks = passages.map((p, i) => `[${i + 1}] ${p.title}${p.date ? ` (${p.date})` : ''}\n${p.text}`);
  return `${vi.knowledge.llmPassages}\n\n${blocks.join('\n\n')}\n\n${vi.knowledge.llmQuestion} ${question}`;
}

function parseReply(content: string, passages: readonly RetrievedPassage[]): z.infer<typeof replySchema> | null {
  const json = /\{[\s\S]*\}/.exec(content)?.[0];
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = replySchema.safeParse(data);
  if (!parsed.success || parsed.data.citations.some((n) => n > passages.length)) return null;
  return parsed.data;
}

// Markers a model writes after the numbered passages ("[1]", "[1, 2]", "[1–3]", "[1][2]"): they mean nothing to a
// citizen, whose answer names its source in words.
const MARKER = /\s*\[(\d{1,2}(?:\s*[,;–-]\s*\d{1,2})*)\]/g;

/** The passage numbers a model marked inline, and its answer without the markers. */
export function withoutMarkers(text: string, passages: number): { text: string; marked: number[] } {
  const marked: number[] = [];
  const clean = text.replace(MARKER, (whole, list: string) => {
    const numbers = list.split(/\s*[,;]\s*/).flatMap((part) => {
      const [from, to] = part.split(/\s*[–-]\s*/).map(Number) as [number, number | undefined];
      return Array.from({ length: to !== undefined && to >= from ? Math.min(to - from, 4) + 1 : 1 }, (_, i) => from + i);
    });
    if (numbers.some((n) => n < 1 || n > passages)) return whole;
    marked.push(...numbers);
    return '';
  });
  return { text: clean.trim(), marked };
}

// A model that ignores the length rule is cut at the last sentence (or word) that fits.
function shorten(text: string): string {
  if (text.length <= MAX_ANSWER_CHARS) return text;
  const head = text.slice(0, MAX_ANSWER_CHARS - 1);
  const sentence = head.match(/^[\s\S]*[.!?…](?=\s)/)?.[0];
  return sentence && sentence.length > MAX_ANSWER_CHARS / 2 ? sentence : `${head.replace(/\s+\S*$/, '')}…`;
}

/**
 * Asks the chat model to answer from the passages and cite them. Returns null on any failure (timeout,
 * transport error, malformed or uncited output), so the caller falls back to the extractive answer.
 */
export async function llmAnswer(
  model: BaseChatModel,
  question: string,
  passages: readonly RetrievedPassage[],
  timeoutMs: number,
): Promise<AskResult | null> {
  try {
    const reply = await model.invoke([new SystemMessage(vi.knowledge.llmSystem), new HumanMessage(promptFor(question, passages))], {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
    const parsed = parseReply(content, passages);
    if (!parsed) return null;
    const { text, marked } = withoutMarkers(parsed.answer, passages.length);
    if (!text) return null;
    const cited = [...new Set([...parsed.citations, ...marked])].map((n) => passages[n - 1] as RetrievedPassage);
    const first = cited[0] as RetrievedPassage;
    return {
      answer: `${shorten(text)}\n\n${sourceLine(first)}`,
      grounded: true,
      // Each cited passage is quoted by its sentence that answers best, not by its opening.
      citations: cited.map((p) => citationOf(p, bestQuotes(question, [p], 1)[0]?.text ?? shorten(p.text))),
    };
  } catch {
    return null;
  }
}
