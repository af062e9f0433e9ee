import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzScenario } from './fuzz';
import { createLoadtestDatabase } from './server-database';
import { startHarness, stopAll } from './harness';
import { Rng } from './rng';
import { killScenario, loadScenario, redeliveryScenario, type ScenarioResult } from './scenarios';

const USAGE = `npm run loadtest -- [--messages 10000] [--conversations 200] [--rate 0] [--kill-messages 2000]
  [--redeliver-feedbacks 300] [--redeliver-conversations 20] [--fuzz-cases 3000] [--seed 1]
  [--scenarios load,kill,redeliver,fuzz] [--wait-ms 30000] [--zalo-lease-ms 60000] [--json] [--keep-data] [--verbose]
  [--database-url postgres://… [--replicas 2]]   (server mode: a fresh database on that server, N replicas)`;

function options() {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '10000' },
      conversations: { type: 'string', default: '200' },
      rate: { type: 'string', default: '0' },
      'kill-messages': { type: 'string', default: '2000' },
      'redeliver-feedbacks': { type: 'string', default: '300' },
      'redeliver-conversations': { type: 'string', default: '20' },
      'fuzz-cases': { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      scenarios: { type: 'string', default: 'load,kill,redeliver,fuzz' },
      'wait-ms': { type: 'string', default: '30000' },
      'zalo-lease-ms': { type: 'string', default: '60000' },
      json: { type: 'boolean', default: false },
      'keep-data': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      replicas: { type: 'string', default: '1' },
    },
  });
  const n = (key: keyof typeof values) => {
    const v = Number(values[key]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${key} must be a whole number\n${USAGE}`);
    return v;
  };
  const replicas = n('replicas');
  if (replicas < 1 || (replicas > 1 && !values['database-url']))
    throw new Error(`--replicas needs --database-url (replicas share a Postgres server)\n${USAGE}`);
  return {
    help: values.help,
    databaseUrl: values['database-url'],
    replicas,
    json: values.json,
    keepData: values['keep-data'],
    verbose: values.verbose,
    seed: n('seed'),
    fuzzCases: n('fuzz-cases'),
    zaloLeaseMs: n('zalo-lease-ms'),
    scenarios: new Set(String(values.scenarios).split(',')),
    load: {
      messages: n('messages'),
      conversations: Math.max(1, n('conversations')),
      killMessages: n('kill-messages'),
      redeliverFeedbacks: n('redeliver-feedbacks'),
      redeliverConversations: Math.max(1, n('redeliver-conversations')),
      waitMs: n('wait-ms'),
      rate: rate(values.rate),
    },
  };
}

/** `--rate`: offered feedbacks per second of the load scenario (a positive number; 0 = closed loop). */
function rate(text: string | undefined): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v < 0)
    throw new Error(`--rate must be a number of feedbacks per second\n${USAGE}`);
  return v;
}

/** Runs the chosen scenarios against one real server and data folder, printing PASS/FAIL per scenario. */
async function main(): Promise<number> {
  const o = options();
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-loadtest-'));
  const rng = new Rng(o.seed);
  const started = Date.now();
  const server = o.databaseUrl ? await createLoadtestDatabase(o.databaseUrl) : undefined;
  const h = await startHarness(dataDir, o.zaloLeaseMs, {
    replicas: o.replicas,
    ...(server ? { databaseUrl: server.url } : {}),
  });
  const results: ScenarioResult[] = [];
  const say = (line: string) => (o.json ? process.stderr : process.stdout).write(`${line}\n`);
  try {
    const plan: Array<[string, () => Promise<ScenarioResult>]> = [
      ['load', () => loadScenario(h, o.load)],
      ['kill', () => killScenario(h, o.load, rng)],
      ['redeliver', () => redeliveryScenario(h, o.load, rng)],
      ['fuzz', () => fuzzScenario(h, o.fuzzCases, rng)],
    ];
    for (const [name, run] of plan) {
      if (!o.scenarios.has(name)) continue;
      say(`… ${name}`);
      const r = await run();
      results.push(r);
      say(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} ${JSON.stringify(r.metrics)}`);
      for (const c of r.checks) say(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
      if (o.verbose) for (const v of r.violations ?? []) say(`    ${v}`);
    }
  } finally {
    await stopAll(h);
    await h.fake.stop();
    if (o.keepData) say(`data kept in ${server ? server.name : dataDir}`);
    else {
      await rm(dataDir, { recursive: true, force: true });
      await server?.drop();
    }
  }
  const ok = results.every((r) => r.ok);
  const summary = {
    ok,
    seed: o.seed,
    cores: os.cpus().length,
    database: server ? 'server' : 'embedded',
    replicas: h.servers.length,
    ms: Date.now() - started,
    scenarios: results,
  };
  if (o.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else say(`${ok ? 'PASS' : 'FAIL'}: ${results.filter((r) => r.ok).length}/${results.length} scenarios held`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`loadtest failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
