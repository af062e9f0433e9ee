import WebSocket from 'ws';
import { DirectLineTokens, tokenSigningKey } from '../../../src/channels/directline/directline.token';
import { startWebChatServer, TEST_DIRECT_LINE_SECRET, type WebChatServer } from '../../helpers/webchat';

type Json = Record<string, unknown> & { error?: { code: string; message: string } };

describe('Direct Line security and bad input', () => {
  let server: WebChatServer;
  const base = () => `${server.url}/v3/directline`;
  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const res = await fetch(`${base()}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Json };
  };
  let nextAddress = 1;
  const generate = async () =>
    (
      await call('/tokens/generate', {
        method: 'POST',
        headers: { 'x-forwarded-for': `10.0.0.${nextAddress++}` },
      })
    ).body as { conversationId: string; token: string };
  const postJson = (path: string, token: string, body: unknown) =>
    call(path, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    // Behind one proxy, client addresses come from the proxy's X-Forwarded-For entry: each test acts as its own citizen.
    server = await startWebChatServer({
      DIRECT_LINE_TOKENS_PER_MINUTE: '5',
      DIRECT_LINE_MESSAGES_PER_MINUTE: '4',
      TRUST_PROXY: '1',
      DIRECT_LINE_CORS_ORIGINS: 'https://portal.thanhhoa.example',
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('when a token for one conversation reads or posts to another, then both get 403 conversation_forbidden', async () => {
    const a = await generate();
    const b = await generate();
    const read = await call(`/conversations/${b.conversationId}/activities`, { token: a.token });
    expect(read.status).toBe(403);
    expect(read.body.error?.code).toBe('conversation_forbidden');
    const post = await postJson(`/conversations/${b.conversationId}/activities`, a.token, {
      type: 'message',
      text: 'xin chào',
    });
    expect(post.status).toBe(403);
    expect(post.body.error?.code).toBe('conversation_forbidden');
    const reconnect = await call(`/conversations/${b.conversationId}`, { token: a.token });
    expect(reconnect.status).toBe(403);
  });

  it('when a token has expired, then requests and refresh get 403 TokenExpired with a Vietnamese message', async () => {
    const { conversationId } = await generate();
    const past = Date.now() - 2 * 3600_000;
    const key = (
      await server.db.query<{ value: string }>(
        "SELECT value FROM app_secret WHERE name = 'directline.token-key'",
      )
    ).rows[0];
    // The test server is configured with a secret, which is then the signing key; no generated key exists.
    expect(key).toBeUndefined();
    const expired = new DirectLineTokens(tokenSigningKey(TEST_DIRECT_LINE_SECRET), 1800, () => past).issue(
      conversationId,
      'dl_x',
    );
    const read = await call(`/conversations/${conversationId}/activities`, { token: expired });
    expect(read.status).toBe(403);
    expect(read.body.error?.code).toBe('TokenExpired');
    expect(read.body.error?.message).toMatch(/hết hạn/);
    const refresh = await call('/tokens/refresh', { method: 'POST', token: expired });
    expect(refresh.body.error?.code).toBe('TokenExpired');
  });

  it('when a token is forged or tampered with, then it gets 403 token_invalid; no header at all gets 401', async () => {
    const { token, conversationId } = await generate();
    const [h, p] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 9e6 })).toString('base64url')}.${token.split('.')[2]}`;
    expect(
      (await call(`/conversations/${conversationId}/activities`, { token: tampered })).body.error?.code,
    ).toBe('token_invalid');
    const forged = new DirectLineTokens(tokenSigningKey('some-other-key'), 1800).issue(
      conversationId,
      'dl_x',
    );
    expect((await call(`/conversations/${conversationId}/activities`, { token: forged })).status).toBe(403);
    const none = await call(`/conversations/${conversationId}/activities`);
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('unauthorized');
  });

  it('when the server-to-server secret is used, then it may start a conversation with its own user id; an unknown conversation is 404', async () => {
    const started = await postJson('/conversations', TEST_DIRECT_LINE_SECRET, {
      user: { id: 'dl_portal-42' },
    });
    expect(started.status).toBe(201);
    expect(String(started.body.streamUrl)).toMatch(
      /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/,
    );
    const missing = await call('/conversations/does-not-exist/activities', {
      token: TEST_DIRECT_LINE_SECRET,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('conversation_not_found');
  });

  it('when an activity is malformed or oversized, then it gets 400 with a stable code', async () => {
    const { token, conversationId } = await generate();
    const path = `/conversations/${conversationId}/activities`;
    const noType = await postJson(path, token, { text: 'thiếu loại' });
    expect(noType.status).toBe(400);
    expect(noType.body.error?.code).toBe('activity_invalid');
    const badJson = await call(path, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error?.code).toBe('invalid_json');
    const foreign = await postJson(path, token, {
      type: 'message',
      attachments: [{ contentType: 'image/png', contentUrl: 'https://evil.example/anh.png' }],
    });
    expect(foreign.body.error?.code).toBe('activity_invalid');
    const huge = await postJson(path, token, {
      type: 'message',
      text: 'a',
      channelData: { blob: 'x'.repeat(100_000) },
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error?.code).toBe('activity_too_large');
  });

  it('when an upload is not an image or too large, then it is refused; a real image becomes an attachment', async () => {
    const { token, conversationId } = await generate();
    const upload = (type: string, data: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append('file', new Blob([data], { type }), 'anh.png');
      return call(`/conversations/${conversationId}/upload?userId=x`, { method: 'POST', token, body: form });
    };
    const text = await upload('text/html', new TextEncoder().encode('<script>alert(1)</script>'));
    expect(text.status).toBe(400);
    expect(text.body.error?.code).toBe('upload_invalid');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = await upload('image/png', png);
    expect(ok.status).toBe(200);
    const activities = await call(`/conversations/${conversationId}/activities`, { token });
    const sent = (activities.body.activities as Array<{ attachments?: Array<{ contentUrl: string }> }>).find(
      (a) => a.attachments,
    );
    const file = await fetch(sent!.attachments![0]!.contentUrl);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    const disguised = await upload('image/png', new TextEncoder().encode('<svg onload="alert(1)"></svg>'));
    expect(disguised.body.error?.code).toBe('upload_invalid');
    const big = await upload('image/png', new Uint8Array(6 * 1024 * 1024).fill(7));
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('upload_too_large');
  });

  it('when a WebSocket asks for another conversation or brings no token, then the upgrade is refused', async () => {
    const a = await generate();
    const b = await generate();
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => undefined);
      });
    const wsBase = server.url.replace('http', 'ws');
    expect(
      await status(`${wsBase}/v3/directline/conversations/${b.conversationId}/stream?t=${a.token}`),
    ).toBe(403);
    expect(await status(`${wsBase}/v3/directline/conversations/${a.conversationId}/stream`)).toBe(401);
    expect(
      await status(`${wsBase}/v3/directline/conversations/${a.conversationId}/stream?t=${a.token}`),
    ).toBe(101);
  });

  it('when one client asks for too many tokens or sends too many messages, then it gets 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await call('/tokens/generate', { method: 'POST' })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await call('/tokens/generate', { method: 'POST' });
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const { token, conversationId } = await generate();
    const sent: number[] = [];
    for (let i = 0; i < 5; i += 1)
      sent.push(
        (
          await postJson(`/conversations/${conversationId}/activities`, token, {
            type: 'message',
            text: 'alo',
          })
        ).status,
      );
    expect(sent).toEqual([200, 200, 200, 200, 429]);
    // The secret (server-to-server) is not limited per address.
    expect((await call('/tokens/generate', { method: 'POST', token: TEST_DIRECT_LINE_SECRET })).status).toBe(
      200,
    );
  });

  it('when a listed portal origin preflights, then CORS allows it; an unlisted origin gets no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${base()}/tokens/generate`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://portal.thanhhoa.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.thanhhoa.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
