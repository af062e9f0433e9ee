import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AuthService } from '../../src/agencies/auth.service';
import { openPGlite } from '../../src/db/pglite.driver';

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
    const password = /Password \(shown once, store it safely\): (\S+)/.exec(created.out)?.[1];
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
        'so-y-te',
        '--password-stdin',
      ],
      { DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      'mat-khau-nhap-tu-stdin\n',
    );
    expect(staff.code).toBe(0);
    expect(staff.out).not.toContain('Password (shown once');

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
    expect(res.out).toContain('Usage: npm run portal:user');
  });
});
