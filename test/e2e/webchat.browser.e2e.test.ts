import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { vi } from '../../src/i18n/strings.vi';
import { spawnServer, type ChildServer } from '../helpers/process';
import { processDatabaseEnv } from '../helpers/db';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const b = vi.bot;

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** Waits for text in the transcript (Web Chat also repeats it in accessibility labels, hence first()). */
async function seen(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor();
}

async function click(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).last().click();
}

/** Milliseconds from pressing Enter to the answer's text being in the page, measured inside the browser. */
async function timeToAnswer(page: Page, question: string, answerStart: string): Promise<number> {
  await page.evaluate((needle) => {
    const w = window as unknown as { __answeredAt?: number; __sentAt?: number };
    new MutationObserver((_m, observer) => {
      if (document.body.innerText.includes(needle)) {
        w.__answeredAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    document.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__sentAt = performance.now()), {
      capture: true,
      once: true,
    });
  }, answerStart);
  await send(page, question);
  await page.waitForFunction(
    () => (window as unknown as { __answeredAt?: number }).__answeredAt !== undefined,
  );
  return page.evaluate(() => {
    const w = window as unknown as { __answeredAt: number; __sentAt: number };
    return w.__answeredAt - w.__sentAt;
  });
}

describe('the web chat page in a real browser (Chromium) against npm start', () => {
  let server: ChildServer;
  let browser: Browser;
  let database: Awaited<ReturnType<typeof processDatabaseEnv>> | undefined;
  beforeAll(async () => {
    database = await processDatabaseEnv(await mkdtemp(path.join(os.tmpdir(), 'tiepdan-webchat-')));
    server = await spawnServer(database.env);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  it('when a citizen asks, files a feedback and reloads, then answers, a tracking code and the history are shown', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await seen(page, b.welcome);

    // A question the demo knowledge base answers: the reply quotes the source and cites it.
    const ms = await timeToAnswer(
      page,
      'Nghị quyết Đại hội Đảng bộ tỉnh Thanh Hóa lần thứ XX xác định bao nhiêu khâu đột phá chiến lược?',
      '3 khâu đột phá chiến lược',
    );
    process.stdout.write(`web chat: seed question → cited answer rendered in ${Math.round(ms)} ms\n`);
    expect(ms).toBeGreaterThan(0);
    await seen(page, 'Nguồn: «');
    await seen(page, /Cam kết hành động rõ ràng/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-answer.png'), fullPage: false });
    await click(page, b.menu.ask);
    // Off-topic on purpose: the knowledge base holds no answer, so the bot offers to forward the question.
    await send(page, 'Thời tiết Hà Nội ngày mai thế nào?');
    await seen(page, vi.knowledge.notFound.slice(0, 40));
    await click(page, b.no);
    await seen(page, b.ask.notForwarded);

    await click(page, b.menu.feedback);
    await click(page, b.feedback.citizen);
    await click(page, b.categories['giao-thong']!);
    await send(page, 'Thôn 3, xã Quảng Phú');
    // Wait for each prompt before answering it: under load a reply typed early lands in the previous step.
    await seen(page, /Đã xác định địa bàn/);
    await send(page, 'Mặt đường liên thôn sụt lún thành ổ gà lớn, xe máy đã ngã nhiều lần');
    await seen(page, /Anh\/chị có ảnh chụp hiện trường không/);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'o-ga.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    });
    await seen(page, /Đã nhận 1 ảnh/);
    await click(page, b.feedback.photosDone);
    await click(page, b.skip);
    await click(page, b.feedback.publishNo);
    await click(page, b.feedback.confirmYes);
    const receipt = page.getByText(/TH-[A-Z0-9]{5}/).last();
    await receipt.waitFor();
    const code = /TH-[A-Z0-9]{5}/.exec((await receipt.textContent()) ?? '')![0];

    await page.reload();
    await seen(page, code);
    await seen(page, 'Thời tiết Hà Nội ngày mai thế nào?');
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the bundle is requested, then it comes compressed from the app with long-lived cache headers', async () => {
    const html = await (await fetch(server.url)).text();
    const src = /src="(\/webchat\/webchat\.js\?v=[^"]+)"/.exec(html)![1]!;
    const res = await fetch(`${server.url}${src}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${server.url}${src}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
