import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db/connect';
import { startServer, type RunningServer } from '../../src/server';
import { memoryLogger, testConfig } from '../helpers/app';
import { AuthService } from '../../src/agencies/auth.service';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

// The server starts on a fresh data folder, so it loads the demo programme as `npm start` does.
describe('public /tien-do pages in a real browser (Chromium)', () => {
  let running: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-tien-do-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');
    running = await startServer(config, await openDatabase(config, logger), logger);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
    // A first start ingests the knowledge base and opens a persistent database: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function open(viewport: {
    width: number;
    height: number;
  }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every failed request but the browser's own favicon probe (the site has none).
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
    });
    return { page, errors };
  }

  it('when a citizen browses the programmes, then groups, bars, the chart and the sample notice are shown', async () => {
    const { page, errors } = await open({ width: 1280, height: 900 });
    await page.goto(`${running.url}/tien-do`);
    expect(await page.locator('.sample').count()).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tien-do.png'), fullPage: true });

    await page
      .getByRole('link', { name: /Thanh Hóa lần thứ XX/ })
      .first()
      .click();
    await page.waitForFunction(() => {
      const w = window as unknown as { Chart?: { getChart(el: Element | null): unknown } };
      return w.Chart?.getChart(document.getElementById('status-chart')) !== undefined;
    });
    await expect(page.getByRole('heading', { name: '3 khâu đột phá chiến lược' }).isVisible()).resolves.toBe(
      true,
    );
    expect(await page.locator('progress').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('.sample').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tien-do-programme.png'), fullPage: true });

    // A People's Council deputy's comment on the item (as the portal stores it).
    const db = running.system.db;
    const deputy = await new AuthService(db).createUser({
      username: 'daibieu-hdnd',
      displayName: 'Đại biểu Lê Văn Minh',
      password: 'mat-khau-du-dai-2026',
      role: 'oversight',
    });
    await db.query(
      `INSERT INTO programme_comments (item_code, author_id, author_name, body) VALUES ('TH-DP-03', $1, $2, $3)`,
      [
        deputy,
        'Đại biểu Lê Văn Minh',
        'Đề nghị công bố danh mục dịch vụ công trực tuyến toàn trình theo từng quý.',
      ],
    );
    await page.getByRole('link', { name: /Khâu đột phá về chuyển đổi số/ }).click();
    await expect(page.getByText('Diễn biến thực hiện').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Ý kiến giám sát, phản biện' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByText('Đại biểu Lê Văn Minh').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Hệ thống đã vận hành chính thức.').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tien-do-item.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('when the programme page is opened on a phone, then nothing overflows sideways', async () => {
    const { page, errors } = await open({ width: 390, height: 844 });
    await page.goto(`${running.url}/tien-do/th-dai-hoi-xx`);
    await page.locator('#status-chart').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'tien-do-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
