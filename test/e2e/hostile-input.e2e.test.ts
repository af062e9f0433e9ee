import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { spawnServer, type ChildServer } from '../helpers/process';

/** Sends one raw upgrade request and returns the status line the server answered with ('' if it just closed). */
function rawUpgrade(url: string, requestPath: string, extraHeaders = ''): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('error', () => resolve(got.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
    socket.write(
      `GET ${requestPath} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extraHeaders}\r\n`,
    );
  });
}

describe('the server process under hostile input', () => {
  let server: ChildServer;
  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-hostile-'));
    server = await spawnServer({ DATA_DIR: dataDir });
  }, 120_000);
  afterAll(async () => {
    if (!server) return;
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('when a burst of malformed WebSocket upgrades arrives, then each is refused with a 4xx and the server still answers', async () => {
    const paths = [
      '/v3/directline/conversations/%ZZ/stream',
      '/v3/directline/conversations/%E0%A4%A/stream?t=x',
      '//[/v3/directline/conversations/a/stream',
      '/v3/directline/conversations/%00%01/stream?t=x',
      '/v3/directline/conversations/a%2Fb/stream?t=x&watermark=%ZZ',
      'http://[::1/v3/directline/conversations/x/stream',
      '/v3/directline/conversations/' + 'x'.repeat(5000) + '/stream?t=y',
      '/nowhere%ZZ',
    ];
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => rawUpgrade(server.url, paths[i % paths.length]!)),
    );
    for (const status of burst) expect(status).toMatch(/^HTTP\/1\.1 4\d\d /);
    const stream = await rawUpgrade(server.url, '/v3/directline/conversations/%ZZ/stream');
    expect(stream).toMatch(/^HTTP\/1\.1 400/);

    // Clients that reset the connection while their upgrade is being authorised.
    const { port } = new URL(server.url);
    for (let i = 0; i < 20; i++) {
      const s = net.connect(Number(port), '127.0.0.1');
      s.on('error', () => undefined);
      s.write(
        'GET /v3/directline/conversations/abc/stream?t=x.y.z HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n' +
          'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      s.resetAndDestroy();
    }
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it('when an open stream receives an oversized or invalid frame, then only that socket closes', async () => {
    const grant = (await (
      await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST' })
    ).json()) as { token: string; conversationId: string };
    const started = (await (
      await fetch(`${server.url}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${grant.token}` },
      })
    ).json()) as { streamUrl: string };
    const ws = new WebSocket(started.streamUrl);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(200 * 1024, 0x61));
    expect(await closed).toBe(1009);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
