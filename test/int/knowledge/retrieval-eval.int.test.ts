import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HASHED_MODEL, HashedEmbeddings } from '../../../src/knowledge/embeddings/hashed.embeddings';
import { evaluateRetrieval } from '../../../src/knowledge/eval/retrieval-eval';
import { adminExpander } from '../../../src/knowledge/knowledge';
import { createTestDb } from '../../helpers/db';

const passages = [
  { id: 'p1', title: 'Luật Cư trú – Điều 20', text: 'Công dân đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của mình.' },
  { id: 'p2', title: 'Luật Thuế – Điều 3', text: 'Người nộp thuế thu nhập cá nhân là cá nhân cư trú có thu nhập chịu thuế.' },
  { id: 'p3', title: 'Nghị quyết 1656/NQ-UBTVQH15 – khoản 5', text: 'Sắp xếp toàn bộ diện tích tự nhiên của phường Thành Công thành phường mới có tên gọi là phường Giảng Võ.' },
];
const questions = [
  { id: 'q1', question: 'Điều kiện đăng ký thường trú là gì?', positive_ids: ['p1'] },
  { id: 'q2', question: 'Ai phải nộp thuế thu nhập cá nhân?', positive_ids: ['p2'] },
  { id: 'q3', question: 'Phường Thành Công (Quận Ba Đình, Thành phố Hà Nội) nay thuộc phường nào?', positive_ids: ['p3'] },
  { id: 'q4', question: 'Câu hỏi không có đáp án', positive_ids: [], answerable: false },
];
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

describe('retrieval evaluation (the eval:retrieval path on a tiny set)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-eval-'));
    await writeFile(path.join(dir, 'passages.jsonl'), jsonl(passages));
    await writeFile(path.join(dir, 'questions.jsonl'), jsonl(questions));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([false, true])(
    'when a set is evaluated (fold queries: %s), then unanswerable questions are left out and figures are reported',
    async (foldQueries) => {
      const db = await createTestDb();
      try {
        const model = { embeddings: new HashedEmbeddings(), name: HASHED_MODEL };
        const figures = await evaluateRetrieval(db, model, adminExpander(), dir, { foldQueries });
        expect(figures).toEqual({ n: 3, hit1: 1, hit5: 1, mrr10: 1 });
      } finally {
        await db.close();
      }
    },
  );
});
