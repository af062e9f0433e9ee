import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db/connect';
import type { TicketReceipt } from '../../src/ports';
import { startServer, type RunningServer } from '../../src/server';
import { memoryLogger, testConfig } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const PASSWORD = 'mat-khau-du-dai-2026';
const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

// axe-core runs inside the page: the WCAG 2.1 A/AA rules, violations of serious or critical impact only.
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('portal administration and accessibility in a real browser (Chromium)', () => {
  let running: RunningServer;
  let browser: Browser;
  let receipt: TicketReceipt;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-admin-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');
    const db = await openDatabase(config, logger);
    running = await startServer(config, db, logger);
    await running.system.auth.createUser({
      username: 'quantri',
      displayName: 'Lê Văn Quản',
      password: PASSWORD,
      role: 'admin',
    });
    receipt = await running.system.tickets.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Biển báo giao thông bị đổ ở ngã tư gần trường tiểu học',
      origin: { channel: 'open311', conversationId: 'a11y-test', userId: 'a11y-test' },
      idempotencyKey: 'a11y-test-1',
    });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('when an administrator uploads a document with the keyboard-labelled form, then it is listed as indexed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${running.url}/portal/admin/knowledge`);
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Signing in from a deep link lands on that page, not on the desk.
    await page.getByRole('heading', { name: 'Kho tri thức của trợ lý' }).waitFor();
    await page.getByLabel('Tệp văn bản').setInputFiles({
      name: 'lich-tiep-cong-dan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'Lịch tiếp công dân năm 2026\n\nChủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở tiếp công dân tỉnh.',
      ),
    });
    await page.getByLabel('Cơ quan ban hành').fill('Văn phòng UBND tỉnh');
    await page.getByRole('button', { name: 'Tải lên và lập chỉ mục' }).click();
    await page.getByText('Đã nhận tệp «lich-tiep-cong-dan.txt»').waitFor();
    // Ingestion runs in the background: reload until the row says it is done.
    for (let i = 0; i < 50 && !(await page.getByText(/Hoàn tất \(thêm mới/).count()); i++) {
      await page.waitForTimeout(200);
      await page.goto(`${running.url}/portal/admin/knowledge`);
    }
    await page.getByText(/Hoàn tất \(thêm mới, 1 đoạn\)/).waitFor();
    await page.getByText('Lịch tiếp công dân năm 2026').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-knowledge.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('when the portal and public pages are checked with axe-core, then there is no serious or critical WCAG 2.1 AA violation', async () => {
    // The pages' CSP forbids inline scripts; the checker is the only script the test adds.
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      bypassCSP: true,
    });
    const found: string[] = [];
    for (const url of ['/tra-cuu', '/phan-anh', '/thong-ke', '/portal/login']) {
      await page.goto(`${running.url}${url}`);
      found.push(...(await accessibilityViolations(page)));
    }
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: receipt.trackingCode }).waitFor();
    for (const url of [
      '/portal',
      `/portal/tickets/${receipt.id}`,
      '/portal/admin/users',
      '/portal/admin/routing',
      '/portal/admin/categories',
      '/portal/admin/knowledge',
      '/portal/admin/questions',
    ]) {
      await page.goto(`${running.url}${url}`);
      found.push(...(await accessibilityViolations(page)));
    }
    expect(found).toEqual([]);
  });
});
