import path from 'node:path';
import type { Database } from '../../src/db/database';
import { createKnowledge, type Knowledge } from '../../src/knowledge/knowledge';
import { memoryLogger, testConfig } from './app';

/** The repository's own corpus folder (the five demo documents). */
export const KNOWLEDGE_DIR = path.resolve(__dirname, '../../knowledge');

/** The knowledge area over a test database, with the demo corpus ingested. */
export async function seededKnowledge(db: Database, env: Record<string, string> = {}): Promise<Knowledge> {
  const config = testConfig({ KNOWLEDGE_DIR, ...env });
  const knowledge = await createKnowledge({ db, config, logger: memoryLogger().logger });
  await knowledge.ingestCorpusIfEmpty();
  return knowledge;
}
