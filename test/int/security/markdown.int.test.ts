import MarkdownIt from 'markdown-it';
import type { AnswerService } from '../../../src/ports';
import { startChat, textOf, type Chat } from '../../helpers/chat';
import { startWebChatServer, type WebChatServer } from '../../helpers/webchat';

// Rendered as Web Chat 4.18 renders bot text (markdown-it 13, raw HTML and linkify on).
const webChat = new MarkdownIt({ html: true, linkify: true, typographer: true });
const links = (html: string) => [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

const HOSTILE =
  'Theo [nghị quyết](https://thanhhoa.gov.vn/nq-58), anh/chị **đăng ký** tại [đây](https://evil.example/login) <img src=x onerror=alert(1)>' +
  ' hoặc <a href="javascript:alert(1)">bấm</a>; xem ![](https://evil.example/t.png) và https://evil.example/x.';

// A published answer written by someone else: the text reaches the chat through the real bot and adapter.
const answers: AnswerService = {
  ask: async () => ({
    answer: HOSTILE,
    grounded: true,
    citations: [
      {
        documentId: 'nq-58',
        title: 'Nghị quyết 58-NQ/TW',
        source: 'https://thanhhoa.gov.vn/nq-58',
        date: '2025-10-01',
        quote: 'Đăng ký tại [cổng](https://evil.example/cong)',
      },
    ],
  }),
};

describe('Markdown that is not ours, on its way to Web Chat', () => {
  let server: WebChatServer;
  let chat: Chat;
  beforeAll(async () => {
    server = await startWebChatServer({ LINK_ALLOWED_HOSTS: 'thanhhoa.gov.vn' }, { answers });
    chat = await startChat(server);
  });
  afterAll(async () => server.stop());

  it('when an answer holds raw HTML and foreign links, then the reply renders no HTML and links only to allowed hosts', async () => {
    const text = textOf(await chat.say('Nghị quyết 58 quy định đăng ký thế nào?'));
    expect(text).toContain('**đăng ký**');
    const html = webChat.render(text);
    expect(html).not.toMatch(/<img|<a href="(?!https:\/\/thanhhoa\.gov\.vn\/)|javascript:|onerror/);
    expect(links(html)).toEqual(['https://thanhhoa.gov.vn/nq-58']);
  });

  it('when a staff answer is delivered into the conversation later, then it passes the same allow-list', async () => {
    const result = await server.feature.adapter.deliver({
      id: 'outbox-1',
      to: { channel: 'directline', conversationId: chat.conversationId, userId: chat.userId },
      text: 'Trả lời: <script>alert(1)</script>[xem kết quả](https://evil.example/kq) tại [trang tra cứu](/tra-cuu).',
    });
    expect(result.ok).toBe(true);
    const text = textOf(await chat.say('menu'));
    const html = webChat.render(text);
    expect(html).not.toMatch(/<script|evil\.example/);
    expect(html).toContain('xem kết quả');
    expect(links(html)).toContain('/tra-cuu');
  });
});
