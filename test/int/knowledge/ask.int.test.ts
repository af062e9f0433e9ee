import request from 'supertest';
import type { Express } from 'express';
import { vi } from '../../../src/i18n/strings.vi';
import { createApp } from '../../../src/app';
import type { Knowledge } from '../../../src/knowledge/knowledge';
import { memoryLogger, testConfig } from '../../helpers/app';
import type { Database } from '../../../src/db/database';
import { testSystem, type TestSystem } from '../../helpers/system';

describe('POST /api/ask', () => {
  let system: TestSystem;
  let db: Database;
  let app: Express;
  let knowledge: Knowledge;

  beforeAll(async () => {
    system = await testSystem({ ingest: true });
    ({ db, app, knowledge } = system);
  });
  afterAll(async () => {
    await system.close();
  });

  it('when asked about a resolution in the corpus, then it answers with a quote and a citation', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Nghị quyết 58 của Bộ Chính trị về nội dung gì?' });
    expect(res.status).toBe(200);
    expect(res.body.grounded).toBe(true);
    expect(res.body.answer).toContain('xây dựng và phát triển tỉnh Thanh Hóa đến năm 2030');
    expect(res.body.citations[0]).toEqual(
      expect.objectContaining({ documentId: '002_625b85d0fcfa8584.txt', date: '2022-02', quote: expect.any(String) }),
    );
    expect(Object.keys(res.body.citations[0]).sort()).toEqual(['date', 'documentId', 'quote', 'source', 'title']);
  });

  it('when the question is typed without accents, then it still finds the answer', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'ty le do thi hoa cua thai nguyen dat bao nhieu' });
    expect(res.body.grounded).toBe(true);
    expect(res.body.answer).toContain('32%');
    expect(res.body.citations[0].documentId).toBe('004_4e0421a0a6a5a6d4.txt');
  });

  it('when the fact exists only for another province, then the answer says so, cites it, and is not grounded', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Thanh Hóa thu ngân sách năm 2020 được bao nhiêu?' });
    expect(res.body.grounded).toBe(false);
    expect(res.body.answer).toContain(vi.knowledge.otherEntity('Thanh Hóa', 'Thái Nguyên'));
    expect(res.body.answer).toContain('15.608');
    expect(res.body.citations[0].documentId).toBe('004_4e0421a0a6a5a6d4.txt');
  });

  it('when the question names the congress XX, then the answer comes from the XX document, not the XIX one', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Nghị quyết Đại hội XX tỉnh Thanh Hóa có mấy khâu đột phá?' });
    expect(res.body.grounded).toBe(true);
    expect(res.body.answer).toContain('3 khâu đột phá chiến lược');
    expect(res.body.citations.map((c: { documentId: string }) => c.documentId)).toEqual(['000_ba9774b2edd0ca82.txt']);
  });

  it('when a question asks "mấy", then the answer leads with the sentence holding the number, short, quoted once, with a linked source', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Thanh Hóa có mấy nhiệm vụ trọng tâm?' });
    const [lead, source] = (res.body.answer as string).split('\n\n');
    expect(lead).toContain('8 nhiệm vụ trọng tâm');
    expect((lead as string).length).toBeLessThanOrEqual(402);
    expect(source).toMatch(/^Nguồn: «Cam kết hành động rõ ràng/);
    expect(res.body.answer.split('8 nhiệm vụ trọng tâm')).toHaveLength(2);
  });

  it('when a document gives its link at the end, then the source line links it without a trailing quote', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Ông Nguyễn Hồng Phong khảo sát khu di tích nào?' });
    expect(res.body.answer).toContain('đền Phủ Na');
    expect(res.body.answer).toContain('— http://baothanhhoa.vn/tap-trung-lanh-dao-chi-dao-quyet-liet-cac-nhiem-vu-trong-tam-tao-xung-luc-moi-thuc-day-phat-trien-281735.htm');
    expect(res.body.answer).not.toMatch(/%E2%80%9D|htm”/);
  });

  it('when asked something the corpus does not hold, then it is ungrounded and offers to forward', async () => {
    const res = await request(app).post('/api/ask').send({ question: 'Thời tiết Hà Nội ngày mai thế nào?' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ answer: expect.stringContaining('chuyển câu hỏi'), grounded: false, citations: [] });
  });

  it.each([
    ['an empty question', { question: '   ' }],
    ['a 10 kB question', { question: 'a'.repeat(10_000) }],
    ['a number instead of text', { question: 42 }],
    ['no question field', { q: 'Nghị quyết 58' }],
  ])('when the body has %s, then it is a 400 with the question_invalid envelope', async (_name, body) => {
    const res = await request(app).post('/api/ask').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'question_invalid', message: expect.any(String) }));
  });

  it('when the body is not JSON, then it is a 400 invalid_json envelope', async () => {
    const res = await request(app).post('/api/ask').set('Content-Type', 'application/json').send('{"question": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('when one client asks more often than the limit, then it gets 429 rate_limited', async () => {
    // On a server the counters are shared by every app on the database: start from none.
    await db.query('DELETE FROM rate_limit');
    const limited = createApp({
      config: testConfig(),
      db,
      logger: memoryLogger().logger,
      knowledge: { answerService: knowledge.answerService, askRateLimitPerMinute: 2 },
    });
    const ask = () => request(limited).post('/api/ask').send({ question: 'Ai là Bí thư Tỉnh ủy Hậu Giang?' });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate_limited');
  });
});
