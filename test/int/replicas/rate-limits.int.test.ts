import { createServerDatabase, describeWithServer, openReplicaDb } from '../../helpers/server-db';
import { startWebChatServer, type WebChatServer } from '../../helpers/webchat';
import { webTicket } from '../tickets/helpers';

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

  it('when wrong PINs and lookups alternate between two replicas, then the guard holds the pair and refuses past the window for both', async () => {
    const ticket = await a.running.system.tickets.tickets.create(webTicket('Đèn đường hỏng ở xã Hà Long'));
    const wrong = ticket.pin === '000000' ? '111111' : '000000';
    const lookup = async (server: WebChatServer, trackingCode: string, pin: string) =>
      (
        await fetch(`${server.url}/api/tickets/lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trackingCode, pin }),
        })
      ).status;
    const wrongs = [];
    for (const server of [a, b, a, b, a]) wrongs.push(await lookup(server, ticket.trackingCode, wrong));
    expect(wrongs).toEqual([404, 404, 404, 404, 404]);
    // b saw two of the five failures: held back all the same, even with the right PIN.
    expect(await lookup(b, ticket.trackingCode, ticket.pin)).toBe(404);
    // Ten lookups a minute per source (TICKET_LOOKUPS_PER_MINUTE), wherever they land: six so far.
    const more = [];
    for (const [i, code] of ['TH-22222', 'TH-33333', 'TH-44444', 'TH-55555', 'TH-66666'].entries())
      more.push(await lookup(i % 2 ? a : b, code, '123456'));
    expect(more).toEqual([404, 404, 404, 404, 429]);
  });
});
