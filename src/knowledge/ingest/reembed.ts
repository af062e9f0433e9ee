import { toColumnVector } from '../embeddings/embeddings.factory';
import { chunkPage, recordEmbeddingModel, updateEmbeddings } from '../knowledge.repository';
import type { IngestDeps } from './ingest.service';

/** Recomputes every stored embedding with the configured model (after switching models); returns the count. */
export async function reembedAll(deps: IngestDeps, onProgress: (done: number) => void = () => {}): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const page = await chunkPage(deps.db, after, 256);
    if (page.length === 0) break;
    const vectors = await deps.embeddings.embedDocuments(page.map((c) => `${c.title}\n${c.text}`));
    await updateEmbeddings(
      deps.db,
      page.map((c) => c.id),
      vectors.map((v) => toColumnVector(v)),
    );
    after = page[page.length - 1]?.id ?? after;
    done += page.length;
    onProgress(done);
  }
  const dims = (await deps.embeddings.embedQuery('a')).length;
  await recordEmbeddingModel(deps.db, deps.modelName, dims);
  return done;
}
