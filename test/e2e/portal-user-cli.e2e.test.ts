import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AuthService } from '../../src/agencies/auth.service';
import { openPGlite } from '../../src/db/pglite.driver';
import { writeFile } from 'node:fs/promises';

const CLI = path.resolve(__dirname, '../../dist/src/agencies/create-user.cli.js');

function runCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('portal:user command', () => {
  it('when the first administrator is created, then a one-time password is printed and works; a duplicate is refused', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-cli-'));
    const created = await runCli(['--username', 'quantri', '--name', 'Quản trị tỉnh'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    expect(created.code).toBe(0);
    const password = /Mật khẩu \(chỉ hiện một lần, hãy lưu giữ an toàn\): (\S+)/.exec(created.out)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);

    const again = await runCli(['--username', 'QuanTri', '--name', 'X'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    expect(again.code).toBe(1);
    expect(again.out).toContain('username_taken');

    const staff = await runCli(
      [
        '--username',
        'canbo',
        '--name',
        'Cán bộ',
        '--role',
        'staff',
        '--agency',
        'so y te',
        '--password-stdin',
      ],
      { DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      'mat-khau-nhap-tu-stdin\n',
    );
    expect(staff.code).toBe(0);
    expect(staff.out).not.toContain('Mật khẩu (chỉ hiện một lần');

    const db = await openPGlite({ dataDir });
    try {
      const auth = new AuthService(db);
      await expect(auth.signIn('quantri', password!, { ip: '', userAgent: '' })).resolves.toHaveProperty(
        'token',
      );
      await expect(
        auth.signIn('canbo', 'mat-khau-nhap-tu-stdin', { ip: '', userAgent: '' }),
      ).resolves.toHaveProperty('token');
    } finally {
      await db.close();
    }
  });

  it('when required arguments are missing, then it prints the usage and exits 1', async () => {
    const res = await runCli(['--name', 'x'], { DATA_DIR: '/nonexistent-not-used' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('Cách dùng: npm run portal:user');
  });

  it('when agencies are listed, then each id is printed with its name, and an account may name its agency by either', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-cli-'));
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const list = await runCli(['--list-agencies'], env);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^so-y-te\tSở Y tế$/m);
    const byName = await runCli(
      ['--username', 'canbo.ct', '--name', 'Cán bộ', '--role', 'staff', '--agency', 'Sở Công Thương'],
      env,
    );
    expect(byName.code).toBe(0);
    expect(byName.out).toContain('Đã tạo tài khoản canbo.ct.');
    const unknown = await runCli(
      ['--username', 'x.y', '--name', 'X', '--role', 'staff', '--agency', 'Sở Mặt Trăng'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('Không tìm thấy cơ quan "Sở Mặt Trăng"');
    expect(unknown.out).toContain('--list-agencies');
  });

  it('when the server holds the embedded data folder, then the command says to use /portal/admin or stop the server', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-cli-'));
    // This test process stands in for the running server: a live process holding the folder's lock.
    await writeFile(path.join(dataDir, '.tiepdan.lock'), String(process.pid));
    const res = await runCli(['--username', 'quantri', '--name', 'Quản trị'], {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    expect(res.code).toBe(1);
    expect(res.out).toContain(`đang được máy chủ (tiến trình ${process.pid}) sử dụng`);
    expect(res.out).toContain('/portal/admin/users');
    expect(res.out).toContain('dừng máy chủ');
  });
});
