import WebSocket from 'ws';
import { createServerDatabase, describeWithServer, openReplicaDb } from '../../helpers/server-db';
import {
  eventually,
  startWebChatServer,
  TEST_DIRECT_LINE_SECRET,
  type WebChatServer,
} from '../../helpers/webchat';

type Frame = { activities: Array<{ type: string; text?: string; from: { role: string } }> };

const auth = { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' };

describeWithServer('Direct Line streams across replicas (LISTEN/NOTIFY)', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let a: WebChatServer;
  let b: WebChatServer;
  beforeAll(async () => {
    database = await createServerDatabase();
    // A poll this slow (the fallback is ten times slower still) cannot deliver anything within the test.
    const env = { DIRECT_LINE_STREAM_POLL_MS: '60000' };
    a = await startWebChatServer(env, { db: await openReplicaDb(database.url) });
    b = await startWebChatServer(env, { db: await openReplicaDb(database.url) });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('when a stream is open on one replica and a message is posted on another, then replies and typing arrive at once', async () => {
    const started = (await (
      await fetch(`${a.url}/v3/directline/conversations`, { method: 'POST', headers: auth, body: '{}' })
    ).json()) as { conversationId: string; streamUrl: string };
    const frames: Frame[] = [];
    const ws = new WebSocket(started.streamUrl);
    ws.on('message', (data: Buffer) => data.length > 0 && frames.push(JSON.parse(data.toString()) as Frame));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const seen = () => frames.flatMap((f) => f.activities);
    // The greeting was written before the socket opened: the replay brings it.
    await eventually(() => (seen().some((x) => x.from.role === 'bot') ? true : undefined));
    const before = seen().length;

    const post = (body: Record<string, unknown>) =>
      fetch(`${b.url}/v3/directline/conversations/${started.conversationId}/activities`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify(body),
      });
    expect((await post({ type: 'typing' })).status).toBe(200);
    await eventually(() => (seen().some((x) => x.type === 'typing') ? true : undefined), 5_000);
    expect((await post({ type: 'message', text: 'menu' })).status).toBe(200);
    const after = await eventually(() => {
      const fresh = seen().slice(before);
      return fresh.some((x) => x.type === 'message' && x.from.role === 'bot') ? fresh : undefined;
    }, 5_000);
    expect(after.filter((x) => x.type === 'message' && x.from.role === 'user').map((x) => x.text)).toEqual([
      'menu',
    ]);
    ws.close();
  });
});
