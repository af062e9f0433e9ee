import type { Express } from 'express';
import request from 'supertest';
import { Open311Repository } from '../../../src/public/open311/open311.repository';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { createTestDb } from '../../helpers/db';
import { ticketsOn } from '../tickets/helpers';

const KEY = 'conformance-open311-key-0123456789';
const ids = (body: Array<{ service_request_id: string }>) => body.map((r) => r.service_request_id).sort();

// GeoReport v2 points a real Open311 client relies on, one test per point.
describe('Open311 GeoReport v2 conformance', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let app: Express;
  const post = (body: Record<string, string>) =>
    request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: KEY, ...body });

  beforeAll(async () => {
    db = await createTestDb();
    const built = await ticketsOn(db);
    t = built.t;
    app = built.system.app;
    await new Open311Repository(db).addClient('Ứng dụng kiểm thử', KEY);
  });
  afterAll(async () => {
    await db.close();
  });

  it('when lat and long are empty, then they are "not given": no point is stored or published, and without an address 400', async () => {
    const refused = await post({
      service_code: 'giao-thong',
      description: 'Ổ gà giữa đường',
      lat: '',
      long: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([{ code: 400, description: expect.stringMatching(/location/) }]);
    const nullIsland = await post({
      service_code: 'giao-thong',
      description: 'Ổ gà giữa đường',
      lat: '0',
      long: '0',
    });
    expect(nullIsland.status).toBe(400);
    const onlyLat = await post({ service_code: 'giao-thong', description: 'Ổ gà giữa đường', lat: '19.8' });
    expect(onlyLat.status).toBe(400);
    const withAddress = await post({
      service_code: 'giao-thong',
      description: 'Ổ gà giữa đường',
      lat: '',
      long: '',
      address_string: 'Phố Lê Lợi, phường Hạc Thành',
    }).expect(201);
    const code = withAddress.body[0].service_request_id as string;
    const [row] = (await request(app).get(`/open311/v2/requests/${code}.json`).expect(200)).body;
    expect(row).toMatchObject({ lat: null, long: null });
    const stored = await db.query<{ location: unknown }>(
      'SELECT location FROM tickets WHERE tracking_code = $1',
      [code],
    );
    expect(stored.rows[0]?.location).toBeNull();
  });

  it('when only service_code and a location are sent, then the request is accepted; an empty media_url is "not given"', async () => {
    const res = await post({
      service_code: 'moi-truong',
      lat: '19.80',
      long: '105.77',
      media_url: '',
    }).expect(201);
    const code = res.body[0].service_request_id as string;
    const [row] = (await request(app).get(`/open311/v2/requests/${code}.json`).expect(200)).body;
    expect(row.description).toBe('Phản ánh qua ứng dụng Open311, lĩnh vực: Môi trường, rác thải, ô nhiễm.');
    expect(row.media_url).toBeNull();
    const stored = await db.query<{ attachments: unknown[] }>(
      'SELECT attachments FROM tickets WHERE tracking_code = $1',
      [code],
    );
    expect(stored.rows[0]?.attachments).toEqual([]);
    await post({
      service_code: 'moi-truong',
      lat: '19.8',
      long: '105.7',
      description: 'x'.repeat(4001),
    }).expect(400);
    await post({
      service_code: 'moi-truong',
      lat: '19.8',
      long: '105.7',
      media_url: 'javascript:alert(1)',
    }).expect(400);
  });

  it('when api_key is missing, empty or wrong, then 403 before anything else is checked', async () => {
    for (const api_key of [undefined, '', 'sai-khoa']) {
      const body: Record<string, string> = { service_code: 'khong-co' };
      if (api_key !== undefined) body.api_key = api_key;
      const res = await request(app).post('/open311/v2/requests.xml').type('form').send(body);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.text).toContain('<errors><error><code>403</code>');
    }
  });

  it('when service_request_id is given, then it overrides every other filter and takes a comma-delimited list', async () => {
    const old = await t.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Cầu yếu ở thôn 3 cần gia cố',
      origin: { channel: 'open311', conversationId: 'c', userId: 'c' },
      idempotencyKey: 'old-1',
    });
    await db.query(`UPDATE tickets SET created_at = now() - interval '200 days' WHERE id = $1`, [old.id]);
    const answered = await t.tickets.create({
      kind: 'feedback',
      category: 'dien-nuoc',
      description: 'Mất nước sinh hoạt ba ngày',
      origin: { channel: 'open311', conversationId: 'c', userId: 'c' },
      idempotencyKey: 'answered-1',
    });
    await t.staff.answer(answered.id, { text: 'Đã khắc phục đường ống.', actor: 'staff:x' });
    const both = `${old.trackingCode},${answered.trackingCode.toLowerCase()}`;
    const res = await request(app)
      .get(
        `/open311/v2/requests.json?service_request_id=${both}&status=open&service_code=y-te&start_date=2030-01-01T00:00:00Z`,
      )
      .expect(200);
    expect(ids(res.body)).toEqual([old.trackingCode, answered.trackingCode].sort());
    const windowed = await request(app).get('/open311/v2/requests.json').expect(200);
    expect(ids(windowed.body)).not.toContain(old.trackingCode);
  });

  it('when status and service_code are comma-delimited lists, then each value counts', async () => {
    const open = await t.tickets.create({
      kind: 'feedback',
      category: 'y-te',
      description: 'Quán ăn mất vệ sinh gần trường',
      origin: { channel: 'open311', conversationId: 'c', userId: 'c' },
      idempotencyKey: 'list-open',
    });
    const codes = (q: string) => request(app).get(`/open311/v2/requests.json?${q}`).expect(200);
    const byService = await codes('service_code=y-te,dien-nuoc');
    expect(new Set(byService.body.map((r: { service_code: string }) => r.service_code))).toEqual(
      new Set(['y-te', 'dien-nuoc']),
    );
    const byStatus = await codes('status=open,closed&service_code=y-te,dien-nuoc');
    expect(new Set(byStatus.body.map((r: { status: string }) => r.status))).toEqual(
      new Set(['open', 'closed']),
    );
    expect(ids(byStatus.body)).toContain(open.trackingCode);
    await request(app).get('/open311/v2/requests.json?status=open,pending').expect(400);
  });

  it('when a client asks for service discovery, then the document names GeoReport v2 and our endpoint in JSON and XML', async () => {
    const json = await request(app).get('/open311/discovery.json').expect(200);
    expect(json.body).toMatchObject({
      changeset: expect.any(String),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/^http:\/\/.+\/open311\/v2$/),
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const forged = await request(app)
      .get('/open311/v2/discovery.json')
      .set('Host', 'evil.example')
      .expect(200);
    expect(forged.body.endpoints[0].url).not.toContain('evil.example');
    const xml = await request(app).get('/open311/discovery.xml').expect(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toContain(
      '<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>',
    );
    expect(xml.text).toContain(
      '<formats><format>text/xml</format><format>application/json</format></formats>',
    );
  });

  it('when jurisdiction_id is given, then every endpoint accepts ours (or none) and answers 404 for another', async () => {
    const receipt = await post({ service_code: 'giao-thong', address_string: 'Xã Thiệu Toán' }).expect(201);
    const code = receipt.body[0].service_request_id as string;
    const paths = ['/services.json', '/services/y-te.json', '/requests.json', `/requests/${code}.json`];
    for (const p of paths) {
      await request(app).get(`/open311/v2${p}?jurisdiction_id=38`).expect(200);
      await request(app).get(`/open311/v2${p}?jurisdiction_id=`).expect(200);
      const other = await request(app).get(`/open311/v2${p}?jurisdiction_id=01`).expect(404);
      expect(other.body).toEqual([{ code: 404, description: 'jurisdiction_id not found' }]);
    }
    await post({ jurisdiction_id: '01', service_code: 'giao-thong', address_string: 'Xã X' }).expect(404);
  });

  it('when any answer is XML, then it is served as text/xml', async () => {
    for (const p of ['/services.xml', '/services/y-te.xml', '/requests.xml', '/requests/TH-ZZZZZ.xml']) {
      const res = await request(app).get(`/open311/v2${p}`);
      expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    }
  });
});
