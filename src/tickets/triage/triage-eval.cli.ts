import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageAnalyzer } from './message.analyzer';

/** One labelled evaluation message (the `eval/complaints` format). */
interface EvalItem {
  id: string;
  text: string;
  kind: string;
  categories: string[];
  commune: string | null;
  /** "business" when a business writes about its own case; absent for citizens. */
  submitter?: string;
}

/** Accuracy figures of one evaluation file. */
export interface TriageScores {
  n: number;
  kind: number;
  category: number;
  categoryN: number;
  commune: number;
  /** Share of messages whose writer (a business or not) was read right; null for a set without that label. */
  business: number | null;
  misses: Array<{ id: string; field: string; expected: unknown; got: unknown }>;
}

/** Scores the message analyzer on labelled messages; an empty `categories` list leaves the item out of category accuracy. */
export function evaluateTriage(analyzer: MessageAnalyzer, items: readonly EvalItem[]): TriageScores {
  let kind = 0;
  let category = 0;
  let categoryN = 0;
  let commune = 0;
  let business = 0;
  const misses: TriageScores['misses'] = [];
  for (const item of items) {
    const a = analyzer.analyze(item.text);
    const code = a.commune.match?.code ?? null;
    if (a.kind === item.kind) kind++;
    else misses.push({ id: item.id, field: 'kind', expected: item.kind, got: a.kind });
    if (item.categories.length > 0) {
      categoryN++;
      if (item.categories.includes(a.category)) category++;
      else misses.push({ id: item.id, field: 'category', expected: item.categories, got: a.category });
    }
    if (code === item.commune) commune++;
    else misses.push({ id: item.id, field: 'commune', expected: item.commune, got: code });
    const isBusiness = item.submitter === 'business';
    if (a.business === isBusiness) business++;
    else if (items.some((i) => i.submitter !== undefined))
      misses.push({ id: item.id, field: 'business', expected: isBusiness, got: a.business });
  }
  const ratio = (x: number, n: number) => (n === 0 ? 1 : Math.round((x / n) * 10000) / 10000);
  return {
    n: items.length,
    kind: ratio(kind, items.length),
    category: ratio(category, categoryN),
    categoryN,
    commune: ratio(commune, items.length),
    business: items.some((i) => i.submitter !== undefined) ? ratio(business, items.length) : null,
    misses,
  };
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const province = argv.includes('--province') ? (argv[argv.indexOf('--province') + 1] ?? '38') : '38';
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--province');
  const targets =
    files.length > 0
      ? files
      : [
          '../shared/eval/complaints/dev.jsonl',
          'test/fixtures/triage/holdout.jsonl',
          'test/fixtures/triage/blind.jsonl',
          'test/fixtures/triage/blind2.jsonl',
          'test/fixtures/triage/blind3.jsonl',
          'test/fixtures/triage/blind4.jsonl',
        ];
  const analyzer = MessageAnalyzer.fromDataFiles(province);
  for (const file of targets) {
    if (!existsSync(file)) {
      process.stdout.write(`skip ${file}: not found\n`);
      continue;
    }
    const items = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as EvalItem);
    const s = evaluateTriage(analyzer, items);
    if (json)
      process.stdout.write(
        `${JSON.stringify({ file: path.basename(file), n: s.n, kind: s.kind, category: s.category, commune: s.commune, business: s.business })}\n`,
      );
    else {
      process.stdout.write(
        `${file}: n=${s.n} kind=${s.kind} category=${s.category} (n=${s.categoryN}) commune=${s.commune} business=${s.business}\n`,
      );
      for (const m of s.misses)
        process.stdout.write(
          `  miss ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}\n`,
        );
    }
  }
}

if (require.main === module) main(process.argv.slice(2));
