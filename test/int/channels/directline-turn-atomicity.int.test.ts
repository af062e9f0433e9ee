import { vi } from '../../../src/i18n/strings.vi';
import { startChat, textOf, type Chat } from '../../helpers/chat';
import { startWebChatServer, TEST_DIRECT_LINE_SECRET, type WebChatServer } from '../../helpers/webchat';

// Found by the load and fault suite: a kill -9 after the bot's replies were stored but before the turn was marked
// done made the retry run the turn again (a second "Đã tiếp nhận phản ánh"). The fault here is the same moment: the
// database refuses the done mark, as if the process died right before it.
const INJECT_FAULT = `
  CREATE FUNCTION test_refuse_done_mark() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'injected: the process dies before the done mark'; END $$;
  CREATE TRIGGER test_refuse_done_mark BEFORE UPDATE OF turn_done_at ON directline_activity
    FOR EACH ROW WHEN (OLD.turn_done_at IS NULL AND NEW.turn_done_at IS NOT NULL)
    EXECUTE FUNCTION test_refuse_done_mark();`;
const REMOVE_FAULT = `DROP TRIGGER test_refuse_done_mark ON directline_activity; DROP FUNCTION test_refuse_done_mark();`;

describe('a Direct Line turn commits as one unit', () => {
  let server: WebChatServer;
  let chat: Chat;
  beforeAll(async () => {
    server = await startWebChatServer();
    chat = await startChat(server);
  });
  afterAll(async () => server.stop());

  const post = async (text: string, clientActivityID: string) =>
    fetch(`${server.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, channelData: { clientActivityID } }),
    });
  const botTexts = async () => {
    const { rows } = await server.db.query<{ text: string }>(
      `SELECT activity->>'text' AS text FROM directline_activity
        WHERE conversation_id = $1 AND activity->'from'->>'role' = 'bot' AND activity->>'type' = 'message'
        ORDER BY seq`,
      [chat.conversationId],
    );
    return rows.map((r) => r.text);
  };
  const state = async () =>
    (
      await server.db.query<{ key: string; etag: number }>(
        `SELECT key, etag FROM bot_state WHERE key LIKE '%' || $1 || '%' ORDER BY key`,
        [chat.conversationId],
      )
    ).rows;

  it('when the turn cannot be marked done, then none of its replies or state is kept, and the retry runs it once', async () => {
    const repliesBefore = await botTexts();
    const stateBefore = await state();
    await server.db.exec(INJECT_FAULT);
    const failed = await post('Tôi muốn gửi phản ánh', 'atomic-1');
    expect(failed.status).toBe(502);
    expect(await botTexts()).toEqual(repliesBefore);
    expect(await state()).toEqual(stateBefore);
    const { rows } = await server.db.query<{ done: boolean; leased: boolean }>(
      `SELECT turn_done_at IS NOT NULL AS done, turn_lease_until IS NOT NULL AS leased FROM directline_activity
        WHERE conversation_id = $1 AND client_activity_id = 'atomic-1'`,
      [chat.conversationId],
    );
    // The message itself is kept (nothing accepted is lost), unanswered and free for the retry at once.
    expect(rows).toEqual([{ done: false, leased: false }]);

    await server.db.exec(REMOVE_FAULT);
    const retried = await post('Tôi muốn gửi phản ánh', 'atomic-1');
    expect(retried.status).toBe(200);
    const added = (await botTexts()).slice(repliesBefore.length);
    expect(added.length).toBeGreaterThan(0);
    const again = await post('Tôi muốn gửi phản ánh', 'atomic-1');
    expect(again.status).toBe(200);
    expect((await botTexts()).slice(repliesBefore.length)).toEqual(added);
    // The retried turn's state was kept: a feedback flow is running, so "hủy" cancels it.
    expect(textOf(await chat.say('hủy'))).toContain(vi.bot.cancelled);
  });
});
