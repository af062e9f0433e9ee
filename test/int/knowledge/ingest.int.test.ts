import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../../src/db/database';
import { HASHED_MODEL, HashedEmbeddings } from '../../../src/knowledge/embeddings/hashed.embeddings';
import { collectFiles, ingestFiles, type IngestDeps } from '../../../src/knowledge/ingest/ingest.service';
import { reembedAll } from '../../../src/knowledge/ingest/reembed';
import { storedEmbeddingModel } from '../../../src/knowledge/knowledge.repository';
import { adminExpander } from '../../../src/knowledge/knowledge';
import { HybridSearch, KnowledgeRetriever } from '../../../src/knowledge/retrieve/hybrid.retriever';
import { foldDiacritics } from '../../../src/text/normalize';
import { describeEachDriver } from '../../helpers/db';
import { KNOWLEDGE_DIR } from '../../helpers/knowledge';

describeEachDriver('knowledge ingestion and retrieval', (getDb) => {
  let dir: string;
  let deps: IngestDeps;
  let db: Database;

  beforeAll(async () => {
    db = getDb();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-corpus-'));
    await cp(KNOWLEDGE_DIR, dir, { recursive: true });
    deps = { db, embeddings: new HashedEmbeddings(), modelName: HASHED_MODEL };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when a folder is ingested, then every document is added with its sidecar metadata and stable chunk ids', async () => {
    const outcomes = await ingestFiles(await collectFiles([dir]), deps);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('added'));
    const { rows } = await db.query<{ id: string; date: string; source: string; keys: string[] }>(
      `SELECT d.id, d.date, d.source, array_agg(c.chunk_key ORDER BY c.ordinal) AS keys
       FROM kb_documents d JOIN kb_chunks c ON c.document_id = d.id GROUP BY d.id ORDER BY d.id`,
    );
    expect(rows.map((r) => r.id)).toContain('001_42ea045d23507a91.txt');
    const seed1 = rows.find((r) => r.id === '001_42ea045d23507a91.txt');
    expect(seed1?.source).toMatch(/^http:\/\/baothanhhoa\.vn\//);
    expect(seed1?.keys[0]).toBe('001_42ea045d23507a91.txt#0');
  });

  it('when the same folder is ingested again, then nothing changes', async () => {
    const before = await db.query('SELECT id, chunk_key FROM kb_chunks ORDER BY id');
    const outcomes = await ingestFiles(await collectFiles([dir]), deps);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('unchanged'));
    expect((await db.query('SELECT id, chunk_key FROM kb_chunks ORDER BY id')).rows).toEqual(before.rows);
  });

  it('when one file changes and bad files sit beside it, then it alone is updated and each bad file is reported', async () => {
    await appendFile(path.join(dir, '003_0359f6b969af1900.txt'), '\nCập nhật: tỉnh Hậu Giang đã sáp nhập.');
    await writeFile(path.join(dir, 'empty.txt'), '  ');
    await writeFile(path.join(dir, 'broken.pdf'), 'not a pdf');
    const outcomes = await ingestFiles(await collectFiles([dir, path.join(dir, 'missing.docx')]), deps);
    const byId = Object.fromEntries(outcomes.map((o) => [o.id, o]));
    expect(byId['003_0359f6b969af1900.txt']?.status).toBe('updated');
    expect(byId['000_ba9774b2edd0ca82.txt']?.status).toBe('unchanged');
    expect(byId['empty.txt']).toMatchObject({ status: 'failed', code: 'ingest_empty' });
    expect(byId['broken.pdf']).toMatchObject({ status: 'failed', code: 'ingest_unreadable' });
    expect(byId['missing.docx']).toMatchObject({ status: 'failed', code: 'ingest_unreadable' });
  });

  it('when documents are added, updated and removed, then the term and corpus statistics match the postings exactly', async () => {
    const check = async () => {
      const drift = await db.query(
        `SELECT coalesce(p.term, t.term) AS term FROM (SELECT term, count(*)::int AS df FROM kb_postings GROUP BY term) p
         FULL JOIN kb_term_df t ON t.term = p.term WHERE p.df IS DISTINCT FROM t.df`,
      );
      expect(drift.rows).toEqual([]);
      const stats = await db.query<{ same: boolean }>(
        `SELECT (s.chunks, s.total_len) = (SELECT count(*), coalesce(sum(doc_len), 0) FROM kb_chunks) AS same
         FROM kb_corpus_stats s`,
      );
      expect(stats.rows).toEqual([{ same: true }]);
    };
    await check(); // after the adds and the update of the tests above
    await db.query(`DELETE FROM kb_documents WHERE id = '004_4e0421a0a6a5a6d4.txt'`);
    await check();
    expect((await db.query(`SELECT 1 FROM kb_term_df WHERE df <= 0`)).rows).toEqual([]);
    const back = await ingestFiles(await collectFiles([path.join(dir, '004_4e0421a0a6a5a6d4.txt')]), deps);
    expect(back.map((o) => o.status)).toEqual(['added']);
    await check();
  });

  it.each([
    ['Nghị quyết 58 của Bộ Chính trị về nội dung gì?', '002_625b85d0fcfa8584.txt'],
    ['Kết luận số 610-KL/TU', '002_625b85d0fcfa8584.txt'],
    ['Ai là Bí thư Tỉnh ủy Hậu Giang?', '003_0359f6b969af1900.txt'],
    ['Thái Nguyên thu hút bao nhiêu dự án FDI?', '004_4e0421a0a6a5a6d4.txt'],
    ['Trung tâm phục vụ hành chính công xã Xuân Du', '001_42ea045d23507a91.txt'],
  ])('when asked "%s" with or without accents, then the right document ranks first', async (question, doc) => {
    const search = new HybridSearch(db, deps.embeddings, adminExpander());
    for (const q of [question, foldDiacritics(question)]) {
      const { passages } = await search.search(q, 3);
      expect(passages[0]?.documentId).toBe(doc);
    }
  });

  it('when used as a LangChain retriever, then it returns documents with citation metadata', async () => {
    const retriever = new KnowledgeRetriever(new HybridSearch(db, deps.embeddings), 2);
    const docs = await retriever.invoke('tỷ lệ đô thị hóa của Thái Nguyên');
    expect(docs[0]?.metadata).toEqual(expect.objectContaining({ documentId: '004_4e0421a0a6a5a6d4.txt' }));
    expect(docs[0]?.pageContent.length).toBeGreaterThan(0);
  });

  it('when re-embedding with another model, then every chunk is rewritten and the model is recorded', async () => {
    const other = new HashedEmbeddings({ dimensions: 256 });
    const n = await reembedAll({ db, embeddings: other, modelName: 'hashed-256' });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_chunks');
    expect(n).toBe(rows[0]?.n);
    expect(await storedEmbeddingModel(db)).toEqual({ model: 'hashed-256', dimensions: 256 });
  });

  it('when the knowledge tables are truncated, then the statistics are emptied with them', async () => {
    await db.exec('TRUNCATE kb_documents CASCADE');
    expect((await db.query('SELECT term FROM kb_term_df')).rows).toEqual([]);
    expect((await db.query('SELECT chunks::int AS chunks, total_len::int AS total_len FROM kb_corpus_stats')).rows).toEqual([
      { chunks: 0, total_len: 0 },
    ]);
  });
});
