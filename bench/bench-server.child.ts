import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { JobRunner } from '../src/jobs/job-runner';
import { createKnowledge, type Knowledge } from '../src/knowledge/knowledge';
import { loadPassages } from '../src/knowledge/eval/retrieval-eval';
import {
  collectFiles,
  ingestDocuments,
  ingestFiles,
  type IngestOutcome,
} from '../src/knowledge/ingest/ingest.service';
import { createLogger } from '../src/logger';
import type { AnswerService, TriageService } from '../src/ports';
import { Open311Repository } from '../src/public/open311/open311.repository';
import { startServer } from '../src/server';
import { NQ_SAPXEP_DIR } from './corpus';
import { CpuProfiler } from './cpu-profile';

/**
 * A benchmark server in its own process (the load driver must not share its event loop): `qa` is main.ts's
 * wiring, `echo` the same server whose answer service echoes the question (no retrieval), `hello` a bare Express
 * route, `ingest` one ingestion run with its peak memory.
 */
export interface ChildSpec {
  mode: 'qa' | 'echo' | 'hello' | 'ingest';
  /** Settings handed to loadConfig (the child's own environment is not read). */
  env: Record<string, string>;
  root: string;
  /** Add the nq-sapxep passages to the demo corpus (false when ../shared is absent). */
  withShared: boolean;
  /** Registered as an Open311 client, for the ticket-creation section. */
  open311Key?: string;
  /** Candidate questions; `qa` reports those the bot routes to the answer service and answers from sources. */
  questions?: string[];
}

/** What the child reports when it is ready (or, for `ingest`, when it is done). */
export interface ChildReady {
  url?: string;
  documents?: number;
  chunks?: number;
  questions?: string[];
  ingest?: { documents: number; chunks: number; seconds: number; baselineRssMb: number; peakRssMb: number };
}

/** Bench only: replies with the question itself, so a turn costs the whole pipeline minus retrieval. */
export const echoAnswers: AnswerService = {
  ask: async (question) => ({ answer: question, grounded: true, citations: [] }),
};

const chunksOf = (outcomes: IngestOutcome[]) =>
  outcomes.reduce((n, o) => n + ('chunks' in o ? o.chunks : 0), 0);

async function addSharedPassages(spec: ChildSpec, knowledge: Knowledge): Promise<IngestOutcome[]> {
  if (!spec.withShared) return [];
  return ingestDocuments(await loadPassages(path.join(spec.root, NQ_SAPXEP_DIR)), knowledge.ingestDeps);
}

/**
 * The questions a QA turn is made of: triaged as questions (not feedback) and answered from the sources, so every
 * measured turn is question → answer → menu, the same shape as an echo turn.
 */
async function answerable(
  candidates: string[],
  knowledge: Knowledge,
  triage: TriageService,
): Promise<string[]> {
  const out: string[] = [];
  for (const q of candidates) {
    if ((await triage.triage(q)).kind !== 'question') continue;
    if ((await knowledge.answerService.ask(q)).grounded) out.push(q);
  }
  return out;
}

async function startHello(): Promise<ChildReady> {
  const app = express();
  app.get('/hello', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// A port free now, so the public origin (which production requires, and which streamUrl is built from) names it.
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startTiepdan(spec: ChildSpec, dataDir: string): Promise<ChildReady> {
  const port = await freePort();
  const config = loadConfig({
    ...spec.env,
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: path.join(spec.root, 'knowledge'),
  });
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  const running = await startServer(config, db, logger, spec.mode === 'echo' ? { answers: echoAnswers } : {});
  const { knowledge, tickets } = running.system;
  await addSharedPassages(spec, knowledge);
  const questions = await answerable(spec.questions ?? [], knowledge, tickets.triage);
  if (spec.open311Key) await new Open311Repository(db).addClient('bench', spec.open311Key);
  const { rows } = await db.query<{ d: number; c: number }>(
    'SELECT (SELECT count(*) FROM kb_documents) AS d, (SELECT count(*) FROM kb_chunks) AS c',
  );
  return { url: running.url, documents: Number(rows[0]?.d), chunks: Number(rows[0]?.c), questions };
}

async function runIngest(spec: ChildSpec, dataDir: string): Promise<ChildReady> {
  // Ingest serves nothing: the origin is only there because production requires one.
  const config = loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1', ...spec.env, DATA_DIR: dataDir });
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger);
  await migrate(db);
  // Uploads are not part of this measurement: the runner is never started.
  const jobs = new JobRunner({ logger, clock: () => new Date() });
  const knowledge = await createKnowledge({ db, config, logger, jobs });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const files = await ingestFiles(
    await collectFiles([path.join(spec.root, 'knowledge')]),
    knowledge.ingestDeps,
  );
  const shared = await addSharedPassages(spec, knowledge);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await db.close();
  const mb = (b: number) => Math.round(b / 1048576);
  return {
    ingest: {
      documents: files.length + shared.length,
      chunks: chunksOf(files) + chunksOf(shared),
      seconds,
      baselineRssMb: mb(baseline),
      peakRssMb: mb(peak),
    },
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `tiepdan-bench-${spec.mode}-`));
  const cleanup = () => rm(dataDir, { recursive: true, force: true });
  const ready =
    spec.mode === 'hello'
      ? await startHello()
      : spec.mode === 'ingest'
        ? await runIngest(spec, dataDir)
        : await startTiepdan(spec, dataDir);
  process.send?.({ ready });
  if (spec.mode === 'ingest') {
    await cleanup();
    process.exit(0);
  }
  // Profiling on request, around one measured run (not the start-up ingest).
  const profiler = new CpuProfiler();
  process.on('message', (msg: { profile?: 'start' | 'stop' }) => {
    const done = msg.profile === 'start' ? profiler.start().then(() => null) : profiler.stop();
    done.then(
      (profile) => process.send?.({ profile }),
      (err: unknown) => process.send?.({ error: String(err) }),
    );
  });
  // The parent ends a server by disconnecting: leave at once (no graceful drain), the data folder is scratch.
  process.on('disconnect', () => void cleanup().finally(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
