import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '../../config/config';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { createLogger } from '../../logger';
import { createEmbeddingModel } from '../embeddings/embeddings.factory';
import { collectFiles, ingestFiles, type IngestOutcome } from './ingest.service';
import { reembedAll } from './reembed';
import { vi } from '../../i18n/strings.vi';

function summary(outcomes: readonly IngestOutcome[]): string {
  const count = (s: IngestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const chunks = outcomes.reduce((n, o) => n + ('chunks' in o ? o.chunks : 0), 0);
  const lines = outcomes
    .filter((o) => o.status === 'failed')
    .map((o) => `  ✗ ${o.id}: ${'message' in o ? `${o.message} [${o.code}]` : ''}`);
  const counts = {
    added: count('added'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    chunks,
  };
  return [...lines, vi.knowledge.ingestSummary(counts)].join('\n');
}

/** `npm run ingest -- PATH... [--reembed]`: loads files or folders into the knowledge base with a progress bar. */
async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { reembed: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length === 0 && !values.reembed) {
    process.stderr.write('usage: npm run ingest -- PATH... [--reembed]\n');
    return 64;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config, logger);
  const model = createEmbeddingModel(config);
  const deps = { db, embeddings: model.embeddings, modelName: model.name };
  try {
    await migrate(db);
    const files = await collectFiles(positionals);
    const bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true });
    bar.start(files.length, 0, { file: '' });
    const outcomes = await ingestFiles(files, deps, (done, file) => bar.update(done, { file: file.slice(-50) }));
    bar.stop();
    process.stdout.write(`${summary(outcomes)}\n`);
    if (values.reembed) {
      const n = await reembedAll(deps);
      process.stdout.write(`${vi.knowledge.reembedDone(n, model.name)}\n`);
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    await db.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
