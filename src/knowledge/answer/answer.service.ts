import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from 'pino';
import type { AnswerService, AskResult } from '../../ports';
import { vi } from '../../i18n/strings.vi';
import type { Conflict } from '../entities/agreement';
import type { HybridSearch } from '../retrieve/hybrid.retriever';
import { decide } from './decide';
import { citationOf, notFoundAnswer, quotedAnswer, sourceLine, type Quote } from './extractive';
import { llmAnswer } from './llm-answer';

/** Settings of the answer service. */
export interface AnswerOptions {
  /** Below this retrieval confidence the knowledge base is taken to hold no answer. */
  minConfidence: number;
  llm: BaseChatModel | null;
  llmTimeoutMs: number;
  /** Told of every question the knowledge base could not answer (for the administrators' list). */
  onNoAnswer?: (question: string, confidence: number) => Promise<void>;
}

/** Candidates looked at per question: enough that a passage about the asked province is found under others. */
const CANDIDATES = 10;

/** "No information about Thanh Hóa; the nearest document is about Thái Nguyên: …" — ungrounded, with its source. */
export function otherEntityAnswer(quotes: readonly Quote[], found: readonly Conflict[]): AskResult {
  const first = quotes[0] as Quote;
  const quote = quotes.map((q) => q.text).join(' ');
  const asked = found.map((c) => c.asked).join(', ');
  const about = found.map((c) => c.found).join(', ');
  return {
    answer: `${vi.knowledge.otherEntity(asked, about)}\n“${quote}”\n\n${sourceLine(first.passage)}\n\n${vi.knowledge.forwardOffer}`,
    grounded: false,
    citations: [citationOf(first.passage, quote)],
  };
}

/** Answers from the knowledge base: retrieve, check the entities agree, decide, then quote (or ask the LLM). */
export class KnowledgeAnswerService implements AnswerService {
  constructor(
    private readonly search: HybridSearch,
    private readonly options: AnswerOptions,
    private readonly logger: Logger,
  ) {}

  /** Answers one question; never throws for "no answer", only for infrastructure failures. */
  async ask(question: string): Promise<AskResult> {
    const decision = decide(question, await this.search.search(question, CANDIDATES), this.options.minConfidence);
    if (decision.kind !== 'answer') {
      this.logger.debug({ confidence: decision.confidence, kind: decision.kind }, 'no grounded answer');
      // Recording is best effort: a citizen's answer never fails because the list could not be written.
      await this.options.onNoAnswer?.(question, decision.confidence).catch((err: unknown) => {
        this.logger.warn({ err }, 'could not record an unanswered question');
      });
      return decision.kind === 'other' ? otherEntityAnswer(decision.quotes, decision.conflicts) : notFoundAnswer();
    }
    if (this.options.llm) {
      const answer = await llmAnswer(this.options.llm, question, decision.passages.slice(0, 4), this.options.llmTimeoutMs);
      if (answer) return answer;
      this.logger.warn('LLM answer unavailable; falling back to the extractive answer');
    }
    return decision.quotes.length === 0 ? notFoundAnswer() : quotedAnswer(decision.quotes);
  }
}
