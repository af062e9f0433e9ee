import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ChildServer } from '../helpers/process';
import { assembleRuntimeLayout, readRuntimeStage, ROOT } from '../helpers/runtime-layout';

// Runs `npm run build`'s output from a folder holding only what infra/Dockerfile's runtime stage copies, so a
// file read from anywhere else (src/, test/, the project root) fails here as it would in the image.
describe('the built artifact in the image layout', () => {
  let dir: string;
  let server: ChildServer;
  const post = async (route: string, body: object) => {
    const res = await fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-image-'));
    const stage = readRuntimeStage();
    assembleRuntimeLayout(stage, dir);
    const [, main = ''] = stage.command;
    // An operator runs the image with its public origin set (infra/docker-compose.yml does); production refuses to start without it.
    server = await spawnServer(
      { ...stage.env, PUBLIC_BASE_URL: 'http://localhost:3978', PORT: '0', DATA_DIR: path.join(dir, 'data') },
      120_000,
      {
        main: path.join(dir, main),
        cwd: dir,
      },
    );
  }, 150_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('when the Dockerfile is read, then its runtime stage copies the build output, the corpus and no sources', () => {
    const targets = readRuntimeStage().copies.map((c) => c.target);
    expect(targets).toEqual(expect.arrayContaining(['dist', 'node_modules', 'knowledge']));
    expect(targets).not.toContain('src');
  });

  it('when the built code is scanned, then it requires no devDependency (the image prunes them)', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const dev = Object.keys(pkg.devDependencies);
    const files = (await readdir(path.join(dir, 'dist'), { recursive: true })).filter(
      (f) => f.endsWith('.js') && /^(src|dialogs)\//.test(f),
    );
    expect(files.length).toBeGreaterThan(100);
    const used: string[] = [];
    for (const f of files) {
      const js = await readFile(path.join(dir, 'dist', f), 'utf8');
      for (const name of dev)
        if (js.includes(`require("${name}")`) || js.includes(`require("${name}/`)) used.push(`${f}: ${name}`);
    }
    expect(used).toEqual([]);
  });

  it('when a citizen asks about a resolution, then the answer is grounded and cites the corpus', async () => {
    const res = await post('/api/ask', { question: 'Nghị quyết 58 của Bộ Chính trị về nội dung gì?' });
    expect(res.status).toBe(200);
    expect(res.body.grounded).toBe(true);
    expect(res.body.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId: '002_625b85d0fcfa8584.txt' })]),
    );
  });

  it('when a question names a former commune, then query expansion reads the bundled units and answers', async () => {
    const res = await post('/api/ask', { question: 'xa thieu toan sap nhap vao xa nao' });
    expect(res.status).toBe(200);
    expect(typeof res.body.answer).toBe('string');
    expect(server.output()).not.toContain('ENOENT');
  });

  it('when a complaint names a former ward without accents, then triage maps it to the ward in force', async () => {
    const res = await post('/api/triage', { text: 'rac thai o phuong dong ve khong ai thu gom' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: 'feedback',
      category: 'moi-truong',
      commune: { code: '14797', name: 'Phường Hạc Thành' },
      agency: { id: 'ubnd-14797', name: 'UBND Phường Hạc Thành' },
    });
  });
});
