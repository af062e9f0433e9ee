import net from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/connect';
import { DataDirLockedError } from '../../src/db/data-dir-lock';
import { startServer } from '../../src/server';
import { memoryLogger, testConfig } from '../helpers/app';
import { createTestDb } from '../helpers/db';
import { runTicketJobs } from '../helpers/system';

describe('server lifecycle on a persistent data folder', () => {
  it('when the server stops and starts again on the same DATA_DIR, then written data is still there', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-restart-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');

    const db1 = await openDatabase(config, logger);
    const first = await startServer(config, db1, logger);
    const ready = await fetch(`${first.url}/readyz`);
    expect(ready.status).toBe(200);
    // The scratch table stands in for any repository write.
    await db1.exec(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('vẫn còn đây')`);
    await first.stop();

    const db2 = await openDatabase(config, logger);
    const second = await startServer(config, db2, logger);
    const rows = await db2.query<{ v: string }>('SELECT v FROM kept');
    expect(rows.rows).toEqual([{ v: 'vẫn còn đây' }]);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    await second.stop();
  });

  it('when a second process-level open targets a folder in use, then it fails with a clear message', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-lock-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');
    const db = await openDatabase(config, logger);
    try {
      // The lock file names this process; a live different pid must be refused.
      const lockFile = path.join(dataDir, '.tiepdan.lock');
      expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
      await writeFile(lockFile, String(process.ppid));
      await expect(openDatabase(config, logger)).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await db.close();
    }
  });

  it('when stop() is called with a request in flight, then that request still gets its answer', async () => {
    const { logger } = memoryLogger('silent');
    const db = await createTestDb();
    const running = await startServer(testConfig(), db, logger);
    const socket = net.connect(running.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = '{"a":1}';
    socket.write(
      `POST /nothing HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await new Promise((r) => setTimeout(r, 50));
    const stopped = running.stop();
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString()));
    socket.write(body);
    await stopped;
    expect(response).toMatch(/^HTTP\/1\.1 404/);
    expect(response).toContain('"code":"not_found"');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});

describe('server with the tickets area', () => {
  it('when the server runs, then /api/triage answers and a registered channel receives the filed ticket', async () => {
    const { logger } = memoryLogger('silent');
    const db = await createTestDb();
    const running = await startServer(testConfig(), db, logger, { startJobs: false });
    const { tickets } = running.system;
    try {
      const res = await fetch(`${running.url}/api/triage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Mất nước sinh hoạt ở xã Như Thanh' }),
      });
      expect(await res.json()).toMatchObject({ category: 'dien-nuoc', commune: { code: '16228' } });
      const received: string[] = [];
      tickets.channels.register({
        channel: 'zalo',
        deliver: async (m) => {
          received.push(m.text);
          return { ok: true };
        },
      });
      const r = await tickets.tickets.create({
        kind: 'feedback',
        description: 'Mất nước sinh hoạt ở xã Như Thanh',
        origin: { channel: 'zalo', conversationId: 'u1', userId: 'u1' },
        idempotencyKey: 'zalo-msg-1',
      });
      await runTicketJobs(running.system);
      expect(received).toEqual([expect.stringContaining(r.trackingCode)]);
    } finally {
      await running.stop();
    }
  });
});
