import type { Express } from 'express';
import request from 'supertest';
import type { AuthService } from '../../../src/agencies/auth.service';
import { testSystem, type TestSystem } from '../../helpers/system';

const ISSUED = 'tam-thoi-Xk93-pq27-ZZ';
const OWN = 'cá voi xanh bơi ngược 2026';

function sessionCookie(res: request.Response): string | undefined {
  const raw = res.headers['set-cookie'] as unknown;
  const list = Array.isArray(raw) ? (raw as string[]) : raw ? [String(raw)] : [];
  return list.find((c) => c.startsWith('tiepdan_portal='))?.split(';')[0];
}
const csrfOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';

describe('portal accounts: own password, issued passwords', () => {
  let system: TestSystem;
  let app: Express;
  let auth: AuthService;

  beforeAll(async () => {
    system = await testSystem();
    ({ app, auth } = system);
    await auth.createUser({
      username: 'moi.vao',
      displayName: 'Lê Văn Mới',
      password: ISSUED,
      role: 'staff',
      agencyId: 'so-y-te',
      temporary: true,
    });
    await auth.createUser({
      username: 'lau.nam',
      displayName: 'Phạm Thị Lâu',
      password: 'mật-khẩu-riêng-của-tôi-9',
      role: 'staff',
      agencyId: 'so-y-te',
    });
  });
  afterAll(async () => system.close());

  async function signIn(username: string, password: string): Promise<string> {
    const form = await request(app).get('/portal/login').expect(200);
    const loginCookie = (form.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const res = await request(app)
      .post('/portal/login')
      .set('Cookie', loginCookie)
      .type('form')
      .send({ _csrf: csrfOf(form.text), username, password })
      .expect(303);
    return sessionCookie(res)!;
  }
  const page = (cookie: string, url: string) =>
    request(app).get(url).set('Cookie', cookie).set('Accept', 'text/html');
  async function change(cookie: string, form: Record<string, string>, csrf?: string) {
    const token = csrf ?? csrfOf((await page(cookie, '/portal/account/password')).text);
    return request(app)
      .post('/portal/account/password')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, ...form });
  }

  it('when an account has an issued password, then every portal page leads to the change form until it is changed', async () => {
    const cookie = await signIn('moi.vao', ISSUED);
    const desk = await page(cookie, '/portal').expect(303);
    expect(desk.headers.location).toBe('/portal/account/password');
    const form = await page(cookie, '/portal/account/password').expect(200);
    expect(form.text).toContain('Mật khẩu này do quản trị viên cấp');
    const post = await request(app)
      .post('/portal/notifications/read')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfOf(form.text), upTo: '1' });
    expect(post.status).toBe(403);

    const changed = await change(cookie, { current: ISSUED, next: OWN, confirm: OWN });
    expect(changed.status).toBe(303);
    const fresh = sessionCookie(changed)!;
    // The old session ended with the change; the new one opens the desk.
    expect((await page(cookie, '/portal')).status).toBe(303);
    const desk2 = await page(fresh, '/portal').expect(200);
    // Every portal page's header leads to the change form.
    expect(desk2.text).toContain('<a href="/portal/account/password"');
    expect((await page(fresh, '/portal/account/password?xong=1')).text).toContain('Đã đổi mật khẩu');
    await signIn('moi.vao', OWN);
  });

  it('when the current password is wrong, the new one weak, common, holding the name or not confirmed, then 400 and nothing changes', async () => {
    const cookie = await signIn('lau.nam', 'mật-khẩu-riêng-của-tôi-9');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ current: 'sai-mat-khau-hien-tai', next: OWN, confirm: OWN }, /Mật khẩu hiện tại không đúng/],
      [{ current: 'mật-khẩu-riêng-của-tôi-9', next: 'ngắn', confirm: 'ngắn' }, /ít nhất 12 ký tự/],
      [
        { current: 'mật-khẩu-riêng-của-tôi-9', next: 'Password12345!', confirm: 'Password12345!' },
        /quá phổ biến/,
      ],
      [
        { current: 'mật-khẩu-riêng-của-tôi-9', next: 'lau.nam-2026-xyz', confirm: 'lau.nam-2026-xyz' },
        /không được chứa/,
      ],
      [
        { current: 'mật-khẩu-riêng-của-tôi-9', next: 'Sở Y tế muôn năm!', confirm: 'Sở Y tế muôn năm!' },
        /không được chứa/,
      ],
      [{ current: 'mật-khẩu-riêng-của-tôi-9', next: OWN, confirm: `${OWN}!` }, /không khớp/],
    ];
    for (const [form, message] of cases) {
      const res = await change(cookie, form);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(message);
    }
    await signIn('lau.nam', 'mật-khẩu-riêng-của-tôi-9');
  });

  it('when the change is posted without the CSRF token or without a session, then it is refused', async () => {
    const cookie = await signIn('lau.nam', 'mật-khẩu-riêng-của-tôi-9');
    const noCsrf = await change(
      cookie,
      { current: 'mật-khẩu-riêng-của-tôi-9', next: OWN, confirm: OWN },
      'sai',
    );
    expect(noCsrf.status).toBe(403);
    const anonymous = await request(app).get('/portal/account/password').expect(303);
    expect(anonymous.headers.location).toMatch(/^\/portal\/login/);
  });

  it('when an administrator resets a password, then the account must change it at the next sign-in', async () => {
    await auth.changePassword('lau.nam', 'cap-lai-Qm82-vv41-KK', { temporary: true });
    const cookie = await signIn('lau.nam', 'cap-lai-Qm82-vv41-KK');
    expect((await page(cookie, '/portal')).headers.location).toBe('/portal/account/password');
  });
});
