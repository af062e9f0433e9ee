import type { AnswerService, ConversationRef, TicketService, TriageService } from '../src/ports';

/** The services every dialog may use, handed in through constructors (dialogs hold no SQL and no HTTP). */
export interface BotServices {
  answers: AnswerService;
  triage: TriageService;
  tickets: TicketService;
  /** Follows an action-programme item by code for this conversation; returns the sentence to answer with. */
  follow?: (code: string, ref: ConversationRef) => Promise<string>;
}

/** Dialog ids, shared so dialogs can start each other without importing each other's classes. */
export const DIALOG_IDS = {
  main: 'main',
  ask: 'askQuestion',
  feedback: 'fileFeedback',
  track: 'trackTicket',
  rate: 'rateAnswer',
  forget: 'forgetContact',
  place: 'feedbackPlace',
  photos: 'feedbackPhotos',
  businessDetails: 'businessDetails',
  contact: 'feedbackContact',
} as const;
