import { vi } from '../../../src/i18n/strings.vi';
import { buttonsOf, startChat, textOf, type Chat } from '../../helpers/chat';
import { startWebChatServer, type WebChatServer } from '../../helpers/webchat';

const b = vi.bot;
const f = b.feedback;

describe('two-turn dialogues through the Direct Line adapter (demo corpus, subject kept in bot state)', () => {
  let server: WebChatServer;
  let chat: Chat;
  beforeAll(async () => {
    server = await startWebChatServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(async () => {
    chat = await startChat(server);
  });

  it('when "còn đến năm 2045 thì sao?" follows an answer about 2030, then it is answered for 2045', async () => {
    expect(textOf(await chat.say('Thanh Hóa đặt mục tiêu gì đến năm 2030?'))).toContain(
      'nhóm dẫn đầu cả nước',
    );
    const next = await chat.say('còn đến năm 2045 thì sao?');
    expect(textOf(next)).toContain('giàu đẹp, văn minh, hạnh phúc');
    expect(buttonsOf(next)).toContain(b.menu.ask);
  });

  it('when "đó là những lĩnh vực nào?" follows a count of breakthrough areas, then the areas are named', async () => {
    expect(textOf(await chat.say('Hậu Giang xác định mấy lĩnh vực đột phá chiến lược?'))).toContain(
      '4 lĩnh vực đột phá',
    );
    expect(textOf(await chat.say('đó là những lĩnh vực nào?'))).toContain('nông nghiệp sinh thái');
  });

  it('when a follow-up is typed instead of answering the forward offer, then it is completed and answered', async () => {
    await chat.say('Thanh Hóa đặt mục tiêu gì đến năm 2030?');
    expect(buttonsOf(await chat.say('Thời tiết Hà Nội ngày mai thế nào?'))).toEqual([b.ask.forwardYes, b.no]);
    const next = textOf(await chat.say('còn đến năm 2045 thì sao?'));
    expect(next).toContain('giàu đẹp, văn minh, hạnh phúc');
    expect(next).not.toContain(b.choiceRetry);
  });

  it('when a new subject was asked, then "còn Thanh Hóa thì sao?" continues the new one, not the first', async () => {
    await chat.say('Hậu Giang xác định mấy lĩnh vực đột phá chiến lược?');
    expect(textOf(await chat.say('Thái Nguyên thu ngân sách nhà nước năm 2020 được bao nhiêu?'))).toContain(
      '15.608',
    );
    // Thanh Hóa's budget is not in the corpus: the reply says so instead of answering with Thái Nguyên's.
    expect(textOf(await chat.say('còn Thanh Hóa thì sao?'))).toContain(
      vi.knowledge.otherEntity('Thanh Hóa', 'Thái Nguyên'),
    );
  });

  it('when a subject is kept and the citizen accepts the forward offer, then the feedback flow keeps its prompt state', async () => {
    await chat.say('Thanh Hóa đặt mục tiêu gì đến năm 2030?');
    await chat.say('Chính sách hỗ trợ học phí năm nay thế nào?');
    expect(buttonsOf(await chat.say(b.ask.forwardYes))).toEqual([f.consentYes, b.skip]);
    expect(textOf(await chat.say('Bỏ qua'))).toContain(`${f.summaryKind}: ${f.kinds.question}`);
  });
});
