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

  it('when sign-in and ticket lookups alternate between two replicas, then each limit is counted once for both', async () => {
    const post = async (server: WebChatServer, path: string) =>
      (
        await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: '',
        })
      ).status;
    const signIns = [];
    for (let i = 0; i < 11; i++) signIns.push(await post(i % 2 ? b : a, '/portal/login'));
    // Ten sign-in attempts a minute per address, wherever they land.
    expect(signIns.filter((s) => s === 429)).toHaveLength(1);
    expect(signIns[10]).toBe(429);
    const lookups = [];
    for (let i = 0; i < 11; i++) lookups.push(await post(i % 2 ? b : a, '/tra-cuu'));
    expect(lookups[10]).toBe(429);
    expect(lookups.slice(0, 10)).not.toContain(429);
  });
});
