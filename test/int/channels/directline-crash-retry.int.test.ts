import {
  BOT_ACCOUNT,
  DIRECTLINE_CHANNEL,
  SERVICE_URL,
} from '../../../src/channels/directline/directline.adapter';
import { DirectLineRepository } from '../../../src/channels/directline/directline.repository';
import { vi } from '../../../src/i18n/strings.vi';
import { startChat, textOf, type Chat } from '../../helpers/chat';
import { startWebChatServer, TEST_DIRECT_LINE_SECRET, type WebChatServer } from '../../helpers/webchat';

// Found by the load and fault suite (npm run loadtest): a kill -9 after a message was stored but before the bot
// answered it left the client's retry acknowledged (same clientActivityID → same id) and never answered.
describe('Direct Line retries across a crash', () => {
  let server: WebChatServer;
  let chat: Chat;
  beforeAll(async () => {
    server = await startWebChatServer();
    chat = await startChat(server);
  });
  afterAll(async () => server.stop());

  const post = async (clientActivityID: string) => {
    const res = await fetch(`${server.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_DIRECT_LINE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'xin chào', channelData: { clientActivityID } }),
    });
    return { status: res.status, body: (await res.json()) as { id: string } };
  };

  it('when the process that stored a message died before answering, then the retry runs the turn, once', async () => {
    // What the dead process left behind: the stored message, its turn lease already run out.
    await new DirectLineRepository(server.db).append(
      chat.conversationId,
      {
        type: 'message',
        id: 'stored-by-dead-process',
        text: 'xin chào',
        timestamp: new Date().toISOString(),
        channelId: DIRECTLINE_CHANNEL,
        serviceUrl: SERVICE_URL,
        conversation: { id: chat.conversationId },
        from: { id: chat.userId, role: 'user' },
        recipient: { ...BOT_ACCOUNT },
        locale: 'vi-VN',
        channelData: { clientActivityID: 'crash-1' },
      },
      0,
    );
    const retried = await post('crash-1');
    expect(retried).toEqual({ status: 200, body: { id: 'stored-by-dead-process' } });
    const afterRetry = await chat.say('cảm ơn');
    expect(textOf(afterRetry)).toContain(vi.bot.greetAgain);

    const again = await post('crash-1');
    expect(again.body.id).toBe('stored-by-dead-process');
    expect(textOf(await chat.say('cảm ơn'))).not.toContain(vi.bot.greetAgain);
  });

  it('when a message was answered, then a retry with its clientActivityID is not run again', async () => {
    const first = await post('answered-1');
    const replies = await chat.say('cảm ơn');
    expect(textOf(replies)).toContain(vi.bot.greetAgain);
    const retry = await post('answered-1');
    expect(retry.body.id).toBe(first.body.id);
    expect(textOf(await chat.say('cảm ơn'))).not.toContain(vi.bot.greetAgain);
  });
});
