import type { Express } from 'express';
import request from 'supertest';
import { AuthService } from '../../../src/agencies/auth.service';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { createTestDb } from '../../helpers/db';
import { signedInStaff } from '../../helpers/portal';
import { ticketsOn, webTicket } from '../tickets/helpers';
import type { TestSystem } from '../../helpers/system';

const PW = 'mat-khau-du-dai-2026';

describe('portal administration', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let t: TicketsModule;
  let app: Express;
  let auth: AuthService;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDb();
    let system: TestSystem;
    ({ t, system } = await ticketsOn(db));
    auth = system.auth;
    Object.assign(
      cookie,
      await signedInStaff(auth, PW, [
        ['quantri', 'admin', null],
        ['canbo', 'supervisor', 'so-y-te'],
      ]),
    );
    app = system.app;
  });
  afterAll(async () => {
    await db.close();
  });

  const get = (who: string, url: string) =>
    request(app).get(url).set('Cookie', cookie[who]!).set('Accept', 'text/html');
  async function post(who: string, url: string, form: Record<string, string>) {
    const page = await get(who, '/portal/admin/users');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? 'none';
    return request(app)
      .post(url)
      .set('Cookie', cookie[who]!)
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: csrf, ...form });
  }

  it('when an admin or case route gets a malformed id, then it is refused or ignored, never a 500', async () => {
    const ids = ['not-a-uuid', '99999999999999999999', '%E0%A4%A', '-1', "1'--", 'x'.repeat(400)];
    const failures: string[] = [];
    for (const id of ids) {
      for (const url of [
        `/portal/admin/users/${id}/reset`,
        `/portal/admin/users/${id}/disable`,
        `/portal/admin/agencies/${id}`,
        `/portal/admin/routing/${id}`,
        `/portal/admin/canned/${id}/delete`,
      ]) {
        const res = await post('quantri', url, { name: 'x', agency_id: 'so-y-te', email: '' });
        if (res.status >= 500) failures.push(`POST ${url.slice(0, 60)} → ${res.status}`);
      }
      const page = await get('quantri', `/portal/tickets/${id}`);
      if (page.status < 400 || page.status >= 500)
        failures.push(`GET ticket ${id.slice(0, 30)} → ${page.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('when a non-administrator opens or posts to an admin page, then 403', async () => {
    for (const url of [
      '/portal/admin/users',
      '/portal/admin/routing',
      '/portal/admin/agencies',
      '/portal/admin/categories',
    ]) {
      expect((await get('canbo', url)).status).toBe(403);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(
      (await request(app).get('/portal/tickets/x').set('Cookie', cookie.canbo!)).text,
    )?.[1];
    const res = await request(app)
      .post('/portal/admin/categories')
      .set('Cookie', cookie.canbo!)
      .type('form')
      .send({ _csrf: csrf ?? '', code: 'hack', name: 'Hack' });
    expect(res.status).toBe(403);
    expect((await db.query(`SELECT 1 FROM categories WHERE code = 'hack'`)).rows).toHaveLength(0);
  });

  it('when the administrator creates an account, then a one-time password is shown once and works', async () => {
    const res = await post('quantri', '/portal/admin/users', {
      username: 'moi.vao',
      displayName: 'Người Mới',
      role: 'staff',
      agencyId: 'so-xay-dung',
    });
    expect(res.status).toBe(200);
    const password = /Mật khẩu dùng một lần của moi\.vao: (\S+) /.exec(res.text)?.[1];
    expect(password).toBeDefined();
    await expect(auth.signIn('moi.vao', password!, { ip: '', userAgent: '' })).resolves.toHaveProperty(
      'token',
    );
    const list = await get('quantri', '/portal/admin/users');
    expect(list.text).not.toContain(password!);
    const bad = await post('quantri', '/portal/admin/users', {
      username: 'khong-don-vi',
      displayName: 'X',
      role: 'staff',
      agencyId: '',
    });
    expect(bad.status).toBe(400);
    // The refusal comes back on the accounts page, with its reason and the form to try again.
    expect(bad.text).toContain('name="username"');
    expect(bad.text).toMatch(/role="status"><strong>[^<]+<\/strong>/);
    const taken = await post('quantri', '/portal/admin/users', {
      username: 'MOI.VAO',
      displayName: 'Trùng tên',
      role: 'staff',
      agencyId: 'so-xay-dung',
    });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('name="username"');
  });

  it('when an account is deactivated, then its sessions end; reset issues a new password', async () => {
    const { token } = await auth.signIn('canbo', PW, { ip: '', userAgent: '' });
    const id = (await db.query<{ id: string }>(`SELECT id FROM staff_users WHERE username = 'canbo'`))
      .rows[0]!.id;
    expect((await post('quantri', `/portal/admin/users/${id}/deactivate`, {})).status).toBe(303);
    expect(await auth.resolve(token)).toBeUndefined();
    expect((await post('quantri', `/portal/admin/users/${id}/activate`, {})).status).toBe(303);
    const reset = await post('quantri', `/portal/admin/users/${id}/reset`, {});
    const password = /Mật khẩu dùng một lần của canbo: (\S+) /.exec(reset.text)?.[1];
    await expect(auth.signIn('canbo', password!, { ip: '', userAgent: '' })).resolves.toHaveProperty('token');
    await expect(auth.signIn('canbo', PW, { ip: '', userAgent: '' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('when a routing rule is pointed at another agency, then new tickets of that category go there', async () => {
    const rule = (
      await db.query<{ id: number }>(`SELECT id FROM routing_rules WHERE category = 'y-te' AND kind IS NULL`)
    ).rows[0]!;
    expect(
      (await post('quantri', `/portal/admin/routing/${rule.id}`, { agencyId: 'van-phong-ubnd-tinh' })).status,
    ).toBe(303);
    const receipt = await t.tickets.create(
      webTicket('Ngộ độc thực phẩm tại bếp ăn tập thể khu công nghiệp', { category: 'y-te' }),
    );
    expect(receipt.agency.id).toBe('van-phong-ubnd-tinh');
    const page = await get('quantri', '/portal/admin/routing');
    expect(page.text).toContain('Văn phòng UBND tỉnh');
    const refused = await post('quantri', `/portal/admin/routing/${rule.id}`, { agencyId: '' });
    expect(refused.status).toBe(400);
  });

  it('when a category and a canned answer are added, then they are listed', async () => {
    expect(
      (await post('quantri', '/portal/admin/categories', { code: 'van-hoa', name: 'Văn hóa, thể thao' }))
        .status,
    ).toBe(303);
    expect((await post('quantri', '/portal/admin/categories', { code: 'Sai Mã', name: 'x' })).status).toBe(
      400,
    );
    expect(
      (
        await post('quantri', '/portal/admin/canned', {
          category: 'van-hoa',
          title: 'Đã kiểm tra lễ hội',
          body: 'Cơ quan đã kiểm tra và chấn chỉnh.',
        })
      ).status,
    ).toBe(303);
    const page = await get('quantri', '/portal/admin/categories');
    expect(page.text).toContain('Văn hóa, thể thao');
    expect(page.text).toContain('Đã kiểm tra lễ hội');
  });
});
