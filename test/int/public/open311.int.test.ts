import type { Express } from 'express';
import request from 'supertest';
import { Open311Repository } from '../../../src/public/open311/open311.repository';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { memoryLogger } from '../../helpers/app';
import { createTestDb } from '../../helpers/db';
import { ticketsOn } from '../tickets/helpers';
import type { TestSystem } from '../../helpers/system';

const KEY = 'test-open311-key-0123456789';
// Field names of a GeoReport v2 service request, as the specification lists them.
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();

const log = memoryLogger('error');

describe('Open311 GeoReport v2', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let app: Express;

  beforeAll(async () => {
    db = await createTestDb();
    let system: TestSystem;
    ({ t, system } = await ticketsOn(db, { logger: log.logger }));
    await new Open311Repository(db).addClient('Ứng dụng thử', KEY);
    app = system.app;
  });
  afterAll(async () => {
    await db.close();
  });

  it('when a client lists services, then every category comes back with the spec fields, in JSON and XML', async () => {
    const json = await request(app).get('/open311/v2/services.json').expect(200);
    expect(json.body).toHaveLength(13);
    expect(Object.keys(json.body[0]).sort()).toEqual([
      'description',
      'group',
      'keywords',
      'metadata',
      'service_code',
      'service_name',
      'type',
    ]);
    expect(json.body[0]).toMatchObject({
      service_code: 'giao-thong',
      service_name: 'Giao thông, đường sá',
      metadata: false,
      type: 'realtime',
    });
    const xml = await request(app).get('/open311/v2/services.xml?jurisdiction_id=38').expect(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>giao-thong<\/service_code>/,
    );
    const def = await request(app).get('/open311/v2/services/y-te.json').expect(200);
    expect(def.body).toEqual({ service_code: 'y-te', attributes: [] });
  });

  it('when a client posts a request with its API key, then it becomes a routed ticket readable by id and by token', async () => {
    const posted = await request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({
        api_key: KEY,
        jurisdiction_id: '38',
        service_code: 'moi-truong',
        description: 'Bãi rác tự phát bốc mùi hôi cạnh kênh Bắc',
        lat: '19.8075',
        long: '105.7760',
        address_string: 'Phường Hạc Thành, Thanh Hóa',
        phone: '0912345678',
      })
      .expect(201);
    const [receipt] = posted.body as Array<{ service_request_id: string; service_notice: string }>;
    expect(receipt?.service_request_id).toMatch(/^[A-Z]{2,3}-[0-9A-Z]{5,}$/);
    // GeoReport v2: a token only when the id is not known at once; ours is, so the answer carries no token.
    expect(receipt).not.toHaveProperty('token');
    expect(receipt?.service_notice).toMatch(/^Đã chuyển /);
    const read = await request(app)
      .get(`/open311/v2/requests/${receipt!.service_request_id}.json`)
      .expect(200);
    expect(Object.keys(read.body[0]).sort()).toEqual(REQUEST_FIELDS);
    expect(read.body[0]).toMatchObject({
      status: 'open',
      service_code: 'moi-truong',
      lat: 19.8075,
      long: 105.776,
    });
    // No consent=true was sent, so the phone number was not stored.
    const row = await db.query<{ id: string; contact_phone: string | null }>(
      'SELECT id, contact_phone FROM tickets WHERE tracking_code = $1',
      [receipt!.service_request_id],
    );
    expect(row.rows[0]?.contact_phone).toBeNull();
    // Tokens handed out before (the ticket id) still resolve.
    const token = await request(app).get(`/open311/v2/tokens/${row.rows[0]!.id}.json`).expect(200);
    expect(token.body).toEqual([{ service_request_id: receipt!.service_request_id, token: row.rows[0]!.id }]);
  });

  it('when a request is answered, then it lists as closed with the answer as status notes, filtered by status', async () => {
    const receipt = await t.tickets.create({
      kind: 'feedback',
      category: 'dien-nuoc',
      description: 'Đèn chiếu sáng đường Lê Lợi hỏng cả tuần nay',
      origin: { channel: 'open311', conversationId: 'c', userId: 'c' },
      idempotencyKey: 'answered-1',
    });
    await t.staff.answer(receipt.id, { text: 'Đã thay bóng đèn ngày 05/03.', actor: 'staff:ct' });
    const closed = await request(app).get('/open311/v2/requests.json?status=closed').expect(200);
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      receipt.trackingCode,
    ]);
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: 'Đã thay bóng đèn ngày 05/03.' });
    const open = await request(app).get('/open311/v2/requests.json?status=open').expect(200);
    expect(open.body.every((r: { status: string }) => r.status === 'open')).toBe(true);
    const xml = await request(app).get(`/open311/v2/requests/${receipt.trackingCode}.xml`).expect(200);
    expect(xml.text).toContain('<service_requests><request><service_request_id>');
    expect(xml.text).toContain('<status>closed</status>');
  });

  it('when complaints exist, then Open311 never lists them', async () => {
    const c = await t.tickets.create({
      kind: 'complaint',
      category: 'dat-dai',
      description: 'Khiếu nại quyết định thu hồi đất của UBND xã',
      origin: { channel: 'directline', conversationId: 'k', userId: 'k' },
      idempotencyKey: 'complaint-1',
    });
    await request(app).get(`/open311/v2/requests/${c.trackingCode}.json`).expect(404);
  });

  it.each([
    [{ service_code: 'giao-thong', description: 'Ổ gà lớn giữa đường', lat: '19.8', long: '105.7' }, 403],
    [
      {
        api_key: 'wrong',
        service_code: 'giao-thong',
        description: 'Ổ gà lớn giữa đường',
        lat: '19.8',
        long: '105.7',
      },
      403,
    ],
    [
      {
        api_key: KEY,
        service_code: 'khong-co',
        description: 'Ổ gà lớn giữa đường',
        lat: '19.8',
        long: '105.7',
      },
      404,
    ],
    [{ api_key: KEY, service_code: 'giao-thong', description: 'Ổ gà lớn giữa đường' }, 400],
    [{ api_key: KEY, service_code: 'giao-thong', description: 'Ổ gà', lat: '999', long: '105.7' }, 400],
  ])('when a POST is bad (%j), then %i with [{code, description}]', async (body, status) => {
    const res = await request(app).post('/open311/v2/requests.json').type('form').send(body).expect(status);
    expect(res.body).toEqual([{ code: status, description: expect.any(String) }]);
  });

  it('when a description holds control characters, then requests.xml stays well-formed XML 1.0 as text/xml', async () => {
    const posted = await request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({
        api_key: KEY,
        service_code: 'giao-thong',
        description: 'Ổ gà\u0001 giữa đường\u000b Lê Lợi \u001b[31m rất nguy hiểm',
        lat: '19.80',
        long: '105.77',
      })
      .expect(201);
    const id = (posted.body as Array<{ service_request_id: string }>)[0]!.service_request_id;
    // Also a ticket that reached the database by another path, before input cleaning existed.
    const older = await t.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Đèn tín hiệu hỏng\u0002\u0008 ở ngã tư',
      origin: { channel: 'open311', conversationId: 'c', userId: 'c' },
      idempotencyKey: 'control-chars-1',
    });
    for (const code of [id, older.trackingCode]) {
      const xml = await request(app).get(`/open311/v2/requests/${code}.xml`).expect(200);
      expect(xml.headers['content-type']).toMatch(/^text\/xml/);
      // eslint-disable-next-line no-control-regex
      expect(xml.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    }
    const json = await request(app).get(`/open311/v2/requests/${id}.json`).expect(200);
    expect(json.body[0].description).toBe('Ổ gà giữa đường Lê Lợi [31m rất nguy hiểm');
  });

  it('when a request is published, then address and text pass redaction and an open ticket shows no photo', async () => {
    const receipt = await t.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Ổ gà trước nhà, gọi (+84) 912 345 678 hoặc an.nguyen [at] gmail.com',
      location: { lat: 19.8, lon: 105.77, address: 'Số 12 ngõ 5, chị Hoa 0381 2345 6789' },
      attachments: [
        {
          url: 'http://127.0.0.1/v3/directline/attachments/0b9d7c1e-1f7e-4d53-9a4c-3c3f1f2d8e11',
          contentType: 'image/jpeg',
        },
      ],
      origin: { channel: 'directline', conversationId: 'c-media', userId: 'u-media' },
      idempotencyKey: 'redact-open311-1',
    });
    const [row] = (await request(app).get(`/open311/v2/requests/${receipt.trackingCode}.json`).expect(200))
      .body as Array<Record<string, unknown>>;
    expect(row?.address).toBe('Số 12 ngõ 5, chị Hoa [id]');
    expect(row?.description).toBe('Ổ gà trước nhà, gọi [phone] hoặc [email]');
    expect(row?.media_url).toBeNull();
    await t.staff.answer(receipt.id, { text: 'Đã vá, liên hệ 0237 3852 123 nếu cần.', actor: 'staff:x' });
    const [closed] = (await request(app).get(`/open311/v2/requests/${receipt.trackingCode}.json`).expect(200))
      .body as Array<Record<string, unknown>>;
    expect(closed?.status_notes).toBe('Đã vá, liên hệ [phone] nếu cần.');
    // A web-chat upload is never published, even once the request is closed.
    expect(closed?.media_url).toBeNull();
  });

  it('when the format, jurisdiction or id is unknown, then GeoReport errors come back (XML for .xml)', async () => {
    expect((await request(app).get('/open311/v2/services.csv').expect(400)).body[0].code).toBe(400);
    expect(
      (await request(app).get('/open311/v2/services.json?jurisdiction_id=01').expect(404)).body[0].code,
    ).toBe(404);
    const xml = await request(app).get('/open311/v2/requests/TH-ZZZZZ.xml').expect(404);
    expect(xml.text).toContain('<errors><error><code>404</code><description>');
    await request(app).get('/open311/v2/tokens/not-a-uuid.json').expect(404);
  });

  it('when the same idempotency key is posted twice, then one ticket results', async () => {
    const body = {
      api_key: KEY,
      service_code: 'giao-thong',
      description: 'Cầu tràn bị sạt lở, xe không qua được',
      address_string: 'Xã Thiệu Toán',
      idempotency_key: 'app-123',
    };
    const a = await request(app).post('/open311/v2/requests.json').type('form').send(body).expect(201);
    const b = await request(app).post('/open311/v2/requests.json').type('form').send(body).expect(201);
    expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id);
  });

  it('when the client says the citizen consented, then name and phone are stored with the consent time', async () => {
    const res = await request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({
        api_key: KEY,
        service_code: 'y-te',
        description: 'Cơ sở bán thực phẩm không rõ nguồn gốc',
        address_string: 'Chợ Vườn Hoa',
        first_name: 'An',
        last_name: 'Lê',
        phone: '0987654321',
        consent: 'true',
      })
      .expect(201);
    const row = await db.query<{ contact_name: string; contact_phone: string; contact_consent_at: Date }>(
      'SELECT contact_name, contact_phone, contact_consent_at FROM tickets WHERE tracking_code = $1',
      [res.body[0].service_request_id],
    );
    expect(row.rows[0]).toMatchObject({
      contact_name: 'An Lê',
      contact_phone: '0987654321',
      contact_consent_at: expect.any(Date),
    });
    const publicView = await request(app)
      .get(`/open311/v2/requests/${res.body[0].service_request_id}.json`)
      .expect(200);
    expect(JSON.stringify(publicView.body)).not.toMatch(/0987654321|An Lê/);
  });
});
