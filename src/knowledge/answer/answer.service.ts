import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from 'pino';
import type { AnswerService, AskResult } from '../../ports';
import type { HybridSearch } from '../retrieve/hybrid.retriever';
import { extractiveAnswer, notFoundAnswer } from './extractive';
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

/** Answers from the knowledge base: retrieve, decide whether it holds an answer, then quote (or ask the LLM). */
export class KnowledgeAnswerService implements AnswerService {
  constructor(
    private readonly search: HybridSearch,
    private readonly options: AnswerOptions,
    private readonly logger: Logger,
  ) {}

  /** Answers one question; never throws for "no answer", only for infrastructure failures. */
  async ask(question: string): Promise<AskResult> {
    const { passages, confidence } = await this.search.search(question, 5);
    if (passages.length === 0 || confidence < this.options.minConfidence) {
      this.logger.debug({ confidence }, 'no grounded answer');
      // Recording is best effort: a citizen's answer never fails because the list could not be written.
      await this.options.onNoAnswer?.(question, confidence).catch((err: unknown) => {
        this.logger.warn({ err }, 'could not record an unanswered question');
      });
      return notFoundAnswer();
    }
    if (this.options.llm) {
      const answer = await llmAnswer(this.options.llm, question, passages.slice(0, 4), this.options.llmTimeoutMs);
      if (answer) return answer;
      this.logger.warn('LLM answer unavailable; falling back to the extractive answer');
    }
    return extractiveAnswer(question, passages);
  }
}
