import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { migrate } from '../../db/migrate';
import { openPGlite } from '../../db/pglite.driver';
import { createEmbeddingModel } from '../embeddings/embeddings.factory';
import { evaluateAnswers, readAnswerSet, type AnswerItem } from './answers-eval';
import { refusalCurve } from './refusal-curve';
import { startConversation } from './directline-client';

const USAGE = 'usage: npm run eval:answers -- FILE... [--json] [--knowledge DIR] [--curve]';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become ready in time');
}

/** Starts the real server (the same entry point as `npm start`) on a fresh data folder and a free port. */
async function startBot(knowledgeDir: string | undefined, dataDir: string) {
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DIRECT_LINE_SECRET: secret,
    DIRECT_LINE_MESSAGES_PER_MINUTE: '10000',
    DIRECT_LINE_REQUESTS_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    ...(knowledgeDir ? { KNOWLEDGE_DIR: path.resolve(knowledgeDir) } : {}),
  };
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, 180_000);
  return { url, secret, child };
}

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

// `--curve`: the no-answer decision at each threshold, in-process (single questions only), one line per threshold.
async function printCurve(items: AnswerItem[], knowledgeDir: string): Promise<void> {
  const db = await openPGlite();
  try {
    await migrate(db);
    const points = await refusalCurve(db, createEmbeddingModel(loadConfig(process.env)), knowledgeDir, items, THRESHOLDS);
    for (const p of points)
      process.stdout.write(
        `threshold ${p.threshold.toFixed(2)}  answerable refused ${p.answerableRefused}/${p.answerable}  unanswerable answered ${p.unanswerableAnswered}/${p.unanswerable}\n`,
      );
  } finally {
    await db.close();
  }
}

/** `npm run eval:answers -- FILE [--json]`: every question of FILE through the real bot over Direct Line. */
async function run(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, knowledge: { type: 'string' }, curve: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new Error(USAGE);
  const items = (await Promise.all(positionals.map((f) => readAnswerSet(f)))).flat();
  if (values.curve) return printCurve(items, values.knowledge ?? 'knowledge');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tiepdan-eval-answers-'));
  const bot = await startBot(values.knowledge, dataDir);
  try {
    const figures = await evaluateAnswers(items, () => startConversation(bot.url, bot.secret));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ n: figures.n, correct: figures.correct, share: figures.share })}\n`);
      return;
    }
    for (const f of figures.failures) process.stdout.write(`✗ ${f.id}: ${f.reason}\n    ${f.reply}\n`);
    process.stdout.write(`n=${figures.n}  correct=${figures.correct}  share=${figures.share.toFixed(3)}\n`);
  } finally {
    bot.child.kill('SIGTERM');
    await new Promise((r) => bot.child.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
