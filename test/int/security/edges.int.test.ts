import { startWebChatServer, type WebChatServer } from '../../helpers/webchat';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

// Uploads, our own origin, client addresses behind a proxy, /metrics and HSTS.
describe('security at the HTTP edge', () => {
  let server: WebChatServer;
  let address = 1;
  const dl = (path: string) => `${server.url}/v3/directline${path}`;
  const generate = async () =>
    (await (
      await fetch(dl('/tokens/generate'), {
        method: 'POST',
        headers: { 'x-forwarded-for': `10.1.0.${address++}` },
      })
    ).json()) as { conversationId: string; token: string };
  const upload = (conversationId: string, token: string | undefined, body: BodyInit, xff = '10.9.9.9') =>
    fetch(dl(`/conversations/${conversationId}/upload`), {
      method: 'POST',
      headers: { 'x-forwarded-for': xff, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  const form = (data: Uint8Array) => {
    const f = new FormData();
    f.append('file', new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'anh.png');
    return f;
  };
  const storedBytes = async () =>
    Number(
      (await server.db.query<{ n: string }>('SELECT COALESCE(SUM(size), 0) AS n FROM directline_upload'))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    server = await startWebChatServer({
      TRUST_PROXY: '1',
      DIRECT_LINE_UPLOAD_MAX_BYTES: '2048',
      DIRECT_LINE_TOKENS_PER_MINUTE: '3',
      METRICS_TOKEN: 'metrics-token-0123456789',
    });
  });
  afterAll(async () => server.stop());

  it('when an upload has no token, a foreign token or is oversized, then it is refused before anything is stored', async () => {
    const a = await generate();
    const b = await generate();
    const before = await storedBytes();
    const big = new Uint8Array(1024 * 1024).fill(7);
    expect((await upload(a.conversationId, undefined, form(big))).status).toBe(401);
    expect((await upload(a.conversationId, b.token, form(big))).status).toBe(403);
    expect((await upload(a.conversationId, a.token, form(big))).status).toBe(413);
    expect(await storedBytes()).toBe(before);
  });

  it('when a conversation keeps uploading, then its stored bytes are capped and uploads per token are limited', async () => {
    const a = await generate();
    const image = new Uint8Array(2000);
    image.set(PNG);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await upload(a.conversationId, a.token, form(image), `10.8.0.${i}`)).status);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([413, 413]);
    const stored = await server.db.query<{ n: string }>(
      'SELECT COALESCE(SUM(size), 0) AS n FROM directline_upload WHERE conversation_id = $1',
      [a.conversationId],
    );
    expect(Number(stored.rows[0]!.n)).toBeLessThanOrEqual(6 * 2048);
  });

  it('when a file is fetched without its conversation token or a valid signed link, then it is refused', async () => {
    const a = await generate();
    const b = await generate();
    const res = await upload(a.conversationId, a.token, form(PNG));
    expect(res.status).toBe(200);
    const set = (await (
      await fetch(dl(`/conversations/${a.conversationId}/activities`), {
        headers: { authorization: `Bearer ${a.token}` },
      })
    ).json()) as { activities: Array<{ attachments?: Array<{ contentUrl: string }> }> };
    const signed = set.activities.find((x) => x.attachments)!.attachments![0]!.contentUrl;
    expect(signed).toMatch(/\?exp=\d+&sig=/);
    // The conversation's own signed link works (an <img> in Web Chat cannot send the token).
    expect((await fetch(signed)).status).toBe(200);
    const bare = signed.split('?')[0]!;
    expect((await fetch(bare)).status).toBe(401);
    expect((await fetch(bare, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(403);
    expect((await fetch(bare, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(200);
    expect((await fetch(signed.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(401);
    expect((await fetch(signed.replace(/exp=\d+/, 'exp=1700000000'))).status).toBe(401);
  });

  it('when the Host header is forged, then streamUrl and the attachment allow-list still use our own origin', async () => {
    const a = await generate();
    const started = (await (
      await fetch(dl('/conversations'), {
        method: 'POST',
        headers: { authorization: `Bearer ${a.token}`, host: 'evil.example' },
      })
    ).json()) as { streamUrl: string };
    expect(new URL(started.streamUrl).host).toBe(new URL(server.url).host);
    const forged = await fetch(dl(`/conversations/${a.conversationId}/activities`), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${a.token}`,
        host: 'evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        type: 'message',
        attachments: [
          {
            contentType: 'image/png',
            contentUrl: 'http://evil.example/v3/directline/attachments/0b9d7c1e-1f7e-4d53-9a4c-3c3f1f2d8e11',
          },
        ],
      }),
    });
    expect(forged.status).toBe(400);
  });

  it('when a client forges extra X-Forwarded-For entries, then its limit key does not change', async () => {
    const statuses: number[] = [];
    // One proxy in front (TRUST_PROXY=1): the proxy appends the real address last; the client controls the rest.
    for (let i = 0; i < 6; i++) {
      const res = await fetch(dl('/tokens/generate'), {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.77` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  });

  it('when /metrics is asked for without the token, then 401; with it, the Prometheus text', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# HELP');
  });

  it('when a request arrives over plain HTTP, then no HSTS header; through a TLS proxy, HSTS is set', async () => {
    const plain = await fetch(`${server.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
