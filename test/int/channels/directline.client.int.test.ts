import WebSocket from 'ws';
import { ConnectionStatus, DirectLine, type Activity } from 'botframework-directlinejs';
import { vi } from '../../../src/i18n/strings.vi';
import { eventually, startWebChatServer, type WebChatServer } from '../../helpers/webchat';

// DirectLineJS is a browser client: in Node it needs these two globals (its README says so).
// eslint-disable-next-line @typescript-eslint/no-require-imports
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket });

interface Client {
  dl: DirectLine;
  seen: Activity[];
  stop(): void;
}

function connect(
  server: WebChatServer,
  options: { token: string; conversationId?: string; watermark?: string; webSocket: boolean },
): Client {
  const dl = new DirectLine({ domain: `${server.url}/v3/directline`, pollingInterval: 200, ...options });
  const seen: Activity[] = [];
  // An error handler is mandatory in Node: end() errors the stream with "conversation ended".
  const sub = dl.activity$.subscribe({ next: (a) => seen.push(a), error: () => undefined });
  return {
    dl,
    seen,
    stop() {
      sub.unsubscribe();
      dl.end();
    },
  };
}

async function generate(server: WebChatServer): Promise<{ conversationId: string; token: string }> {
  const res = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as { conversationId: string; token: string };
}

const botTexts = (c: Client) =>
  c.seen.filter((a) => a.from.role === 'bot').map((a) => (a as { text?: string }).text ?? '');

function send(c: Client, text: string): Promise<string> {
  return new Promise((resolve, reject) =>
    c.dl
      .postActivity({ type: 'message', from: { id: 'ignored-by-server' }, text } as Activity)
      .subscribe({ next: resolve, error: reject }),
  );
}

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('Direct Line with the real botframework-directlinejs client (%s)', (_mode, webSocket) => {
  let server: WebChatServer;
  let upgrades = 0;
  beforeAll(async () => {
    server = await startWebChatServer();
    server.running.server.on('upgrade', () => (upgrades += 1));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('when a client starts a conversation and sends a message, then it receives the greeting, its echo and the reply', async () => {
    const { token } = await generate(server);
    const c = connect(server, { token, webSocket });
    await eventually(() => (botTexts(c).includes(vi.bot.welcome) ? true : undefined));
    const id = await send(c, 'xin chào');
    const echo = await eventually(() => c.seen.find((a) => a.id === id));
    expect(echo.from.role).toBe('user');
    expect((echo as { text: string }).text).toBe('xin chào');
    // The welcome came with the conversation; a typed greeting gets a short one, not the welcome again.
    await eventually(() => (botTexts(c).includes(vi.bot.greetAgain) ? true : undefined));
    expect(botTexts(c).filter((t) => t === vi.bot.welcome)).toHaveLength(1);
    expect(c.dl.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    // The mode is real: the WebSocket client opened the stream, the polling one never did.
    expect(upgrades > 0).toBe(webSocket);
    c.stop();
  });

  it('when a client resumes from a watermark, then it gets only later activities and can carry on', async () => {
    const { token, conversationId } = await generate(server);
    const first = connect(server, { token, webSocket });
    await eventually(() => (botTexts(first).includes(vi.bot.welcome) ? true : undefined));
    const watermark = await currentWatermark(server, token, conversationId);
    first.stop();

    const resumed = connect(server, { token, conversationId, watermark, webSocket });
    await send(resumed, 'hủy');
    await eventually(() => (botTexts(resumed).includes(vi.bot.nothingToCancel) ? true : undefined));
    expect(botTexts(resumed)).not.toContain(vi.bot.welcome);
    resumed.stop();
  });

  it('when a token is refreshed, then the new token reads the same conversation', async () => {
    const { token, conversationId } = await generate(server);
    const refreshed = await fetch(`${server.url}/v3/directline/tokens/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(body.conversationId).toBe(conversationId);
    expect(body.expires_in).toBe(1800);
    const c = connect(server, { token: body.token, webSocket });
    await eventually(() => (botTexts(c).includes(vi.bot.welcome) ? true : undefined));
    c.stop();
  });

  it('when an agency answer is delivered after the client went away, then the reconnecting client receives it', async () => {
    const { token, conversationId } = await generate(server);
    const first = connect(server, { token, webSocket });
    await eventually(() => (botTexts(first).includes(vi.bot.welcome) ? true : undefined));
    const watermark = await currentWatermark(server, token, conversationId);
    const userId = (first.seen[0] as unknown as { recipient: { id: string } }).recipient.id;
    first.stop();

    const result = await server.feature.adapter.deliver({
      id: 'outbox-1',
      to: { channel: 'directline', conversationId, userId },
      text: 'Sở Xây dựng đã trả lời phản ánh TH-7K3Q9 của bạn.',
      suggestedActions: ['Đánh giá trả lời'],
    });
    expect(result.ok).toBe(true);

    const again = connect(server, { token, conversationId, watermark, webSocket });
    const proactive = await eventually(() =>
      again.seen.find((a) => (a as { text?: string }).text?.includes('TH-7K3Q9')),
    );
    expect(proactive.from.role).toBe('bot');
    expect(
      (proactive as { suggestedActions?: { actions: Array<{ title: string }> } }).suggestedActions?.actions[0]
        ?.title,
    ).toBe('Đánh giá trả lời');
    again.stop();
  });
});

async function currentWatermark(
  server: WebChatServer,
  token: string,
  conversationId: string,
): Promise<string> {
  const res = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { watermark: string }).watermark;
}
