import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../src/app';
import { createTestDb } from '../../helpers/db';
import { memoryLogger, testConfig } from '../../helpers/app';

describe('HTTP app', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: Express;
  let shuttingDown = false;
  const log = memoryLogger();

  beforeAll(async () => {
    db = await createTestDb();
    app = createApp({
      config: testConfig({ BODY_LIMIT_BYTES: '2048' }),
      db,
      logger: log.logger,
      isShuttingDown: () => shuttingDown,
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('when /healthz is asked, then it answers ok', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when the database is reachable and migrated, then /readyz is 200', async () => {
    const res = await request(app).get('/readyz').expect(200);
    expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('when a probe hits /readyz, then its request line is logged at debug, not info', async () => {
    await request(app).get('/readyz').set('X-Request-Id', 'probe-1').expect(200);
    const line = log.lines().find((l) => l.includes('"probe-1"'));
    expect(JSON.parse(line ?? '{}')).toMatchObject({ level: 20, req: { path: '/readyz' } });
  });

  it('when a migration is missing from the database, then /readyz is 503 and names it', async () => {
    const [row] = (await db.query<{ version: string }>('SELECT version FROM schema_migrations LIMIT 1')).rows;
    await db.query('DELETE FROM schema_migrations WHERE version = $1', [row?.version]);
    try {
      const res = await request(app).get('/readyz').expect(503);
      expect(res.body.status).toBe('not_ready');
      expect(res.body.checks.migrations).toContain(row?.version);
    } finally {
      await db.query(`INSERT INTO schema_migrations (version, name, checksum) SELECT $1, 'x', 'x'`, [
        row?.version,
      ]);
    }
  });

  it('when shutdown has begun, then /readyz is 503 while /healthz stays 200', async () => {
    shuttingDown = true;
    try {
      await request(app).get('/healthz').expect(200);
      const res = await request(app).get('/readyz').expect(503);
      expect(res.body.checks.shutdown).toBe('in progress');
    } finally {
      shuttingDown = false;
    }
  });

  it('when /metrics is scraped, then Prometheus text with the request histogram comes back', async () => {
    await request(app).get('/healthz');
    const res = await request(app).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /tiepdan_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(res.text).toContain('tiepdan_process_cpu_user_seconds_total');
  });

  it('when the JSON body is malformed, then 400 with the error envelope in Vietnamese', async () => {
    const res = await request(app)
      .post('/healthz')
      .set('Content-Type', 'application/json')
      .send('{"question": "thiếu dấu ngoặc"')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.message).toMatch(/JSON/);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('when the body is larger than the limit, then 413 with the error envelope', async () => {
    const res = await request(app)
      .post('/anything')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(5000) }))
      .expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('when the route does not exist, then 404 with the error envelope', async () => {
    const res = await request(app).get('/no/such/page').expect(404);
    expect(res.body).toEqual({
      error: { code: 'not_found', message: 'Không tìm thấy địa chỉ này.', requestId: expect.any(String) },
    });
  });

  it('when a caller sends a safe X-Request-Id, then it is echoed; an unsafe one is replaced', async () => {
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'bad id; with spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when responses go out, then security headers are set and the framework is not advertised', async () => {
    const res = await request(app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when requests are logged, then query strings and bodies are not', async () => {
    await request(app)
      .post('/nope?pin=123456')
      .set('Content-Type', 'application/json')
      .send({ text: 'số 0912345678' });
    const joined = log.lines().join('\n');
    expect(joined).toContain('"/nope"');
    expect(joined).not.toContain('123456');
    expect(joined).not.toContain('0912345678');
  });
});
