import request from 'supertest';
import { AuthService } from '../../../src/agencies/auth.service';
import type { AskResult } from '../../../src/ports';
import { vnDay } from '../../../src/reference/vn-time';
import { buttonsOf, startChat, type Chat } from '../../helpers/chat';
import { signedInStaff } from '../../helpers/portal';
import { eventually, startWebChatServer, type WebChatServer } from '../../helpers/webchat';

// The demo programme's statuses used here are settled (done, done late, late after a past deadline), so the
// assertions hold whatever today's date is.
describe('programme questions in the chat and /api/ask (real server, demo data)', () => {
  let server: WebChatServer;
  let chat: Chat;
  beforeAll(async () => {
    server = await startWebChatServer({ ASK_RATE_LIMIT_PER_MINUTE: '1000' });
    chat = await startChat(server);
  });
  afterAll(() => server.stop());

  const ask = async (question: string): Promise<AskResult> => {
    const res = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as AskResult;
  };

  it('when a citizen asks in the web chat who leads a task, then the bot answers from the programme data', async () => {
    const replies = await chat.say('Nhiệm vụ chuyển đổi số do cơ quan nào chủ trì?');
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain('cơ quan chủ trì: Sở Khoa học và Công nghệ');
    expect(text).toContain('hoàn thành');
    expect(text).toContain('thời hạn: 30/09/2026');
    expect(text).toContain('Báo cáo gần nhất ngày 25/09/2026');
    expect(text).toContain('/tien-do/nhiem-vu/TH-DP-03');
    expect(text).toContain('Dữ liệu mẫu');
  });

  it('when a citizen asks which tasks are late, then the late items are listed with their lead agencies', async () => {
    const replies = await chat.say('Những nhiệm vụ nào đang chậm tiến độ?');
    const text = replies.map((r) => r.text).join('\n');
    expect(text).toContain('chậm tiến độ');
    expect(text).toContain('Quỹ đất sạch cho phát triển công nghiệp (chủ trì: Sở Nông nghiệp và Môi trường');
    expect(text).toContain('Xây dựng hình thành 3 đô thị thông minh');
    expect(text).not.toContain('Hạ tầng giao thông kết nối'); // done late, not late
  });

  it('when /api/ask gets a target question, then it cites the item as tien-do/<code> and the resolution', async () => {
    const r = await ask('Chỉ tiêu tăng thu nội địa năm nay đạt bao nhiêu?');
    expect(r.grounded).toBe(true);
    expect(r.citations.map((c) => c.documentId)).toEqual(['tien-do/HG-CT-02', '003_0359f6b969af1900.txt']);
    expect(r.citations[1]!.quote).toContain('tăng thu nội địa tối thiểu 15%');
    expect(r.answer).toContain('cơ quan chủ trì: Sở Tài chính');
    expect(r.answer).toContain('Báo cáo gần nhất ngày 31/10/2026');
  });

  it('when a programme names a knowledge-base document, then the API and the page show its title', async () => {
    const res = await fetch(`${server.url}/api/programmes/th-dai-hoi-xx`);
    const body = (await res.json()) as { document: string; document_title: string | null };
    expect(body).toMatchObject({
      document: '000_ba9774b2edd0ca82',
      document_title: expect.stringContaining('Cam kết hành động rõ ràng'),
    });
  });

  it('when the question is typed without accents, then the same item is found', async () => {
    const r = await ask('tien do thuc hien khau dot pha ve ha tang den dau roi');
    expect(r.citations[0]!.documentId).toBe('tien-do/TH-DP-01');
    expect(r.answer).toContain('Sở Xây dựng');
  });

  it('when the question is about what a resolution says, then the knowledge base answers it', async () => {
    const r = await ask('Ai là Bí thư Tỉnh ủy Hậu Giang?');
    expect(r.citations.some((c) => c.documentId.startsWith('tien-do/'))).toBe(false);
    expect(r.answer).toContain('Nghiêm Xuân Thành');
  });

  it('when the question names a province no programme is about, then no programme item is cited', async () => {
    const r = await ask('Tiến độ thực hiện khâu đột phá về hạ tầng của tỉnh Nghệ An đến đâu rồi?');
    expect(r.citations.some((c) => c.documentId.startsWith('tien-do/'))).toBe(false);
    const own = await ask('Tiến độ thực hiện khâu đột phá về hạ tầng của tỉnh Thanh Hóa đến đâu rồi?');
    expect(own.citations[0]!.documentId).toBe('tien-do/TH-DP-01');
  });

  it('when a programme answer is shown, then a button follows its item', async () => {
    const replies = await chat.say('Nhiệm vụ chuyển đổi số do cơ quan nào chủ trì?');
    expect(buttonsOf(replies)).toContain('Theo dõi TH-DP-03');
    const followed = await chat.say('Theo dõi TH-DP-03');
    expect(followed[0]!.text).toContain('Đã ghi nhận anh/chị theo dõi «Khâu đột phá');
    const stopped = await chat.say('bỏ theo dõi TH-DP-03');
    expect(stopped[0]!.text).toContain('Anh/chị đã dừng theo dõi');
    const rows = await server.db.query(`SELECT 1 FROM programme_followers WHERE item_code = 'TH-DP-03'`);
    expect(rows.rows).toEqual([]);
  });

  it('when a citizen types "theo dõi nhiệm vụ <tên>", then the item with that title is followed', async () => {
    const other = await startChat(server);
    const replies = await other.say('theo dõi nhiệm vụ quỹ đất sạch cho phát triển công nghiệp');
    expect(replies[0]!.text).toContain('Đã ghi nhận anh/chị theo dõi «Quỹ đất sạch');
    const unknown = await other.say('theo doi XX-99');
    expect(unknown[0]!.text).toContain('Không tìm thấy chỉ tiêu, nhiệm vụ «xx-99»');
  });

  it('when a followed item gets a report that changes its status, then the citizen is told once in the web chat', async () => {
    const replies = await chat.say('theo dõi TH-DP-01');
    expect(replies[0]!.text).toContain('Đã ghi nhận anh/chị theo dõi «Khâu đột phá về hạ tầng');
    // The lead agency reports completion in the portal.
    const cookies = await signedInStaff(new AuthService(server.db), 'mat-khau-du-dai-2026', [
      ['xaydung-chat', 'staff', 'so-xay-dung'],
    ]);
    const agent = request(server.url);
    const form = await agent.get('/portal/tien-do/TH-DP-01').set('Cookie', cookies['xaydung-chat']!);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const filed = await agent
      .post('/portal/tien-do/TH-DP-01/report')
      .set('Cookie', cookies['xaydung-chat']!)
      .field('_csrf', csrf)
      .field('reportedOn', vnDay(new Date()))
      .field('percent', '100');
    expect(filed.status).toBe(200);
    // A retried job pass after the report queues nothing more.
    const jobs = server.running.system.jobs;
    await jobs.kick('programme-status');
    await jobs.kick('programme-status');
    const queued = await server.db.query<{ user_id: string }>(
      `SELECT user_id FROM outbox WHERE event_key LIKE 'programme:TH-DP-01:%'`,
    );
    expect(queued.rows).toEqual([{ user_id: chat.userId }]);
    await jobs.kick('outbox');
    const told = await eventually(async () => {
      const got = await chat.poll();
      return got.length ? got : undefined;
    });
    expect(told.map((r) => r.text)).toEqual([
      expect.stringContaining('«Khâu đột phá về hạ tầng: phát triển hệ thống'),
    ]);
    expect(told[0]!.text).toContain('vừa chuyển sang tình trạng: hoàn thành');
    await jobs.kick('outbox');
    expect(await chat.poll()).toEqual([]);
  });
});
