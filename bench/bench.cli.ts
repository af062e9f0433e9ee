import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { parseBenchOptions, type BenchOptions } from './bench.options';
import { runTarget, type BenchInputs, type DbTarget, type TargetResults } from './bench.run';
import {
  DEMO_QUESTIONS,
  feedbackTexts,
  realQuestions,
  retrievalPassages,
  retrievalQuestions,
  sharedAvailable,
  type Passage,
} from './corpus';
import { renderMarkdown } from './report.markdown';
import { checkTargets, compareTargets, describeMachine, type BenchResults } from './report';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Paragraphs of the demo corpus: what retrieval replicates when ../shared is absent. */
async function demoPassages(root: string): Promise<Passage[]> {
  const dir = path.join(root, 'knowledge');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
  const out: Passage[] = [];
  for (const f of files) {
    const paragraphs = (await readFile(path.join(dir, f), 'utf8'))
      .split(/\n\s*\n/)
      .filter((p) => p.trim().length > 80);
    paragraphs.forEach((text, i) => out.push({ id: `${f}#${i}`, title: f, text }));
  }
  return out;
}

async function gatherInputs(root: string, notes: string[]): Promise<BenchInputs> {
  const withShared = sharedAvailable(root);
  if (!withShared) {
    notes.push(
      '../shared is absent: QA corpus is the demo corpus alone, questions and retrieval passages come from it.',
    );
    log(`note: ${notes.at(-1)}`);
    return {
      root,
      withShared,
      questions: DEMO_QUESTIONS,
      feedback: await feedbackTexts(root),
      passages: await demoPassages(root),
      queries: DEMO_QUESTIONS,
    };
  }
  return {
    root,
    withShared,
    questions: await realQuestions(root),
    feedback: await feedbackTexts(root),
    passages: await retrievalPassages(root),
    queries: await retrievalQuestions(root),
  };
}

/** Runs the configured sections on PGlite and, when DATABASE_URL is set, on that server; writes both files. */
export async function runBench(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<BenchResults> {
  // The project root (dist/bench → ../..), whatever folder the bench was started from: ../shared is beside it.
  const root = path.resolve(__dirname, '..', '..');
  const opts: BenchOptions = parseBenchOptions(argv, root);
  const startedAt = new Date();
  const machine = describeMachine();
  const notes: string[] = [];
  const inputs = await gatherInputs(root, notes);
  if (opts.quick)
    notes.push(
      'Quick run (smoke test): small sizes and short runs; the figures are not comparable with a full run.',
    );
  const databaseUrl = loadConfig(env).databaseUrl;
  const targets: DbTarget[] = [
    ...(opts.targets.includes('embedded') ? [{ driver: 'pglite' as const }] : []),
    ...(databaseUrl && opts.targets.includes('server') ? [{ driver: 'pg' as const, url: databaseUrl }] : []),
  ];
  if (!databaseUrl)
    notes.push('DATABASE_URL unset: embedded PGlite only (set it to add a Postgres server side by side).');
  const results: TargetResults[] = [];
  for (const t of targets) results.push(await runTarget(t, opts, inputs, log));
  const { out: _out, ...options } = opts;
  const bench: BenchResults = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    options,
    sharedData: inputs.withShared,
    notes,
    results,
    comparison: compareTargets(results),
    targets: checkTargets(results.find((r) => r.driver === 'pglite')),
  };
  await mkdir(opts.out, { recursive: true });
  const base = path.join(opts.out, bench.date);
  await writeFile(`${base}.json`, `${JSON.stringify(bench, null, 2)}\n`);
  const markdown = renderMarkdown(bench);
  await writeFile(`${base}.md`, `${markdown}\n`);
  process.stdout.write(`${markdown}\n\nWrote ${base}.json and ${base}.md\n`);
  return bench;
}

runBench(process.argv.slice(2), process.env).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
