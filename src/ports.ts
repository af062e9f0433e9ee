/**
 * The interfaces the feature areas meet at: the bot and channels call knowledge and tickets through these, and
 * tickets deliver to citizens through a channel. Each area implements its side; main.ts wires them together.
 */

/** One cited source of an answer (the `/api/ask` contract). */
export interface Citation {
  documentId: string;
  title: string;
  source: string | null;
  date: string | null;
  quote: string;
}

/** An answer from the knowledge base; `grounded: false` means it holds no answer and `answer` says so. */
export interface AskResult {
  answer: string;
  grounded: boolean;
  citations: Citation[];
}

/** Answers questions about resolutions and policies from the knowledge base. */
export interface AnswerService {
  ask(question: string): Promise<AskResult>;
  /**
   * True when the question has a structured answer here (an action programme's item), so the bot asks instead
   * of filing feedback even when the words sound like a complaint ("những nhiệm vụ nào đang chậm tiến độ?").
   */
  recognises?(question: string): Promise<boolean>;
}

/** What a citizen message is. */
export type MessageKind = 'question' | 'feedback' | 'complaint' | 'denunciation' | 'track';

/** What a citizen message is about: kind, category and commune (no agency: that is routing, done when filing). */
export interface MessageTriage {
  kind: MessageKind;
  category: string;
  commune: { code: string; name: string } | null;
  /** Set when a business writes about its own case: a business obstacle (not part of `/api/triage`). */
  submitter?: 'business';
}

/** What the bot would do with a message (the `/api/triage` contract), without creating anything. */
export interface TriageResult extends MessageTriage {
  agency: { id: string; name: string };
}

/** A commune found from a place the citizen typed; `viaFormerName` is the pre-2025 name it was found by. */
export interface LocatedCommune {
  code: string;
  name: string;
  viaFormerName?: string | null;
}

/** Reads citizen messages: what they are about, which commune they name, and where they would be routed. */
export interface TriageService {
  /** Kind, category, commune and responsible agency (the `/api/triage` contract). */
  triage(text: string): Promise<TriageResult>;
  /** Kind, category and commune only: the bot analyses a message once and carries this to filing. */
  analyze(text: string): Promise<MessageTriage>;
  /** The commune a place description names, if exactly one. */
  locate(text: string): Promise<LocatedCommune | null>;
  /** The communes whose names are closest to a place the citizen typed that matched none (best first). */
  suggest?(text: string, limit?: number): Promise<LocatedCommune[]>;
}

/** Where a ticket came from and how to reach the citizen again on that channel. */
export interface ConversationRef {
  /** Channel id: `directline`, `zalo`, `open311`, `portal`. */
  channel: string;
  /** The channel's conversation id (Direct Line conversation, Zalo user id). */
  conversationId: string;
  /** The citizen's id on that channel. */
  userId: string;
}

/** A citizen's personal contact, stored only with consent. */
export interface ContactInput {
  name?: string;
  phone?: string;
  consentAt: Date;
}

/** What the bot (or an API client) hands over to file a ticket. */
export interface NewTicketInput {
  kind: Exclude<MessageKind, 'track'>;
  category?: string;
  communeCode?: string;
  description: string;
  location?: { lat: number; lon: number; address?: string };
  /** Photos and other files; one without a URL is described only (a file that could not be kept, a contact card). */
  attachments?: Array<{ url?: string; contentType: string; name?: string }>;
  contact?: ContactInput;
  origin: ConversationRef;
  /** What triage concluded from the citizen's message, carried so filing does not analyse the text again. */
  triage?: MessageTriage;
  /** The citizen agreed (true) or declined (false) that an anonymised, agency-approved summary be published. */
  publish?: boolean;
  /** The channel showed the receipt in the conversation itself: no separate "received" notice is queued. */
  acknowledged?: boolean;
  /** The inbound message id that caused this ticket; retries with the same key return the same ticket. */
  idempotencyKey: string;
}

/** The citizen-facing receipt of a filed ticket. */
export interface TicketReceipt {
  id: string;
  trackingCode: string;
  pin: string;
  agency: { id: string; name: string };
  status: string;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
  /** Set when the ticket was linked to an open near-identical one. */
  duplicateOf?: string;
}

/** Public status of a ticket, without personal data. */
export interface TicketStatusView {
  trackingCode: string;
  kind: string;
  category: string;
  status: string;
  agency: { id: string; name: string };
  createdAt: Date;
  resolveDueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  rating: number | null;
  timeline: Array<{ at: Date; status: string; note?: string }>;
}

/** The tickets area as the bot sees it. */
export interface TicketService {
  create(input: NewTicketInput): Promise<TicketReceipt>;
  /** Returns null when the code is unknown or the PIN is wrong (never says which). */
  lookup(trackingCode: string, pin: string, source: string): Promise<TicketStatusView | null>;
  /** Records a 1–5 rating of the answer, with where it came from; a rating of 1–2 reopens the ticket. */
  rate(
    trackingCode: string,
    pin: string,
    rating: number,
    by: RatingSource,
    comment?: string,
  ): Promise<TicketStatusView>;
  /**
   * The citizen withdraws consent: erases name and phone from every ticket this channel account filed (the
   * tickets themselves and their answers stay); returns how many tickets held contact details.
   */
  eraseContacts(origin: { channel: string; userId: string }): Promise<number>;
}

/**
 * Who rated: the channel (`directline`, `zalo`, `tracking-page`, `api`) and the rater on it (the chat user id, or a
 * short hash of the client address for the web forms). Only citizens rate: no portal route produces a rating.
 */
export interface RatingSource {
  channel: string;
  rater: string;
}

/** A message to a citizen waiting in the outbox. */
export interface OutboundMessage {
  id: string;
  to: ConversationRef;
  text: string;
  /** Suggested replies the channel may render as buttons or numbered options. */
  suggestedActions?: string[];
  /** The ticket the message is about, for channels that can deliver it another way (a template message). */
  ticket?: { trackingCode: string; event?: string };
}

/** Outcome of one delivery attempt; `permanent` failures are not retried. */
export type DeliveryResult =
  { ok: true; externalId?: string; via?: 'template' } | { ok: false; permanent: boolean; error: string };

/** A channel that can deliver a message proactively (days later, after the conversation went quiet). */
export interface OutboundChannel {
  readonly channel: string;
  deliver(message: OutboundMessage): Promise<DeliveryResult>;
}

/** Roles of portal users, from least to most powerful. */
export type StaffRole = 'staff' | 'supervisor' | 'admin' | 'oversight';

/** The signed-in portal user as every area sees them (the agencies area signs them in). */
export interface StaffPrincipal {
  userId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  agencyId: string | null;
  csrfToken: string;
  sessionHash: string;
  /** The password was issued by someone else (CLI, administrator): it must be changed before anything else. */
  mustChangePassword?: boolean;
}
