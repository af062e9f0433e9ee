import type { Database } from '../../src/db/database';
import { JobRunner } from '../../src/jobs/job-runner';
import { createKnowledge, type Knowledge } from '../../src/knowledge/knowledge';
import { memoryLogger, testConfig } from './app';
import { KNOWLEDGE_DIR } from './system';

export { KNOWLEDGE_DIR };

/** The knowledge area alone over a test database, with the demo corpus ingested (its jobs are never started). */
export async function seededKnowledge(db: Database, env: Record<string, string> = {}): Promise<Knowledge> {
  const config = testConfig({ KNOWLEDGE_DIR, ...env });
  const { logger } = memoryLogger();
  const knowledge = await createKnowledge({
    db,
    config,
    logger,
    jobs: new JobRunner({ logger, clock: () => new Date() }),
  });
  await knowledge.ingestCorpusIfEmpty();
  return knowledge;
}
