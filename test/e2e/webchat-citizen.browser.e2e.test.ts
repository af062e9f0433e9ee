import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db/connect';
import { vi } from '../../src/i18n/strings.vi';
import { startServer, type RunningServer } from '../../src/server';
import { TICKET_JOBS } from '../../src/tickets/tickets.module';
import { memoryLogger, testConfig } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const b = vi.bot;
const f = b.feedback;
const HERE = { latitude: 19.80712, longitude: 105.77634 };

/** A solid-colour PNG of the given size: a real photo's stand-in whose thumbnail shows in a screenshot. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** Text as Web Chat shows it: its Markdown turns straight quotes into typographic ones. */
function shown(text: string): string | RegExp {
  if (!text.includes('"')) return text;
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '["“”]'));
}

/** Waits for text in the transcript (Web Chat also repeats it in accessibility labels, hence first()). */
async function seen(page: Page, text: string | RegExp): Promise<void> {
  await page
    .getByText(typeof text === 'string' ? shown(text) : text)
    .first()
    .waitFor();
}

async function click(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).last().click();
}

// The server runs in this process so the test can answer the ticket as the agency would and read what was filed.
describe('a citizen in the web chat (Chromium, phone size): photos, location, a correction, rating from the buttons', () => {
  let running: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tiepdan-webchat-citizen-'));
    const config = testConfig({ DATA_DIR: dataDir });
    const { logger } = memoryLogger('silent');
    running = await startServer(config, await openDatabase(config, logger), logger);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('when a citizen files with two photos and a shared location, corrects the description and rates the answer from its buttons, then all of it is stored', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      geolocation: HERE,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(running.url);
    await seen(page, b.welcome);

    await click(page, b.menu.feedback);
    await click(page, f.citizen);
    // Typed the way people type: no accents, the first words of the choice.
    await seen(page, f.categoryPrompt);
    await send(page, 'moi truong');
    await seen(page, f.locationPrompt);
    await page.getByRole('button', { name: b.webchat.shareLocation }).click();
    await seen(page, f.locationShared);
    await send(page, 'Bãi rác tự phát bốc mùi cạnh trường học');
    await seen(page, /Anh\/chị có ảnh chụp hiện trường không/);
    const picker = page.locator('input[type="file"]');
    await picker.setInputFiles({
      name: 'bai-rac-1.png',
      mimeType: 'image/png',
      buffer: png(96, 64, [40, 120, 60]),
    });
    await seen(page, f.photosMore(1));
    await picker.setInputFiles({
      name: 'bai-rac-2.png',
      mimeType: 'image/png',
      buffer: png(96, 64, [30, 80, 160]),
    });
    await seen(page, f.photosMore(2));
    // Both thumbnails are drawn as images in the citizen's bubbles (not as empty file boxes).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('img')].filter((i) => i.naturalWidth === 96 && i.complete).length >= 2,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-photos.png') });
    await click(page, f.photosDone);
    await click(page, b.skip);
    await click(page, f.publishNo);
    await seen(page, f.summaryTitle);

    await click(page, f.confirmEdit);
    await click(page, f.edit.description);
    await seen(page, f.descriptionPrompt);
    await send(page, 'Bãi rác tự phát cạnh trường tiểu học bốc mùi từ một tuần nay');
    await seen(page, `${f.summaryDescription}: Bãi rác tự phát cạnh trường tiểu học bốc mùi từ một tuần nay`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-summary-corrected.png') });
    await click(page, f.confirmYes);
    await seen(page, /Mã PIN/);
    const text = (await page.locator('body').innerText()) ?? '';
    const code = /TH-[A-Z0-9]{5}/.exec(text)![0];
    const pin = /Mã PIN:\s*(\d{6})/.exec(text)![1]!;

    const { db, tickets, jobs } = running.system;
    const rows = await db.query<{
      id: string;
      description: string;
      attachments: unknown[];
      location: unknown;
    }>('SELECT id, description, attachments, location FROM tickets WHERE tracking_code = $1', [code]);
    const ticket = rows.rows[0]!;
    expect(ticket.description).toBe('Bãi rác tự phát cạnh trường tiểu học bốc mùi từ một tuần nay');
    expect(ticket.attachments).toHaveLength(2);
    expect(ticket.location).toMatchObject({ lat: HERE.latitude, lon: HERE.longitude });

    await tickets.staff.answer(ticket.id, {
      text: 'Đã thu dọn bãi rác và lắp biển cấm đổ rác.',
      actor: 'staff:e2e',
    });
    await jobs.kick(TICKET_JOBS.outbox);
    await seen(page, 'Đã thu dọn bãi rác và lắp biển cấm đổ rác.');
    const buttons = vi.tickets.ratingButtons(code);
    await page.getByRole('button', { name: buttons[4], exact: true }).last().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-answer-rating.png') });
    await click(page, buttons[4]!);
    await seen(page, b.track.pinPrompt);
    await send(page, pin);
    await seen(page, b.rate.commentPrompt);
    await click(page, b.skip);
    await seen(page, b.rate.thanks);
    await page.getByText(b.rate.thanks).last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-rated.png') });

    const rated = await db.query<{ rating: number }>('SELECT rating FROM tickets WHERE id = $1', [ticket.id]);
    expect(rated.rows[0]?.rating).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
