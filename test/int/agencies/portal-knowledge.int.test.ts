import type { Express } from 'express';
import request from 'supertest';
import type { Database } from '../../../src/db/database';
import { UPLOADS_JOB, type Knowledge } from '../../../src/knowledge/knowledge';
import { signedInStaff } from '../../helpers/portal';
import { testSystem, type TestSystem } from '../../helpers/system';

const PW = 'mat-khau-du-dai-2026';
const MAX_UPLOAD = 64 * 1024;
const HOURS_DOC = [
  '# Giờ làm việc của Trung tâm Phục vụ hành chính công tỉnh',
  '',
  'Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ từ thứ Hai đến thứ Sáu: buổi sáng từ 7 giờ 30 đến',
  '11 giờ 30, buổi chiều từ 13 giờ 30 đến 17 giờ. Sáng thứ Bảy, Trung tâm tiếp nhận hồ sơ đất đai và hộ tịch.',
].join('\n');
const HOURS_QUESTION = 'Trung tâm phục vụ hành chính công tỉnh tiếp nhận hồ sơ vào giờ nào?';

describe('portal: knowledge-base administration', () => {
  let system: TestSystem;
  let db: Database;
  let knowledge: Knowledge;
  let app: Express;
  const cookie: Record<string, string> = {};
  const env = { KNOWLEDGE_UPLOAD_MAX_BYTES: String(MAX_UPLOAD) };

  beforeAll(async () => {
    system = await testSystem({ env, ingest: true });
    ({ db, knowledge, app } = system);
    Object.assign(
      cookie,
      await signedInStaff(system.auth, PW, [
        ['quantri', 'admin', null],
        ['lanhdao', 'supervisor', 'so-y-te'],
      ]),
    );
  });
  afterAll(async () => {
    await system.close();
  });

  const get = (who: string, url: string) =>
    request(app).get(url).set('Cookie', cookie[who]!).set('Accept', 'text/html');
  const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? 'none';
  async function upload(name: string, bytes: Buffer, fields: Record<string, string> = {}, csrf?: string) {
    const token = csrf ?? csrfOf((await get('quantri', '/portal/admin/knowledge')).text);
    let req = request(app)
      .post('/portal/admin/knowledge/upload')
      .set('Cookie', cookie.quantri!)
      .set('Accept', 'text/html');
    for (const [k, v] of Object.entries({ _csrf: token, ...fields })) req = req.field(k, v);
    return req.attach('file', bytes, name);
  }
  async function post(url: string, form: Record<string, string>) {
    const csrf = csrfOf((await get('quantri', '/portal/admin/questions')).text);
    return request(app)
      .post(url)
      .set('Cookie', cookie.quantri!)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: csrf, ...form });
  }
  const uploadCount = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_uploads')).rows[0]!.n;

  it('when a supervisor opens or posts to the knowledge pages, then 403 and nothing is stored', async () => {
    for (const url of ['/portal/admin/knowledge', '/portal/admin/questions'])
      expect((await get('lanhdao', url)).status).toBe(403);
    const csrf = csrfOf((await get('lanhdao', '/portal')).text);
    const res = await request(app)
      .post('/portal/admin/knowledge/upload')
      .set('Cookie', cookie.lanhdao!)
      .field('_csrf', csrf)
      .attach('file', Buffer.from(HOURS_DOC), 'gio.md');
    expect(res.status).toBe(403);
    expect(await uploadCount()).toBe(0);
    expect((await request(app).get('/portal/admin/knowledge')).status).toBe(303);
  });

  it('when an upload carries no or a wrong CSRF token, then 403 and nothing is queued', async () => {
    expect((await upload('gio.md', Buffer.from(HOURS_DOC), {}, 'sai-token')).status).toBe(403);
    const noToken = await request(app)
      .post('/portal/admin/knowledge/upload')
      .set('Cookie', cookie.quantri!)
      .attach('file', Buffer.from(HOURS_DOC), 'gio.md');
    expect(noToken.status).toBe(403);
    expect(await uploadCount()).toBe(0);
  });

  it('when an administrator uploads a document, then it is ingested, listed as done and the bot answers from it', async () => {
    const before = await knowledge.answerService.ask(HOURS_QUESTION);
    expect(before.citations.map((c) => c.documentId)).not.toContain('uploads/Giờ-làm-việc.md');
    const res = await upload('Giờ làm việc.md', Buffer.from(HOURS_DOC), { issuer: 'Văn phòng UBND tỉnh' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã nhận tệp «Giờ làm việc.md»');
    await system.jobs.kick(UPLOADS_JOB);
    const page = (await get('quantri', '/portal/admin/knowledge')).text;
    expect(page).toMatch(/Hoàn tất \(thêm mới, \d+ đoạn\)/);
    expect(page).toContain('uploads/Giờ-làm-việc.md');
    const after = await knowledge.answerService.ask(HOURS_QUESTION);
    expect(after.grounded).toBe(true);
    expect(after.citations[0]).toMatchObject({ documentId: 'uploads/Giờ-làm-việc.md' });
    expect(after.answer).toContain('7 giờ 30');
    const stored = await db.query<{ bytes: Buffer | null }>('SELECT bytes FROM kb_uploads');
    expect(stored.rows.every((r) => r.bytes === null)).toBe(true); // the text lives in the document now
  });

  it('when the upload is of an unsupported type, too large or not a form, then a clear error and nothing queued', async () => {
    const before = await uploadCount();
    const exe = await upload('virus.exe', Buffer.from('MZ....'));
    expect(exe.status).toBe(400);
    expect(exe.text).toContain('Không hỗ trợ loại tệp «.exe»');
    const big = await upload('to.txt', Buffer.alloc(MAX_UPLOAD * 2, 'a'));
    expect(big.status).toBe(413);
    const broken = await request(app)
      .post('/portal/admin/knowledge/upload')
      .set('Cookie', cookie.quantri!)
      .set('Accept', 'text/html')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nnot a part');
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('Biểu mẫu gửi lên không hợp lệ');
    const badDate = await upload('ngay.txt', Buffer.from('Văn bản có ngày sai.'), { date: 'hôm qua' });
    expect(badDate.status).toBe(400);
    expect(await uploadCount()).toBe(before);
  });

  it('when an uploaded file cannot be read, then its row says failed with the reason, and others go on', async () => {
    await upload('hong.pdf', Buffer.from('%PDF-1.7 this is not really a pdf'));
    await upload(
      'tot.txt',
      Buffer.from('Lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh vào ngày 15 hằng tháng.'),
    );
    await system.jobs.kick(UPLOADS_JOB);
    const page = (await get('quantri', '/portal/admin/knowledge')).text;
    expect(page).toContain('Lỗi: Tệp .pdf bị hỏng hoặc không đúng định dạng');
    const rows = await db.query<{ filename: string; status: string; error_code: string | null }>(
      'SELECT filename, status, error_code FROM kb_uploads WHERE filename IN ($1, $2) ORDER BY id',
      ['hong.pdf', 'tot.txt'],
    );
    expect(rows.rows).toEqual([
      { filename: 'hong.pdf', status: 'failed', error_code: 'ingest_unreadable' },
      { filename: 'tot.txt', status: 'done', error_code: null },
    ]);
  });

  it('when a worker died mid-ingestion (lease expired), then the next start ingests the upload', async () => {
    await db.query(
      `INSERT INTO kb_uploads (filename, document_id, size_bytes, bytes, status, lease_until)
       VALUES ('mo-coi.txt', 'uploads/mo-coi.txt', 10, $1, 'running', now() - interval '1 minute')`,
      [Buffer.from('Thời gian giải quyết thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ là 15 ngày.')],
    );
    const restarted = await testSystem({ db, env });
    restarted.jobs.start();
    await restarted.jobs.kick(UPLOADS_JOB);
    await restarted.close();
    const row = await db.query<{ status: string; chunks: number }>(
      "SELECT status, chunks FROM kb_uploads WHERE filename = 'mo-coi.txt'",
    );
    expect(row.rows[0]).toEqual({ status: 'done', chunks: 1 });
  });

  it('when citizens ask what the knowledge base lacks, then the question is listed once, counted, with personal data hidden', async () => {
    await knowledge.answerService.ask(
      'Xin hỏi lệ phí cấp đổi căn cước cho trẻ em là bao nhiêu? SĐT tôi 0912345678',
    );
    await knowledge.answerService.ask(
      'xin hoi le phi cap doi can cuoc cho tre em la bao nhieu? SDT toi 0912345678',
    );
    const page = (await get('quantri', '/portal/admin/questions')).text;
    expect(page).toContain('Xin hỏi lệ phí cấp đổi căn cước cho trẻ em là bao nhiêu? SĐT tôi [phone]');
    expect(page).toContain('Được hỏi 2 lần');
    expect(page).not.toContain('0912345678');
  });

  it('when an administrator publishes an answer, then the bot answers that question from it and the list moves it', async () => {
    const q = await db.query<{ id: number }>(
      "SELECT id::int AS id FROM kb_unanswered WHERE question LIKE 'Xin hỏi lệ phí cấp đổi căn cước%'",
    );
    const id = q.rows[0]!.id;
    const res = await post(`/portal/admin/questions/${id}/publish`, {
      question: 'Lệ phí cấp đổi thẻ căn cước cho trẻ em là bao nhiêu?',
      answer:
        'Công dân dưới 14 tuổi được cấp thẻ căn cước lần đầu không mất lệ phí; cấp đổi theo yêu cầu là 50.000 đồng.',
      issuer: 'Công an tỉnh',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã công bố câu trả lời vào kho tri thức.');
    const answer = await knowledge.answerService.ask('le phi cap doi the can cuoc cho tre em bao nhieu');
    expect(answer.grounded).toBe(true);
    expect(answer.citations[0]).toMatchObject({ documentId: `hoi-dap/${id}` });
    expect(answer.answer).toContain('50.000 đồng');
    const answered = (await get('quantri', '/portal/admin/questions?trang-thai=answered')).text;
    expect(answered).toContain(`hoi-dap/${id}`);
    expect((await get('quantri', '/portal/admin/questions')).text).not.toContain('cấp đổi căn cước');
  });

  it('when a question is dismissed or unknown, then it leaves the open list, and unknown ids answer 404/400', async () => {
    await knowledge.answerService.ask('Tỉnh có tổ chức giải chạy marathon quốc tế năm sau không?');
    const q = await db.query<{ id: number }>(
      "SELECT id::int AS id FROM kb_unanswered WHERE question LIKE '%marathon%'",
    );
    expect((await post(`/portal/admin/questions/${q.rows[0]!.id}/dismiss`, {})).status).toBe(303);
    expect((await get('quantri', '/portal/admin/questions')).text).not.toContain('marathon');
    expect((await get('quantri', '/portal/admin/questions?trang-thai=dismissed')).text).toContain('marathon');
    expect((await post('/portal/admin/questions/999999/dismiss', {})).status).toBe(404);
    expect(
      (await post('/portal/admin/questions/abc/publish', { question: 'abc', answer: 'xyz' })).status,
    ).toBe(400);
  });

  describe('the province a document is about', () => {
    const ID = 'uploads/Gio-tiep-dan.md';
    const DOC = [
      '# Lịch tiếp công dân của Chủ tịch UBND tỉnh',
      '',
      'Chủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân tỉnh; nếu ngày',
      '15 trùng ngày nghỉ thì lịch tiếp chuyển sang ngày làm việc kế tiếp.',
    ].join('\n');
    const ask = (province: string) =>
      knowledge.answerService.ask(`Chủ tịch UBND tỉnh ${province} tiếp công dân định kỳ vào ngày nào?`);
    const answersFromDoc = async (province: string) => {
      const r = await ask(province);
      return r.grounded && r.citations[0]?.documentId === ID && r.answer.includes('ngày 15');
    };
    const provinceOf = async () =>
      (
        await db.query<{ province: string | null }>(
          'SELECT province FROM kb_document_province WHERE document_id = $1',
          [ID],
        )
      ).rows;

    it('when the file comes with a province, then the bot answers about that province from it and not about another', async () => {
      const res = await upload('Gio tiep dan.md', Buffer.from(DOC), { province: 'thanh hoa' });
      expect(res.status).toBe(200);
      await system.jobs.kick(UPLOADS_JOB);
      expect(await provinceOf()).toEqual([{ province: 'Thanh Hóa' }]);
      expect(await answersFromDoc('Thanh Hóa')).toBe(true);
      expect(await answersFromDoc('Nghệ An')).toBe(false);
      const page = (await get('quantri', '/portal/admin/knowledge')).text;
      expect(page).toContain('value="Thanh Hóa"');
      expect(page).toContain('do quantri đặt; tự nhận diện: không rõ');
    });

    it('when an administrator changes it in the list, then the next question follows it, also after the file is uploaded again', async () => {
      const res = await post('/portal/admin/knowledge/province', { id: ID, province: 'Tỉnh Nghệ An' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('Đã ghi «Lịch tiếp công dân của Chủ tịch UBND tỉnh» là văn bản về Nghệ An.');
      expect(await answersFromDoc('Nghệ An')).toBe(true);
      expect(await answersFromDoc('Thanh Hóa')).toBe(false);
      // A new version of the text replaces the document row; the administrator's choice stays.
      await upload(
        'Gio tiep dan.md',
        Buffer.from(`${DOC}\nCông dân đăng ký trước qua số điện thoại của Trụ sở.`),
      );
      await system.jobs.kick(UPLOADS_JOB);
      expect(await provinceOf()).toEqual([{ province: 'Nghệ An' }]);
      expect(await answersFromDoc('Nghệ An')).toBe(true);
    });

    it('when it is set to no province or cleared, then the document answers for any province again', async () => {
      const none = await post('/portal/admin/knowledge/province', {
        id: ID,
        province: 'Không gắn với tỉnh nào (toàn quốc)',
      });
      expect(none.text).toContain('là văn bản không gắn với tỉnh nào.');
      expect(await provinceOf()).toEqual([{ province: null }]);
      expect(await answersFromDoc('Thanh Hóa')).toBe(true);
      const cleared = await post('/portal/admin/knowledge/province', { id: ID, province: '' });
      expect(cleared.text).toContain('trở lại tỉnh, thành phố do hệ thống tự nhận diện.');
      expect(await provinceOf()).toEqual([]);
      expect(await answersFromDoc('Nghệ An')).toBe(true);
    });

    it('when the province is unknown, the document missing or the user not an administrator, then a clear refusal and nothing changes', async () => {
      const unknown = await post('/portal/admin/knowledge/province', { id: ID, province: 'Atlantis' });
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('Không có tỉnh, thành phố nào mang tên này.');
      const missing = await post('/portal/admin/knowledge/province', { id: 'khong-co', province: 'Huế' });
      expect(missing.status).toBe(404);
      const badUpload = await upload('khac.md', Buffer.from(DOC), { province: 'Atlantis' });
      expect(badUpload.status).toBe(400);
      const csrf = csrfOf((await get('lanhdao', '/portal')).text);
      const supervisor = await request(app)
        .post('/portal/admin/knowledge/province')
        .set('Cookie', cookie.lanhdao!)
        .type('form')
        .send({ _csrf: csrf, id: ID, province: 'Huế' });
      expect(supervisor.status).toBe(403);
      expect(await provinceOf()).toEqual([]);
    });
  });

  it('when an administrator removes a document, then its chunks are gone and it is no longer cited', async () => {
    const res = await post('/portal/admin/knowledge/delete', { id: 'uploads/Giờ-làm-việc.md' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã xóa văn bản khỏi kho tri thức.');
    const chunks = await db.query("SELECT 1 FROM kb_chunks WHERE document_id = 'uploads/Giờ-làm-việc.md'");
    expect(chunks.rows).toHaveLength(0);
    const after = await knowledge.answerService.ask(HOURS_QUESTION);
    expect(after.citations.map((c) => c.documentId)).not.toContain('uploads/Giờ-làm-việc.md');
    expect((await post('/portal/admin/knowledge/delete', { id: 'khong-co' })).status).toBe(404);
  });
});
