import { DirectLineRepository } from '../../../src/channels/directline/directline.repository';
import { startChat, textOf, type Chat } from '../../helpers/chat';
import { startWebChatServer, TEST_DIRECT_LINE_SECRET, type WebChatServer } from '../../helpers/webchat';

// Client-triggerable 500/502s: invalid Unicode, control characters, wrong-typed activity fields, retries.
describe('bad input at the Direct Line and Open311 edges', () => {
  let server: WebChatServer;
  let chat: Chat;
  const auth = { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' };
  const postRaw = (body: string) =>
    fetch(`${server.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body,
    });
  beforeAll(async () => {
    server = await startWebChatServer();
    chat = await startChat(server);
  });
  afterAll(async () => server.stop());

  it('when a message holds lone surrogates and control characters, then it is stored cleaned and answered', async () => {
    const res = await postRaw('{"type":"message","text":"xin ch\\u00e0o \\ud800 b\\u0007\\u202ean\\udfff"}');
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const stored = (await new DirectLineRepository(server.db).activitiesAfter(chat.conversationId, 0)).find(
      (a) => a.activity.id === id,
    );
    expect(stored?.activity.text).toBe('xin chào \uFFFD ban\uFFFD');
    expect(textOf(await chat.say('menu')).length).toBeGreaterThan(0);
  });

  it.each([
    ['attachmentLayout of the wrong type', { attachmentLayout: 5 }],
    ['an entity whose type is a number', { entities: [{ type: 1 }] }],
    ['empty suggestedActions', { suggestedActions: {} }],
    ['suggestedActions as an array', { suggestedActions: [] }],
    ['replyToId as a number', { replyToId: 7 }],
    ['deliveryMode out of the enum', { deliveryMode: 3 }],
  ])('when an activity has %s, then 400 activity_invalid, not a 502', async (_label, extra) => {
    const res = await postRaw(JSON.stringify({ type: 'message', text: 'xin chào', ...extra }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'activity_invalid', message: expect.any(String) },
    });
  });

  it('when any JSON body is nested deeper than 32 levels, then 400 input_too_deep', async () => {
    const deep = `{"type":"message","value":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`;
    const res = await postRaw(deep);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'input_too_deep' } });
    const ask = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"question":${'['.repeat(50)}${']'.repeat(50)}}`,
    });
    expect(ask.status).toBe(400);
  });

  it('when a turn fails, then its lease is given back so the next retry runs it at once', async () => {
    // Stored by an earlier version that did not check field types: the SDK refuses it, so every turn fails.
    await new DirectLineRepository(server.db).append(
      chat.conversationId,
      {
        type: 'message',
        id: 'stored-unchecked',
        text: 'xin chào',
        attachmentLayout: 5,
        conversation: { id: chat.conversationId },
        from: { id: chat.userId, role: 'user' },
        recipient: { id: 'bot' },
        channelId: 'directline',
        channelData: { clientActivityID: 'retry-1' },
      },
      0,
    );
    const body = JSON.stringify({
      type: 'message',
      text: 'xin chào',
      channelData: { clientActivityID: 'retry-1' },
    });
    const failed = await postRaw(body);
    expect(failed.status).toBe(502);
    const lease = await server.db.query<{ leased: boolean }>(
      `SELECT coalesce(turn_lease_until > clock_timestamp(), false) AS leased FROM directline_activity
        WHERE conversation_id = $1 AND client_activity_id = 'retry-1'`,
      [chat.conversationId],
    );
    expect(lease.rows[0]?.leased).toBe(false);
  });

  it('when the same clientActivityID is posted twice at once, then both get the same id and no 500', async () => {
    const body = JSON.stringify({
      type: 'message',
      text: 'menu',
      channelData: { clientActivityID: 'twice-1' },
    });
    const [a, b] = await Promise.all([postRaw(body), postRaw(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
  });
});
