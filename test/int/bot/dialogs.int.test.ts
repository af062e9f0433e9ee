import { vi } from '../../../src/i18n/strings.vi';
import { buttonsOf, startChat, textOf, type Chat } from '../../helpers/chat';
import { listTicketMessages } from '../../../src/tickets/notify/outbox.repository';
import { runTicketJobs } from '../../helpers/system';
import { eventually, startWebChatServer, type WebChatServer } from '../../helpers/webchat';

const b = vi.bot;
const f = b.feedback;
const CODE = /Mã tra cứu: \*\*(TH-[A-Z0-9]{5})\*\*/;
const PIN = /Mã PIN: \*\*(\d{6})\*\*/;

describe('bot dialogs through the Direct Line adapter (real database, knowledge and tickets areas)', () => {
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

  describe('ask-question', () => {
    it('when a question has no answer in the knowledge base, then the bot says so and the citizen may decline forwarding', async () => {
      expect(textOf(await chat.say(b.menu.ask))).toBe(b.ask.prompt);
      const answer = await chat.say('Thời tiết Hà Nội ngày mai thế nào?');
      expect(textOf(answer)).toContain(vi.knowledge.notFound.slice(0, 40));
      expect(buttonsOf(answer)).toEqual([b.ask.forwardYes, b.no]);
      expect(textOf(await chat.say('khong'))).toContain(b.ask.notForwarded);
    });

    it('when a question is answered by the knowledge base, then the reply quotes the source and lists it', async () => {
      await chat.say(b.menu.ask);
      const answer = textOf(
        await chat.say('Đại hội Đảng bộ tỉnh Thanh Hóa lần thứ XX xác định bao nhiêu khâu đột phá?'),
      );
      // The fact leads, quoted once, and the source line names the document.
      expect(answer.split('3 khâu đột phá chiến lược')).toHaveLength(2);
      expect(answer.indexOf('3 khâu đột phá chiến lược')).toBeLessThan(
        answer.indexOf('Nguồn: «Cam kết hành động rõ ràng'),
      );
    });

    it('when the citizen asks a new question instead of answering the forward offer, then the new question is answered', async () => {
      const notFound = await chat.say('Thời tiết Hà Nội ngày mai thế nào?');
      expect(buttonsOf(notFound)).toEqual([b.ask.forwardYes, b.no]);
      const next = textOf(await chat.say('Thanh Hóa có mấy nhiệm vụ trọng tâm?'));
      expect(next).toContain('8 nhiệm vụ trọng tâm');
      expect(next).not.toContain(b.choiceRetry);
    });

    it('when the citizen forwards an unanswered question, then it becomes a question ticket with a tracking code', async () => {
      await chat.say('Chính sách hỗ trợ học phí năm nay thế nào?');
      const consent = await chat.say(b.ask.forwardYes);
      expect(buttonsOf(consent)).toEqual([f.consentYes, b.skip]);
      const summary = await chat.say('Bỏ qua');
      expect(textOf(summary)).toContain(`${f.summaryKind}: ${f.kinds.question}`);
      expect(textOf(await chat.say(f.confirmYes))).toMatch(CODE);
    });
  });

  describe('file-feedback', () => {
    it('when a citizen files feedback step by step with consent, then a ticket with tracking code and PIN is stored', async () => {
      const submitter = await chat.say(b.menu.feedback);
      expect(textOf(submitter)).toContain(f.intro(f.nouns.feedback));
      expect(buttonsOf(submitter)).toEqual([f.citizen, f.business]);
      const category = await chat.say('nguoi dan');
      expect(buttonsOf(category)).toHaveLength(13);
      expect(buttonsOf(category)[0]).toBe(b.categories['giao-thong']);
      expect(textOf(await chat.say('Môi trường, rác thải, ô nhiễm'))).toContain(f.locationPrompt);
      // An old commune name (before the 2025 merger) is mapped to today's commune by the tickets area's gazetteer,
      // and the citizen is told so.
      expect(textOf(await chat.say('Thôn 3, xã Quảng Phú'))).toMatch(
        /^Xã Quảng Phú nay thuộc (Xã|Phường) [^.]+\(sau sắp xếp đơn vị hành chính\)\. Đã xác định địa bàn: (Xã|Phường) /,
      );
      expect(textOf(await chat.say('Bãi rác tự phát bốc mùi hôi cạnh trường học'))).toContain(f.photosPrompt);
      expect(buttonsOf(await chat.say('Bỏ qua'))).toEqual([f.consentYes, b.skip]);
      expect(textOf(await chat.say(f.consentYes))).toBe(f.namePrompt);
      expect(textOf(await chat.say('Lê Thị Hoa'))).toBe(f.phonePrompt);
      expect(textOf(await chat.say('12345'))).toBe(f.phoneRetry);
      expect(buttonsOf(await chat.say('0912 345 678'))).toEqual([f.publishYes, f.publishNo]);
      const summary = textOf(await chat.say(f.publishNo));
      expect(summary).toContain('Lê Thị Hoa, 091****678');
      expect(summary).not.toContain('0912345678');
      const receipt = textOf(await chat.say(f.confirmYes));
      const code = CODE.exec(receipt)![1]!;
      const pin = PIN.exec(receipt)![1]!;
      const view = await server.running.system.tickets.tickets.lookup(code, pin, 'directline:test');
      expect(view?.category).toBe('moi-truong');
      const rows = await server.db.query<{
        commune_code: string | null;
        contact_phone: string;
        contact_consent_at: Date;
      }>('SELECT commune_code, contact_phone, contact_consent_at FROM tickets WHERE tracking_code = $1', [
        code,
      ]);
      expect(rows.rows[0]?.commune_code).toEqual(expect.any(String));
      expect(rows.rows[0]?.contact_phone).toBe('0912345678');
      expect(rows.rows[0]?.contact_consent_at).toBeInstanceOf(Date);

      // The citizen withdraws consent: after confirming, name and phone are erased, the ticket stays.
      const forget = await chat.say('Xóa thông tin cá nhân của tôi');
      expect(textOf(forget)).toContain(b.forget.confirmPrompt);
      expect(buttonsOf(forget)).toEqual([b.forget.yes, b.forget.no]);
      expect(textOf(await chat.say(b.forget.yes))).toContain(b.forget.erased(1));
      const erased = await server.db.query<{
        contact_name: string | null;
        contact_phone: string | null;
        actor: string;
      }>(
        `SELECT t.contact_name, t.contact_phone, e.actor FROM tickets t
         JOIN ticket_events e ON e.ticket_id = t.id AND e.type = 'contact_deleted' WHERE t.tracking_code = $1`,
        [code],
      );
      expect(erased.rows).toEqual([{ contact_name: null, contact_phone: null, actor: 'citizen' }]);
      expect(await server.running.system.tickets.tickets.lookup(code, pin, 'directline:test')).not.toBeNull();
    });

    it('when a complaint-like message is typed, then the feedback flow starts prefilled with what it said', async () => {
      const replies = await chat.say('Tôi muốn khiếu nại việc xã thu hồi đất nhà tôi không bồi thường');
      expect(textOf(replies)).toContain(f.prefilled(f.nouns.complaint));
      expect(textOf(replies)).toContain(f.complaintProcedure);
      await chat.say(f.citizen);
      await chat.say('xã Hoằng Hóa');
      // The description was prefilled, so the next question is about photos.
      expect(buttonsOf(await chat.say('Bỏ qua'))).toEqual([f.consentYes, b.skip]);
      const summary = textOf(await chat.say('Bỏ qua'));
      expect(summary).toContain(`${f.summaryKind}: ${f.kinds.complaint}`);
      expect(summary).toContain('không bồi thường');
    });

    it('when two answers arrive at once, then turns run one after the other and neither is lost', async () => {
      await chat.say(b.menu.business);
      await chat.say('Bỏ qua');
      await chat.say('Chậm hoàn thuế giá trị gia tăng cho doanh nghiệp');
      await chat.say('Công ty TNHH Minh An');
      // Both messages answer whichever prompt is current ("Bỏ qua" skips the tax code, then the project).
      const [one, two] = await Promise.all([chat.say('Bỏ qua'), chat.say('Bỏ qua')]);
      expect(textOf([...one, ...two])).toContain(f.consentPrompt);
    });
  });

  describe('track-ticket and rate-answer', () => {
    const fileTicket = async () =>
      server.running.system.tickets.tickets.create({
        kind: 'feedback',
        category: 'giao-thong',
        description: 'Ổ gà trên đường liên xã',
        origin: { channel: 'directline', conversationId: chat.conversationId, userId: chat.userId },
        idempotencyKey: `test:${chat.conversationId}`,
      });

    it('when a citizen types a tracking code and the right PIN, then the status is shown without personal data', async () => {
      const ticket = await fileTicket();
      expect(textOf(await chat.say(`tra cứu ${ticket.trackingCode.toLowerCase()}`))).toBe(b.track.pinPrompt);
      const status = textOf(await chat.say(ticket.pin));
      expect(status).toContain(`Phản ánh ${ticket.trackingCode}: ${b.track.statuses.assigned}`);
    });

    it('when an answered ticket is rated 1, then the rating is stored and the ticket reopened', async () => {
      const ticket = await fileTicket();
      await server.running.system.tickets.staff.answer(ticket.id, { text: 'Đã vá ổ gà.', actor: 'test' });
      await chat.say(b.menu.rate);
      await chat.say(ticket.trackingCode);
      expect(buttonsOf(await chat.say(ticket.pin))).toEqual(b.rate.ratings);
      expect(textOf(await chat.say('tuyệt vời'))).toContain(b.choiceRetry);
      expect(textOf(await chat.say('1'))).toBe(b.rate.commentPrompt);
      expect(textOf(await chat.say('Chưa sửa xong'))).toContain(b.rate.reopened);
      const view = await server.running.system.tickets.tickets.lookup(
        ticket.trackingCode,
        ticket.pin,
        'directline:test',
      );
      expect(view).toMatchObject({ rating: 1, status: 'reopened' });
    });

    it('when a ticket has no answer yet, then rating it is refused politely', async () => {
      const ticket = await fileTicket();
      await chat.say(b.menu.rate);
      await chat.say(ticket.trackingCode);
      await chat.say(ticket.pin);
      await chat.say('5 - Rất hài lòng');
      expect(textOf(await chat.say('Bỏ qua'))).toContain(vi.errors.ticket_not_answered);
    });

    it('when the agency answers a ticket filed in the chat, then the outbox delivers the answer into the conversation', async () => {
      await chat.say('Đèn đường ở thôn 5 bị hỏng cả tháng nay, buổi tối rất tối');
      await chat.say(f.citizen);
      await chat.say('Bỏ qua');
      await chat.say('Bỏ qua');
      await chat.say('Bỏ qua');
      await chat.say(f.publishNo);
      const code = CODE.exec(textOf(await chat.say(f.confirmYes)))![1]!;
      const row = await server.db.query<{ id: string }>('SELECT id FROM tickets WHERE tracking_code = $1', [
        code,
      ]);
      await server.running.system.tickets.staff.answer(row.rows[0]!.id, {
        text: 'Điện lực đã thay bóng đèn.',
        actor: 'test',
      });
      await runTicketJobs(server.running.system);
      const delivered = await eventually(async () => {
        const replies = await chat.say('menu');
        return textOf(replies).includes('Điện lực đã thay bóng đèn.') ? replies : undefined;
      });
      expect(textOf(delivered)).toContain(code);
      // The receipt was shown in the chat when it was filed: the outbox holds the answer, not a second receipt.
      const queued = await listTicketMessages(server.db, row.rows[0]!.id);
      expect(queued.map((m) => m.event_key.split(':')[2])).toEqual(['answered']);
    });

    it('when a business writes without accents about land in an industrial zone, then it is a business obstacle routed as a land matter', async () => {
      const start = await chat.say(
        'doanh nghiep chung toi xin giao dat trong khu cong nghiep da 8 thang chua duoc giai quyet',
      );
      expect(textOf(start)).toContain(f.prefilled(f.nouns.business));
      expect(textOf(start)).not.toContain(f.submitterPrompt);
      expect(textOf(await chat.say('Bỏ qua'))).toContain(f.businessNamePrompt);
      await chat.say('Công ty CP Thép Nghi Sơn');
      await chat.say('2801234567');
      await chat.say('Bỏ qua');
      await chat.say('Bỏ qua');
      await chat.say(f.publishNo);
      const receipt = textOf(await chat.say(f.confirmYes));
      expect(receipt).toContain(f.receivedHead.business());
      const rows = await server.db.query<{ category: string; description: string }>(
        'SELECT category, description FROM tickets WHERE tracking_code = $1',
        [CODE.exec(receipt)![1]],
      );
      expect(rows.rows[0]?.category).toBe('dat-dai');
      expect(rows.rows[0]?.description).toContain('Mã số thuế: 2801234567');
    });

    it('when a place is not recognised, then the closest communes of the province are offered as buttons', async () => {
      await chat.say(b.menu.feedback);
      await chat.say(f.citizen);
      await chat.say('moi truong');
      const offer = await chat.say('xa hoang quy');
      expect(textOf(offer)).toContain(f.locationSuggest('xa hoang quy'));
      expect(buttonsOf(offer)).toEqual(
        expect.arrayContaining([f.suggestLabel('Xã Hoằng Giang', 'Xã Hoằng Quỳ'), f.locationKeepTyped]),
      );
      expect(textOf(await chat.say('1'))).toMatch(/^Đã xác định địa bàn: Xã /);
    });
  });
});
