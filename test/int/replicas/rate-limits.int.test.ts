import { createServerDatabase, describeWithServer, openReplicaDb } from '../../helpers/server-db';
import { startWebChatServer, type WebChatServer } from '../../helpers/webchat';

describeWithServer('rate limits across replicas', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let a: WebChatServer;
  let b: WebChatServer;
  beforeAll(async () => {
    database = await createServerDatabase();
    const env = { ASK_RATE_LIMIT_PER_MINUTE: '3' };
    a = await startWebChatServer(env, { db: await openReplicaDb(database.url) });
    b = await startWebChatServer(env, { db: await openReplicaDb(database.url) });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('when one client alternates between two replicas, then both count against one limit', async () => {
    const ask = async (server: WebChatServer) => {
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Nghị quyết 58 về nội dung gì?' }),
      });
      return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
    };
    const statuses = [];
    for (const server of [a, b, a, b, a]) statuses.push(await ask(server));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429, 429]);
    expect(statuses[3]?.code).toBe('rate_limited');
  });
});
