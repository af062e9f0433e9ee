import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { openDatabase } from '../../src/db/connect';
import type { TicketReceipt } from '../../src/ports';
import { startServer, type RunningServer } from '../../src/server';
import { memoryLogger, testConfig } from '../helpers/app';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const PASSWORD = 'mat-khau-du-dai-2026';

// The server runs in this process (real HTTP on a loopback port) so the test can create the staff account and
// the citizen's ticket through the services, then drive the pages as people would in Chromium.
describe('agency portal and public tracking in a real browser (Chromium)', () => {
  let running: RunningServer;
  let browser: Browser;
  let receipt: TicketReceipt;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-portal-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');
    const db = await openDatabase(config, logger);
    running = await startServer(config, db, logger);
    await running.system.auth.createUser({
      username: 'canbo.yte',
      displayName: 'Phạm Thu Hà',
      password: PASSWORD,
      role: 'staff',
      agencyId: 'so-y-te',
    });
    receipt = await running.system.tickets.tickets.create({
      kind: 'feedback',
      category: 'y-te',
      description: 'Cơ sở bán thực phẩm chức năng không rõ nguồn gốc gần chợ Vườn Hoa',
      origin: { channel: 'open311', conversationId: 'browser-test', userId: 'browser-test' },
      idempotencyKey: 'browser-test-1',
    });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('when staff sign in and answer, then the citizen sees the answer on the tracking page and can rate it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${running.url}/portal`);
    await page.getByLabel('Tên đăng nhập').fill('canbo.yte');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: receipt.trackingCode }).click();
    await page.getByText('Cơ sở bán thực phẩm chức năng').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-case.png'), fullPage: true });
    await page
      .getByLabel('Nội dung trả lời (gửi đến người dân qua kênh họ đã dùng)')
      .fill('Đoàn kiểm tra liên ngành đã thu giữ hàng hóa và xử phạt cơ sở vi phạm.');
    await page.getByRole('button', { name: 'Trả lời người dân' }).click();
    await page.getByText('Đã trả lời').first().waitFor();

    const citizen = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    await citizen.goto(`${running.url}/tra-cuu`);
    await citizen.getByLabel('Mã tra cứu').fill(receipt.trackingCode);
    await citizen.getByLabel('Mã PIN (6 chữ số)').fill(receipt.pin);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByText('Đoàn kiểm tra liên ngành đã thu giữ hàng hóa').waitFor();
    await citizen.getByLabel('5').check();
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Anh/chị đã đánh giá 5/5').waitFor();
    await citizen.screenshot({ path: path.join(ARTIFACTS, 'public-tracking.png'), fullPage: true });

    await citizen.goto(`${running.url}/thong-ke`);
    await citizen.locator('#on-time-chart').waitFor();
    await citizen.waitForFunction(() => (window as unknown as { Chart?: unknown }).Chart !== undefined);
    await citizen.screenshot({ path: path.join(ARTIFACTS, 'public-statistics.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
