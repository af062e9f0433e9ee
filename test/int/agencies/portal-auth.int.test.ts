import type { Express } from 'express';
import request from 'supertest';
import { AuthService } from '../../../src/agencies/auth.service';
import type { Database } from '../../../src/db/database';
import { testSystem, type TestSystem } from '../../helpers/system';

const PASSWORD = 'mật-khẩu-rất-dài-2026';

function cookiesOf(res: request.Response): string[] {
  const raw = res.headers['set-cookie'] as unknown;
  return Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : [];
}
function cookieValue(res: request.Response, name: string): string | undefined {
  const c = cookiesOf(res).find((x) => x.startsWith(`${name}=`));
  return c?.split(';')[0]?.slice(name.length + 1);
}
async function expectStatus(pending: Promise<request.Response>, status: number): Promise<request.Response> {
  const res = await pending;
  expect(res.status).toBe(status);
  return res;
}
function hiddenCsrf(text: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
}

describe('agency portal sign-in', () => {
  let system: TestSystem;
  let db: Database;
  let app: Express;
  let now = new Date('2026-11-20T02:00:00Z');
  let auth: AuthService;

  beforeAll(async () => {
    system = await testSystem({ now: () => now });
    ({ db, auth, app } = system);
    await auth.createUser({
      username: 'canbo.xd',
      displayName: 'Trần Thị Bình',
      password: PASSWORD,
      role: 'staff',
      agencyId: 'so-xay-dung',
    });
  });
  afterAll(async () => {
    await system.close();
  });

  async function signIn(username: string, password: string, next = '') {
    const form = await request(app).get('/portal/login').expect(200);
    const csrf = hiddenCsrf(form.text);
    return request(app)
      .post(`/portal/login${next}`)
      .set('Cookie', `tiepdan_login_csrf=${cookieValue(form, 'tiepdan_login_csrf')}`)
      .type('form')
      .send({ _csrf: csrf, username, password });
  }

  it('when the portal is opened without a session, then it redirects to the Vietnamese sign-in form', async () => {
    const res = await request(app).get('/portal').expect(303);
    expect(res.headers.location).toBe('/portal/login?next=%2Fportal');
    const form = await request(app).get('/portal/login').expect(200);
    expect(form.text).toContain('<html lang="vi">');
    expect(form.text).toContain('<label for="password">Mật khẩu</label>');
  });

  it('when the right password is given, then a strict HttpOnly session cookie is set and the desk shows the user', async () => {
    const res = await expectStatus(signIn('CANBO.XD', PASSWORD), 303);
    expect(res.headers.location).toBe('/portal');
    const set = cookiesOf(res).find((c) => c.startsWith('tiepdan_portal='))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const desk = await request(app).get('/portal').set('Cookie', set.split(';')[0]!).expect(200);
    expect(desk.text).toContain('Trần Thị Bình');
    expect(desk.text).toContain('Sở Xây dựng');
    expect(desk.headers['cache-control']).toBe('no-store');
  });

  it('when the password is wrong or the user unknown, then the same message comes back with 401', async () => {
    const wrong = await expectStatus(signIn('canbo.xd', 'sai-mat-khau-123'), 401);
    const unknown = await expectStatus(signIn('khong.ton.tai', 'sai-mat-khau-123'), 401);
    expect(wrong.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa');
    expect(unknown.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa');
    await auth.signIn('canbo.xd', PASSWORD, { ip: '', userAgent: '' }); // resets the failure count
  });

  it('when the form lacks its CSRF token, then sign-in is refused with 403', async () => {
    const res = await request(app)
      .post('/portal/login')
      .type('form')
      .send({ username: 'canbo.xd', password: PASSWORD })
      .expect(403);
    expect(res.text).toContain('Phiên làm việc của biểu mẫu đã hết hạn');
  });

  it('when a redirect target points off the portal, then sign-in lands on the portal instead', async () => {
    const res = await expectStatus(
      signIn('canbo.xd', PASSWORD, `?next=${encodeURIComponent('https://evil.example/portal')}`),
      303,
    );
    expect(res.headers.location).toBe('/portal');
    const ok = await expectStatus(
      signIn('canbo.xd', PASSWORD, `?next=${encodeURIComponent('/portal/tickets?status=new')}`),
      303,
    );
    expect(ok.headers.location).toBe('/portal/tickets?status=new');
  });

  it('when signing out, then the CSRF token is required and the session stops working', async () => {
    const res = await expectStatus(signIn('canbo.xd', PASSWORD), 303);
    const cookie = cookieValue(res, 'tiepdan_portal')!;
    const desk = await request(app).get('/portal').set('Cookie', `tiepdan_portal=${cookie}`).expect(200);
    await request(app)
      .post('/portal/logout')
      .set('Cookie', `tiepdan_portal=${cookie}`)
      .type('form')
      .send({})
      .expect(403);
    await request(app)
      .post('/portal/logout')
      .set('Cookie', `tiepdan_portal=${cookie}`)
      .type('form')
      .send({ _csrf: hiddenCsrf(desk.text) })
      .expect(303);
    await request(app).get('/portal').set('Cookie', `tiepdan_portal=${cookie}`).expect(303);
  });

  it('when five wrong passwords are tried, then the account locks even for the right one, answering as for an unknown user, and unlocks after 15 minutes', async () => {
    await auth.createUser({
      username: 'khoa.thu',
      displayName: 'Lê Khóa',
      password: PASSWORD,
      role: 'staff',
      agencyId: 'so-y-te',
    });
    for (let i = 0; i < 5; i++)
      await expect(
        auth.signIn('khoa.thu', 'sai-mat-khau-xyz', { ip: '', userAgent: '' }),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
    // Locked answers exactly like an unknown user, so the lockout does not reveal which usernames exist.
    const locked = await auth
      .signIn('khoa.thu', PASSWORD, { ip: '', userAgent: '' })
      .catch((e: unknown) => e);
    const unknown = await auth
      .signIn('khong.ai', PASSWORD, { ip: '', userAgent: '' })
      .catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect({ ...(locked as object), message: (locked as Error).message }).toEqual({
      ...(unknown as object),
      message: (unknown as Error).message,
    });
    now = new Date(now.getTime() + 16 * 60_000);
    await expect(auth.signIn('khoa.thu', PASSWORD, { ip: '', userAgent: '' })).resolves.toHaveProperty(
      'token',
    );
  });

  it('when a session sits idle past 2 hours, then it expires', async () => {
    const { token } = await auth.signIn('canbo.xd', PASSWORD, { ip: '', userAgent: '' });
    expect(await auth.resolve(token)).toMatchObject({ username: 'canbo.xd' });
    now = new Date(now.getTime() + 2 * 3600_000 + 1000);
    expect(await auth.resolve(token)).toBeUndefined();
  });

  it('when passwords are stored, then they are argon2id hashes, and short passwords are refused', async () => {
    const row = await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM staff_users WHERE username = 'canbo.xd'`,
    );
    expect(row.rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(
      auth.createUser({ username: 'ngan', displayName: 'N', password: 'ngan', role: 'admin' }),
    ).rejects.toMatchObject({ code: 'weak_password' });
    await expect(
      auth.createUser({ username: 'khong-co-don-vi', displayName: 'N', password: PASSWORD, role: 'staff' }),
    ).rejects.toMatchObject({ code: 'agency_required' });
    await expect(
      auth.createUser({ username: 'CANBO.xd', displayName: 'N', password: PASSWORD, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'username_taken' });
    await expect(
      auth.createUser({
        username: 'ma.sai',
        displayName: 'N',
        password: PASSWORD,
        role: 'staff',
        agencyId: 'so-khong-co',
      }),
    ).rejects.toMatchObject({ code: 'unknown_agency', status: 400 });
    // The database enforces it too: an account cannot point at an agency that does not exist.
    await expect(
      db.query(`UPDATE staff_users SET agency_id = 'so-khong-co' WHERE username = 'canbo.xd'`),
    ).rejects.toThrow(/foreign key/);
  });

  it('when sign-in is hammered from one address, then it is rate limited with the error envelope', async () => {
    let last: request.Response | undefined;
    for (let i = 0; i < 12; i++) last = await request(app).post('/portal/login').type('form').send({});
    expect(last?.status).toBe(429);
    expect(last?.body.error.code).toBe('rate_limited');
  });
});
