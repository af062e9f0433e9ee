import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MessageKind } from '../../ports';
import { CommuneNameIndex } from '../../reference/admin-units/commune-names';
import { CommuneGazetteer, type CommuneDetection, type CommuneMatch } from './commune.gazetteer';
import { MessageClassifier, type Classification, type ClassifierData } from './message.classifier';
import type { LabelledExample } from './nearest-examples';

/** Folder of the triage data files an administrator edits (copied to dist by the build). */
export const TRIAGE_DATA_DIR = path.join(__dirname, '..', 'data', 'triage');

/** What analysis concludes from a message (kind, category, commune), with the evidence; no agency (that is routing). */
export interface MessageAnalysis {
  kind: MessageKind;
  category: string;
  /** Written by a business about its own case (a business obstacle). */
  business: boolean;
  commune: CommuneDetection;
  classification: Classification;
}

/** Reads the phrase tables and labelled examples from a folder. */
export function loadClassifierData(dir: string = TRIAGE_DATA_DIR): ClassifierData {
  const json = (file: string) =>
    JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ClassifierData['categories'];
  const examples = readFileSync(path.join(dir, 'examples.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledExample);
  return { categories: json('category-lexicon.json'), kinds: json('kind-cues.json'), examples };
}

/** Analyses citizen messages for one province: classifies (kind, category) and locates (commune); pure, in memory. */
export class MessageAnalyzer {
  constructor(
    private readonly classifier: MessageClassifier,
    private readonly gazetteer: CommuneGazetteer,
  ) {}

  /** Builds the analyzer from the bundled data files. */
  static fromDataFiles(provinceCode: string, dir: string = TRIAGE_DATA_DIR): MessageAnalyzer {
    return new MessageAnalyzer(
      new MessageClassifier(loadClassifierData(dir)),
      new CommuneGazetteer(CommuneNameIndex.bundled(), provinceCode),
    );
  }

  /** Analyses one message. */
  analyze(text: string): MessageAnalysis {
    const classification = this.classifier.classify(text);
    return {
      kind: classification.kind,
      category: classification.category,
      business: classification.business,
      commune: this.gazetteer.detect(text),
      classification,
    };
  }

  /** Only the commune a text names (a reply to "where?"), without classifying it. */
  locate(text: string): CommuneDetection {
    return this.gazetteer.detect(text);
  }

  /** The communes closest to a place name that matched none (for "did you mean…?"). */
  closest(text: string, limit: number): CommuneMatch[] {
    return this.gazetteer.closest(text, limit);
  }
}
