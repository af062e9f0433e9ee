import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DirectLineRepository } from '../../src/channels/directline/directline.repository';
import { openDatabase } from '../../src/db/connect';
import type { TicketReceipt } from '../../src/ports';
import { startServer, type RunningServer } from '../../src/server';
import { memoryLogger, testConfig } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const PASSWORD = 'mat-khau-can-bo-2026';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const UPLOAD = '0b9f6d8e-4c1a-4e7b-9a55-3c2d1e0f9a11';

/** Whether an element lies wholly inside the viewport and inside its clipping pane (nothing cut off). */
async function wholeInView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const pane = el.closest('.scroll-y, .panel, main') ?? document.body;
      const p = pane.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= p.left && r.right <= p.right;
    });
}

/** Words of table cells broken across lines (a syllable split mid-word gives a word two line boxes). */
function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('td, th'))) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

// The server runs in this process so the test can file the ticket and its web-chat conversation through the
// services; Chromium then drives the pages at 1366×900 (the officer's desk) and at a phone's size.
describe('the officer desk and case page in a real browser (Chromium)', () => {
  let running: RunningServer;
  let browser: Browser;
  let ticket: TicketReceipt;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-case-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const db = await openDatabase(config, memoryLogger('silent').logger);
    running = await startServer(config, db, memoryLogger('silent').logger);
    await running.system.auth.createUser({
      username: 'canbo.thieutoan',
      displayName: 'Lê Thị Thu',
      password: PASSWORD,
      role: 'staff',
      agencyId: 'so-xay-dung',
    });
    const dl = new DirectLineRepository(db);
    await dl.createConversation('conv-case', 'user-case');
    for (let i = 1; i <= 14; i++)
      await dl.append('conv-case', {
        type: 'message',
        id: `m${i}`,
        from: i % 2 ? { id: 'user-case', role: 'user' } : { id: 'bot', role: 'bot' },
        text:
          i % 2 ? `Tin thứ ${i}: ổ gà trước nhà số ${i * 10} đường Lê Lợi` : `Trợ lý ghi nhận tin thứ ${i}.`,
      });
    await dl.saveUpload({
      id: UPLOAD,
      conversationId: 'conv-case',
      contentType: 'image/png',
      name: 'o-ga.png',
      size: PNG.length,
      data: PNG,
    });
    ticket = await running.system.tickets.tickets.create({
      kind: 'feedback',
      category: 'giao-thong',
      description: 'Ổ gà sâu trước cổng trường tiểu học, xe máy đã ngã hai lần trong tuần.',
      origin: { channel: 'directline', conversationId: 'conv-case', userId: 'user-case' },
      attachments: [
        {
          url: `${running.url}/v3/directline/attachments/${UPLOAD}`,
          contentType: 'image/png',
          name: 'o-ga.png',
        },
      ],
      contact: { name: 'Nguyễn Văn An', phone: '0912345678', consentAt: new Date() },
      idempotencyKey: 'case-browser-1',
    });
    for (let i = 0; i < 8; i++)
      await running.system.tickets.tickets.create({
        kind: 'feedback',
        category: 'giao-thong',
        description: `Đèn chiếu sáng hỏng ở ngõ ${i + 1}`,
        origin: { channel: 'open311', conversationId: `o-${i}`, userId: `o-${i}` },
        idempotencyKey: `case-browser-q${i}`,
      });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function signIn(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport, locale: 'vi-VN' });
    await page.goto(`${running.url}/portal`);
    await page.getByLabel('Tên đăng nhập').fill('canbo.thieutoan');
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Phản ánh cần xử lý' }).waitFor();
    return page;
  }

  it('when an officer opens the queue and a case at 1366×900, then the queue, the conversation, the photo and the answer form are on the first screen', async () => {
    const page = await signIn(DESKTOP);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    expect(await wholeInView(page, 'tbody tr')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-queue-desktop.png') });

    await page.getByRole('link', { name: ticket.trackingCode }).click();
    await page.getByRole('heading', { name: `Phản ánh ${ticket.trackingCode}` }).waitFor();
    // 15: message 10 and above keep every digit, inside the conversation pane.
    const seq = page.locator('ol.chat .seq');
    const numbers = await seq.allInnerTexts(); // the 14 messages, then the receipt the outbox delivered
    expect(numbers.length).toBeGreaterThanOrEqual(14);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    await page.locator('ol.chat li').nth(11).scrollIntoViewIfNeeded();
    expect(await wholeInView(page, 'ol.chat li:nth-child(12) .seq')).toBe(true);
    await page.locator('ol.chat li').first().scrollIntoViewIfNeeded();
    // 19: the answer box and button, the conversation and the photo thumbnail need no page scrolling.
    expect(await wholeInView(page, '#text')).toBe(true);
    expect(await wholeInView(page, 'button:text("Trả lời người dân")')).toBe(true);
    expect(await wholeInView(page, 'ol.chat li:first-child')).toBe(true);
    const photo = page.getByRole('img', { name: 'Ảnh 1: o-ga.png' });
    expect(await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // 17: three kinds of button, told apart by colour.
    const colour = (name: string) =>
      page
        .getByRole('button', { name })
        .first()
        .evaluate((b) => getComputedStyle(b).backgroundColor);
    const [primary, secondary] = [await colour('Trả lời người dân'), await colour('Nhận xử lý')];
    expect(primary).not.toBe(secondary);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-case-desktop.png') });

    // 18: after answering, the panel says whether the answer reached the citizen.
    await page.locator('#text').fill('Đơn vị đã vá ổ gà ngày hôm nay, cảm ơn anh/chị đã phản ánh.');
    await page.getByRole('button', { name: 'Trả lời người dân' }).click();
    await page.getByText('Câu trả lời').first().waitFor();
    const answered = page.locator('.delivery li').last();
    for (let i = 0; i < 40 && (await answered.getAttribute('data-state')) !== 'sent'; i++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    expect(await page.locator('.delivery li').last().getAttribute('data-state')).toBe('sent');
    await expect(page.locator('.delivery li').last().innerText()).resolves.toContain('Người dân đã nhận');
    // 16: the history names the officer by name and the citizen in Vietnamese.
    const history = await page.locator('#history-h + ol').innerText();
    expect(history).toContain('Lê Thị Thu');
    expect(history).toContain('Người dân');
    expect(history).not.toMatch(/staff:|citizen|system/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-case-answered.png') });

    // 17: erasing the contact goes through a confirmation page; going back changes nothing.
    await page.getByText('Thao tác không hoàn tác được').click();
    await page.getByRole('button', { name: /Xóa thông tin liên hệ/ }).click();
    await page.getByRole('heading', { name: /Xóa thông tin liên hệ của người gửi/ }).waitFor();
    const danger = await page
      .getByRole('button', { name: /Xóa thông tin liên hệ/ })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(danger).not.toBe(primary);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-confirm-desktop.png') });
    await page.getByRole('link', { name: 'Quay lại, không thực hiện' }).click();
    await expect(page.getByText('0912345678').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('when an officer opens a case on a phone, then it stacks without sideways scrolling and the panel comes before the conversation', async () => {
    const page = await signIn(PHONE);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-queue-phone.png'), fullPage: true });
    await page.goto(`${running.url}/portal/tickets/${ticket.id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const top = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('.panel')).toBeLessThan(await top('ol.chat'));
    expect(await page.locator('ol.chat .seq').nth(13).innerText()).toBe('14');
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-case-phone.png'), fullPage: true });
  });

  it('when a citizen opens /thong-ke on a phone, then no word is split across lines and the page does not scroll sideways', async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: 'vi-VN' });
    await page.goto(`${running.url}/thong-ke`);
    await page.locator('table.stack').waitFor();
    expect(await splitWords(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'public-statistics-phone.png'), fullPage: true });
    const desk = await browser.newPage({ viewport: DESKTOP, locale: 'vi-VN' });
    await desk.goto(`${running.url}/thong-ke`);
    expect(await splitWords(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(ARTIFACTS, 'public-statistics-desktop.png'), fullPage: true });
  });
});
