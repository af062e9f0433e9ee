import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { MAIN_JS, spawnServer } from '../helpers/process';

describe('the server as a process (npm start)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-proc-'));
  });

  it('when started on an empty DATA_DIR, then it migrates, serves /readyz and stops cleanly on SIGTERM', async () => {
    const server = await spawnServer({ DATA_DIR: dataDir });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(server.output()).toContain('applied migrations');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
    expect(existsSync(path.join(dataDir, '.tiepdan.lock'))).toBe(false);
  });

  it('when the process is killed with SIGKILL, then the next start recovers the folder and is ready', async () => {
    const victim = await spawnServer({ DATA_DIR: dataDir });
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(existsSync(path.join(dataDir, '.tiepdan.lock'))).toBe(true);

    const again = await spawnServer({ DATA_DIR: dataDir });
    const res = await fetch(`${again.url}/readyz`);
    expect(await res.json()).toMatchObject({ status: 'ready' });
    expect(again.output()).not.toContain('applied migrations');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('when the configuration is invalid, then it exits 78 listing every bad key', async () => {
    const child = spawn(process.execPath, [MAIN_JS], {
      env: { PATH: process.env.PATH ?? '', PORT: 'abc', PROVINCE_CODE: 'x' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(err).toContain('PORT');
    expect(err).toContain('PROVINCE_CODE');
  });
});
