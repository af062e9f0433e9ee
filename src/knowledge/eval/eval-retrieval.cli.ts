import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '../../config/config';
import { migrate } from '../../db/migrate';
import { openPGlite } from '../../db/pglite.driver';
import { createEmbeddingModel } from '../embeddings/embeddings.factory';
import { adminExpander } from '../knowledge';
import type { HybridOptions } from '../retrieve/hybrid.retriever';
import { evaluateRetrieval } from './retrieval-eval';

/**
 * `npm run eval:retrieval -- --data DIR [--fold-queries] [--json] [--limit N] [--hybrid JSON]` on a fresh temporary
 * database; `--hybrid '{"proximityWeight":0}'` overrides search tuning for a comparison.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      'fold-queries': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      hybrid: { type: 'string' },
    },
  });
  if (!values.data) throw new Error('usage: npm run eval:retrieval -- --data DIR [--fold-queries] [--json]');
  const config = loadConfig(process.env);
  const db = await openPGlite();
  const bar = values.json ? null : new SingleBar({ format: 'questions [{bar}] {value}/{total}' });
  try {
    await migrate(db);
    const started = Date.now();
    const figures = await evaluateRetrieval(db, createEmbeddingModel(config), adminExpander(), values.data, {
      foldQueries: values['fold-queries'],
      limit: values.limit ? Number(values.limit) : undefined,
      hybrid: values.hybrid ? (JSON.parse(values.hybrid) as Partial<HybridOptions>) : undefined,
      onProgress: (done, total) => {
        if (done === 1) bar?.start(total, 0);
        bar?.update(done);
      },
    });
    bar?.stop();
    if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
    else
      process.stdout.write(
        `n=${figures.n}  hit@1=${figures.hit1.toFixed(3)}  hit@5=${figures.hit5.toFixed(3)}  ` +
          `MRR@10=${figures.mrr10.toFixed(3)}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
  } finally {
    await db.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
