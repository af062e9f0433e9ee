import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { parseBenchOptions, type BenchOptions } from './bench.options';
import {
  runProgrammesTarget,
  runTarget,
  type BenchInputs,
  type DbTarget,
  type TargetResults,
} from './bench.run';
import {
  DEMO_QUESTIONS,
  feedbackTexts,
  realQuestions,
  retrievalPassages,
  retrievalQuestions,
  sharedAvailable,
  type Passage,
} from './corpus';
import { programmesLines, renderMarkdown } from './report.markdown';
import { checkTargets, compareTargets, describeMachine, programmeChecks, type BenchResults } from './report';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Paragraphs of the demo corpus: what the retrieval corpus is built from when ../shared is absent. */
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

/** `--only programmes`: that section alone on each target; writes `<date>-programmes.{json,md}`. */
async function runProgrammesOnly(opts: BenchOptions, targets: DbTarget[]): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const results = [];
  for (const t of targets) results.push(await runProgrammesTarget(t, opts, log));
  const checks = results.flatMap((r) => programmeChecks(r.programmes, r.driver));
  const durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  const json = { date: startedAt.toISOString().slice(0, 10), durationSeconds, machine, results, checks };
  const m = machine;
  const markdown = [
    `# Benchmark ${json.date}: action programmes only${opts.quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${m.cores} cores, ${m.cpuModel}, ${m.totalMemoryMb} MB; Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' ')}. Run took ${durationSeconds} s.`,
    '',
    ...checks.map((c) => `- ${c.name}: ${c.measured} (wanted ${c.target}; ${c.met ? 'met' : 'not met'})`),
    '',
    ...results.flatMap((r) => [`### ${r.driver}`, '', ...programmesLines(r.programmes)]),
  ].join('\n');
  await mkdir(opts.out, { recursive: true });
  const base = path.join(opts.out, `${json.date}-programmes`);
  await writeFile(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(`${base}.md`, `${markdown}\n`);
  process.stdout.write(`${markdown}\n\nWrote ${base}.json and ${base}.md\n`);
}

/** Runs the configured sections on PGlite and, when DATABASE_URL is set, on that server; writes both files. */
export async function runBench(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<BenchResults | null> {
  // The project root (dist/bench → ../..), whatever folder the bench was started from: ../shared is beside it.
  const root = path.resolve(__dirname, '..', '..');
  const opts: BenchOptions = parseBenchOptions(argv, root);
  const databaseUrl = loadConfig(env).databaseUrl;
  const targets: DbTarget[] = [
    ...(opts.targets.includes('embedded') ? [{ driver: 'pglite' as const }] : []),
    ...(databaseUrl && opts.targets.includes('server') ? [{ driver: 'pg' as const, url: databaseUrl }] : []),
  ];
  if (opts.only === 'programmes') {
    await runProgrammesOnly(opts, targets);
    return null;
  }
  const startedAt = new Date();
  const machine = describeMachine();
  const notes: string[] = [];
  const inputs = await gatherInputs(root, notes);
  if (opts.quick)
    notes.push(
      'Quick run (smoke test): small sizes and short runs; the figures are not comparable with a full run.',
    );
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
