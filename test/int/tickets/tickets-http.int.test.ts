import request from 'supertest';
import type { Database } from '../../../src/db/database';
import { createTestDb } from '../../helpers/db';
import { memoryLogger } from '../../helpers/app';
import { ticketsOn, webTicket } from './helpers';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import type { Express } from 'express';
import type { TestSystem } from '../../helpers/system';

describe('tickets over HTTP', () => {
  let db: Database;
  let t: TicketsModule;
  let app: Express;
  beforeAll(async () => {
    db = await createTestDb();
    let system: TestSystem;
    ({ t, system } = await ticketsOn(db));
    app = system.app;
  });
  afterAll(async () => {
    await db.close();
  });

  it('when posting a message to /api/triage, then the answer has exactly the contract fields and nothing is created', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    const res = await request(app)
      .post('/api/triage')
      .send({ text: 'cau tran o xa thieu chinh bi sat, xe khong qua duoc' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: 'feedback',
      category: 'giao-thong',
      commune: { code: '15820', name: 'Xã Thiệu Toán' },
      agency: { id: 'ubnd-15820', name: 'UBND Xã Thiệu Toán' },
    });
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it.each([
    ['/api/triage', {}],
    ['/api/triage', { text: '' }],
    ['/api/triage', { text: 42 }],
    ['/api/triage', { text: 'x'.repeat(4001) }],
    ['/api/tickets/lookup', { trackingCode: 'TH-22222' }],
    ['/api/tickets/lookup', { trackingCode: 'TH-22222', pin: '12' }],
    ['/api/tickets/rating', { trackingCode: 'TH-22222', pin: '123456', rating: 9 }],
    ['/api/tickets/rating', { trackingCode: 'TH-22222', pin: '123456' }],
  ])(
    'when posting bad input to %s (%j), then 400 validation_failed with a Vietnamese message',
    async (url, body) => {
      const res = await request(app).post(url).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/hợp lệ/);
    },
  );

  it('when the body is not JSON, then 400 invalid_json', async () => {
    const res = await request(app)
      .post('/api/triage')
      .set('Content-Type', 'application/json')
      .send('{"text":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('when looking up with the right code and PIN, then the public status comes back without personal data', async () => {
    const r = await t.tickets.create(
      webTicket('Mất nước ở xã Như Thanh', { contact: { phone: '0912345678', consentAt: new Date() } }),
    );
    const res = await request(app)
      .post('/api/tickets/lookup')
      .send({ trackingCode: r.trackingCode, pin: r.pin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ trackingCode: r.trackingCode, status: 'assigned' });
    expect(JSON.stringify(res.body)).not.toContain('0912345678');
    const wrong = await request(app)
      .post('/api/tickets/lookup')
      .send({ trackingCode: r.trackingCode, pin: r.pin === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('ticket_not_found');
  });

  it('when one client looks up too often, then it gets 429 rate_limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++)
      codes.push(
        (await request(app).post('/api/tickets/lookup').send({ trackingCode: 'TH-23456', pin: '123456' }))
          .status,
      );
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 404).length).toBeLessThanOrEqual(20);
  });

  it('when an unknown category is given to create, then unknown_category', async () => {
    await expect(
      t.tickets.create(webTicket('Nội dung thử nghiệm', { category: 'khong-co' })),
    ).rejects.toMatchObject({ code: 'unknown_category', status: 400 });
    await expect(t.tickets.create(webTicket('x'))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('when a ticket with a phone number is filed and looked up, then no log line holds the number or the text', async () => {
    const mem = memoryLogger('debug');
    const { t: logged } = await ticketsOn(db, { logger: mem.logger });
    const r = await logged.tickets.create(
      webTicket('Gọi tôi 0987654321 về vụ mất nước ở xã Như Thanh', {
        contact: { name: 'Trần Thị B', phone: '0987654321', consentAt: new Date() },
      }),
    );
    await logged.tickets.lookup(r.trackingCode, r.pin, 'directline:test');
    const lines = mem.lines().join('\n');
    expect(lines).toContain('ticket created');
    expect(lines).not.toContain('0987654321');
    expect(lines).not.toContain('Trần Thị B');
    expect(lines).not.toContain('mất nước');
  });
});
