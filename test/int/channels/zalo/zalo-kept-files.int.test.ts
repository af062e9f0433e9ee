import request from 'supertest';
import { vi } from '../../../../src/i18n/strings.vi';
import { signedInStaff } from '../../../helpers/portal';
import { ManualClock } from '../../../helpers/zalo';
import { startZaloServer, type ZaloServerUnderTest } from '../../../helpers/zalo-server';
import * as fx from '../../../fixtures/zalo-events';

const f = vi.bot.feedback;
const u = vi.bot.unreadable;
const LINK = 'https://baothanhhoa.vn/duong-ngap-sau-mua-12345.htm';
const CARD = 'Nguyễn Văn Bình, tổ trưởng tổ dân phố 4';

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function csrfOf(res: request.Response): { cookie: string; token: string } {
  const raw = res.headers['set-cookie'] as unknown as string[];
  const cookie = raw.find((c) => c.startsWith('tiepdan_public_csrf='))!.split(';')[0]!;
  return { cookie, token: /name="_csrf" value="([^"]+)"/.exec(res.text)![1]! };
}

// Audio, video, links and business cards the bot cannot read still belong to the case: kept on the open draft.
describe('Zalo voice messages, videos, links and business cards reach the ticket', () => {
  let z: ZaloServerUnderTest;
  const clock = new ManualClock(new Date());
  const voice = Buffer.alloc(1500, 3);

  beforeAll(async () => {
    z = await startZaloServer(clock, { ZALO_MEDIA_MAX_BYTES: '4096' });
    z.fake.media.set('voice.aac', { type: 'audio/aac', bytes: voice });
    z.fake.media.set('clip.mp4', { type: 'video/mp4', bytes: Buffer.alloc(5000, 1) });
  });
  afterAll(async () => {
    await z.stop();
  });

  const media = (kind: 'audio' | 'video' | 'link' | 'business_card', payload: Record<string, unknown>) =>
    z.post(fx.mediaEvent(kind, clock.now().getTime(), payload));

  it('when they arrive while a feedback is being filed, then the ticket keeps them for the officer and no public page shows them', async () => {
    await z.say(vi.bot.menu.feedback);
    await z.say('1');
    await z.say('Giao thông, đường sá');
    await z.say('Thôn 3, xã Quảng Phú');
    const photosPrompt = (await z.say('Đường liên thôn ngập sâu sau mưa, xe máy không đi được')).at(-1);
    const said = await media('audio', { url: `${z.fake.baseUrl}/media/voice.aac` });
    expect(said).toEqual([`${u.said(u.kinds.audio)} ${u.kept(u.kinds.audio)}`]);
    // Larger than ZALO_MEDIA_MAX_BYTES: described on the ticket, not downloaded.
    await media('video', { url: `${z.fake.baseUrl}/media/clip.mp4`, thumbnail: `${z.fake.baseUrl}/t.jpg` });
    await media('link', { url: LINK, title: 'Đường ngập sau mưa' });
    await media('business_card', { url: `${z.fake.baseUrl}/media/card.jpg`, description: CARD });
    // The photos step is where it was: its question still answers "xong".
    expect(photosPrompt).toContain(f.photosPrompt.slice(0, 30));
    expect((await z.say('xong')).join('\n')).toContain(f.consentPrompt.slice(0, 30));
    await z.say(vi.bot.skip);
    const summary = (await z.say(f.publishNo)).join('\n');
    expect(summary).toContain(`${f.summaryFiles}: 4`);
    const receipt = (await z.say(f.confirmYes)).join('\n');
    const code = /TH-[A-Z0-9]{5}/.exec(receipt)![0];
    const pin = /Mã PIN: (\d{4,8})/.exec(receipt)![1]!;

    const row = await z.system.db.query<{ id: string; attachments: unknown[] }>(
      'SELECT id, attachments FROM tickets WHERE tracking_code = $1',
      [code],
    );
    const ticket = row.rows[0]!;
    expect(ticket.attachments).toEqual([
      {
        url: expect.stringMatching(/\/channels\/zalo\/media\/[0-9a-f-]{36}$/),
        contentType: 'audio/aac',
        name: u.labels.audio,
      },
      { contentType: 'video/*', name: `${u.labels.video} (${u.notStored})` },
      { url: LINK, contentType: 'text/uri-list', name: `${u.labels.link}: Đường ngập sau mưa` },
      { contentType: 'text/vcard', name: `${u.labels.contact}: ${CARD}` },
    ]);

    // The officer hears the voice message from our copy and sees every item on the case page.
    const cookies = await signedInStaff(z.system.auth, 'Mat-khau-dai-du-1', [['quantri', 'admin', null]]);
    const file = await request(z.system.app)
      .get(`/portal/tickets/${ticket.id}/tep/0`)
      .set('Cookie', cookies.quantri!)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(file.headers['content-type']).toMatch(/^audio\/aac/);
    expect(Buffer.compare(file.body as Buffer, voice)).toBe(0);
    const page = await request(z.system.app)
      .get(`/portal/tickets/${ticket.id}`)
      .set('Cookie', cookies.quantri!)
      .expect(200);
    expect(page.text).toContain(`href="/portal/tickets/${ticket.id}/tep/0"`);
    expect(page.text).toContain(`href="${LINK}"`);
    expect(page.text).toContain(CARD);
    expect(page.text).toContain(u.notStored);

    // Open311 and the public tracking page show none of it.
    const open311 = await request(z.system.app).get(`/open311/v2/requests/${code}.json`).expect(200);
    expect(open311.body[0].media_url).toBeNull();
    const form = await request(z.system.app).get('/tra-cuu').expect(200);
    const { cookie, token } = csrfOf(form);
    const tracked = await request(z.system.app)
      .post('/tra-cuu')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, code, pin })
      .expect(200);
    expect(tracked.text).toContain(code);
    for (const text of [open311.text, tracked.text])
      for (const secret of [LINK, CARD, 'Bình', '/channels/zalo/media/', u.labels.audio])
        expect(text).not.toContain(secret);
  });

  it('when one arrives with no feedback being filed, then the bot only says what it can take', async () => {
    expect(await media('link', { url: LINK })).toEqual([u.said(u.kinds.link)]);
    expect(await media('business_card', { description: CARD })).toEqual([u.said(u.kinds.contact)]);
  });
});
