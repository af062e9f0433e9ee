import request from 'supertest';
import { vi } from '../../../../src/i18n/strings.vi';
import { signedInStaff } from '../../../helpers/portal';
import { ManualClock } from '../../../helpers/zalo';
import { startZaloServer, type ZaloServerUnderTest } from '../../../helpers/zalo-server';
import * as fx from '../../../fixtures/zalo-events';

const f = vi.bot.feedback;

// Zalo's CDN links are not ours to keep: a citizen's photo is copied into our database when it arrives.
describe('Zalo photos are downloaded on receipt', () => {
  let z: ZaloServerUnderTest;
  const clock = new ManualClock(new Date());
  const photo = Buffer.alloc(1500, 7);

  beforeAll(async () => {
    z = await startZaloServer(clock, { ZALO_MEDIA_MAX_BYTES: '4096' });
    z.fake.media.set('ok.jpg', { type: 'image/jpeg', bytes: photo });
    z.fake.media.set('big.jpg', { type: 'image/jpeg', bytes: Buffer.alloc(5000, 1) });
    z.fake.media.set('page.html', { type: 'text/html', bytes: Buffer.from('<html></html>') });
  });
  afterAll(async () => {
    await z.stop();
  });

  const mediaCount = async () =>
    (await z.system.db.query<{ n: number }>('SELECT count(*)::int AS n FROM zalo_media')).rows[0]!.n;

  it('when a citizen sends a photo with their feedback, then the ticket holds our copy and staff can open it', async () => {
    await z.say(vi.bot.menu.feedback);
    await z.say('1');
    await z.say('Môi trường, rác thải, ô nhiễm');
    await z.say('Thôn 3, xã Quảng Phú');
    await z.say('Bãi rác tự phát cạnh trường học bốc mùi');
    const got = await z.post(fx.imageEvent(clock.now().getTime(), `${z.fake.baseUrl}/media/ok.jpg`));
    expect(got.join('\n')).toContain(f.photosReceived(1).replace(/\*\*([^*]+)\*\*/g, '$1'));
    await z.say('2');
    const receipt = (await z.say(f.confirmYes)).join('\n');
    const code = /TH-[A-Z0-9]{5}/.exec(receipt)?.[0];
    const row = await z.system.db.query<{
      id: string;
      attachments: Array<{ url: string; contentType: string }>;
    }>('SELECT id, attachments FROM tickets WHERE tracking_code = $1', [code]);
    const ticket = row.rows[0]!;
    expect(ticket.attachments).toEqual([
      { url: expect.stringMatching(/\/channels\/zalo\/media\/[0-9a-f-]{36}$/), contentType: 'image/jpeg' },
    ]);
    const cookies = await signedInStaff(z.system.auth, 'Mat-khau-dai-du-1', [['quantri', 'admin', null]]);
    const file = await request(z.system.app)
      .get(`/portal/tickets/${ticket.id}/tep/0`)
      .set('Cookie', cookies.quantri!)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, photo)).toBe(0);
  });

  it('when a photo is too large or not an image, then it is not kept', async () => {
    const before = await mediaCount();
    await z.post(fx.imageEvent(clock.now().getTime(), `${z.fake.baseUrl}/media/big.jpg`));
    await z.post(fx.imageEvent(clock.now().getTime(), `${z.fake.baseUrl}/media/page.html`));
    await z.post(fx.imageEvent(clock.now().getTime(), `${z.fake.baseUrl}/media/missing.jpg`));
    expect(await mediaCount()).toBe(before);
  });
});
