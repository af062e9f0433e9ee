import type { Queryable } from '../../db/database';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { splitSentences } from '../../knowledge/ingest/chunker';
import type { AnswerService, AskResult, Citation } from '../../ports';
import { itemPath } from '../programme.present';
import type { ItemView, ProgrammeService } from '../programme.service';
import { dmy, pctText } from '../views/programme-parts.view';
import { foldedSyllables, matchQuestion, placesIn, type ProgrammeIntent } from './programme-matcher';
import { resolutionDocument, type ResolutionDocument } from './resolution.repository';

/** Settings of the programme answers. */
export interface ProgrammeAnswerOptions {
  /** Absolute base of links in chat answers (PUBLIC_BASE_URL); links stay relative without it. */
  baseUrl: string;
  /** Province names (folded) a question may name; items of programmes about another place are then left out. */
  places: readonly string[];
  /** The deployment's own province (folded): programmes whose title names no place are about it. */
  ownPlace: string | null;
}

const MAX_LATE_LISTED = 8;
// How long one read of the items answers questions (a report filed shows in the chat within this time).
const ITEMS_TTL_MS = 5_000;

/** Places a programme title names after "tỉnh" or "Tỉnh ủy" ("… Tỉnh ủy Hậu Giang …" → "hau giang"), folded. */
export function titlePlaces(title: string): string[] {
  const re = /(?:tỉnh|Tỉnh ủy)\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)/gu;
  return [...title.normalize('NFC').matchAll(re)].map((m) => foldedSyllables(m[1]!).join(' '));
}

// The sentence of the resolution that shares most syllables with the item's title: the promise as written.
function quoteFor(doc: ResolutionDocument, title: string): string {
  const wanted = new Set(foldedSyllables(title));
  let best = { sentence: doc.title, score: 0 };
  for (const sentence of doc.chunks.flatMap((c) => splitSentences(c))) {
    const score = foldedSyllables(sentence).filter((s) => wanted.has(s)).length;
    if (score > best.score) best = { sentence, score };
  }
  return best.sentence.length > 400 ? `${best.sentence.slice(0, 397)}…` : best.sentence;
}

/**
 * Answers questions about action programmes from their structured data (status, progress, lead agency,
 * deadline, latest report), citing the item as `tien-do/<code>` and the resolution it implements; any other
 * question goes to the fallback (the knowledge base).
 */
export class ProgrammeAnswerService implements AnswerService {
  constructor(
    private readonly db: Queryable,
    private readonly programmes: ProgrammeService,
    private readonly fallback: AnswerService,
    private readonly options: ProgrammeAnswerOptions,
  ) {}

  private cached: { at: number; items: Promise<ItemView[]> } | null = null;

  // The bot asks recognises() and then ask() for one message: one read of the items serves both.
  private async items(): Promise<ItemView[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > ITEMS_TTL_MS) {
      this.cached = { at: now, items: this.programmes.allItems() };
      this.cached.items.catch(() => (this.cached = null));
    }
    return this.cached.items;
  }

  private async intent(question: string): Promise<{ items: ItemView[]; intent: ProgrammeIntent }> {
    const items = this.inScope(question, await this.items());
    return { items, intent: items.length ? matchQuestion(question, items) : null };
  }

  /** True when the question is about the programmes (the chat then answers it rather than filing feedback). */
  async recognises(question: string): Promise<boolean> {
    return (await this.intent(question)).intent !== null;
  }

  /** Answers one question. */
  async ask(question: string): Promise<AskResult> {
    const { items, intent } = await this.intent(question);
    if (!intent) return this.fallback.ask(question);
    if (intent.kind === 'late') return this.lateAnswer(items.filter((i) => i.status === 'late'));
    const chosen = intent.codes.map((c) => items.find((i) => i.code === c)!);
    return this.itemsAnswer(chosen);
  }

  // The entity rule of the knowledge answers: a question naming a province is about that province's programmes.
  private inScope(question: string, items: ItemView[]): ItemView[] {
    const places = [
      ...new Set([...this.options.places, ...items.flatMap((i) => titlePlaces(i.programme_title))]),
    ];
    const named = placesIn(question, places);
    if (named.length === 0) return items;
    return items.filter((i) => {
      const about = placesIn(i.programme_title, places);
      const of = about.length ? about : this.options.ownPlace ? [this.options.ownPlace] : [];
      return of.some((p) => named.includes(p));
    });
  }

  private url(path: string): string {
    return `${this.options.baseUrl}${path}`;
  }

  private itemCitation(i: ItemView, quote: string): Citation {
    return {
      documentId: `tien-do/${i.code}`,
      title: `${i.title} — ${i.programme_title}`,
      source: this.url(itemPath(i.code)),
      date: i.latest_report?.reported_on ?? null,
      quote,
    };
  }

  private async itemsAnswer(items: ItemView[]): Promise<AskResult> {
    const citations: Citation[] = [];
    const paragraphs: string[] = [];
    for (const i of items) {
      const line = P.chat.item({
        title: i.title,
        kind: P.kind[i.kind],
        programme: i.programme_title,
        status: P.status[i.status],
        progress: pctText(i.progress),
        lead: i.lead_agency_name,
        deadline: i.deadline ? dmy(i.deadline) : null,
      });
      const latest = i.latest_report
        ? P.chat.latest(dmy(i.latest_report.reported_on), i.latest_report.note)
        : '';
      const sample = i.programme_sample ? P.chat.sample : '';
      const link = P.chat.link(this.url(itemPath(i.code)));
      paragraphs.push([line, latest, link, P.follow.hint(i.code), sample].filter(Boolean).join(' '));
      citations.push(this.itemCitation(i, line));
    }
    for (const ref of new Set(items.map((i) => i.document ?? i.programme_document).filter(Boolean))) {
      const doc = await resolutionDocument(this.db, ref as string);
      if (!doc) continue;
      const quote = quoteFor(doc, items.find((i) => (i.document ?? i.programme_document) === ref)!.title);
      citations.push({ documentId: doc.id, title: doc.title, source: doc.source, date: doc.date, quote });
    }
    return { answer: paragraphs.join('\n\n'), grounded: true, citations };
  }

  private lateAnswer(late: ItemView[]): AskResult {
    const link = P.chat.listLink(this.url('/tien-do'));
    if (late.length === 0) return { answer: `${P.chat.noneLate} ${link}`, grounded: true, citations: [] };
    const shown = late.slice(0, MAX_LATE_LISTED);
    const lines = shown.map((i) =>
      P.chat.lateLine(i.title, i.lead_agency_name, i.deadline ? dmy(i.deadline) : null, pctText(i.progress)),
    );
    if (late.length > shown.length) lines.push(P.chat.lateMore(late.length - shown.length));
    const sample = late.some((i) => i.programme_sample) ? [P.chat.sample] : [];
    return {
      answer: [P.chat.lateIntro(late.length), ...lines, link, ...sample].join('\n'),
      grounded: true,
      citations: shown.map((i) => this.itemCitation(i, P.status.late)),
    };
  }
}
