import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli, spawnServer } from '../helpers/process';

const INGEST_JS = path.resolve(__dirname, '../../dist/src/knowledge/ingest/ingest.cli.js');

function runIngest(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return runCli(INGEST_JS, args, env);
}

describe('npm run ingest and the first start (real processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-ingest-'));
    await writeFile(
      path.join(dir, 'kh-123.md'),
      '# Chương trình số 123 về chuyển đổi số\n\nTỉnh phấn đấu có 500 doanh nghiệp số vào năm 2027.',
    );
    await writeFile(path.join(dir, 'empty.txt'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when a folder with a bad file is ingested twice, then the good file is added once and the bad one reported', async () => {
    const env = { DATA_DIR: path.join(dir, 'data') };
    const first = await runIngest([dir], env);
    expect(first.code).toBe(1);
    expect(first.out).toContain('empty.txt');
    expect(first.out).toContain('ingest_empty');
    expect(first.out).toMatch(/Thêm mới 1, cập nhật 0, không đổi 0, lỗi 1/);
    const second = await runIngest([path.join(dir, 'kh-123.md')], env);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/Thêm mới 0, cập nhật 0, không đổi 1, lỗi 0/);
  });

  it('when the server starts on a database that already has documents, then it answers from them', async () => {
    const server = await spawnServer({ DATA_DIR: path.join(dir, 'data') });
    try {
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          question: 'Theo chương trình số 123, tỉnh phấn đấu có bao nhiêu doanh nghiệp số?',
        }),
      });
      const body = (await res.json()) as {
        grounded: boolean;
        answer: string;
        citations: Array<{ documentId: string }>;
      };
      expect(body.grounded).toBe(true);
      expect(body.answer).toContain('500 doanh nghiệp số');
      expect(body.citations[0]?.documentId).toBe('kh-123.md');
      expect(server.output()).not.toContain('knowledge base seeded');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
