/**
 * INTERIM AnswerService, used by `npm start` until the knowledge area is wired in (src/main.ts passes it to
 * createBot). It never claims to know: every question gets `grounded: false` and the "not known" message, so the
 * bot offers to forward the question to an agency as a `question` ticket.
 */
import { vi } from '../../dialogs/strings.vi';
import type { AnswerService, AskResult } from '../ports';

/** INTERIM AnswerService: the knowledge base is not wired in yet, so it never claims to know. */
export class InterimAnswerService implements AnswerService {
  /** Always answers "not known". */
  async ask(_question: string): Promise<AskResult> {
    return { answer: vi.bot.interim.notKnown, grounded: false, citations: [] };
  }
}
