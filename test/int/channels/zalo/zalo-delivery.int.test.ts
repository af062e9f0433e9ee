import { vi } from '../../../../src/i18n/strings.vi';
import { ChannelAlertRepository } from '../../../../src/tickets/notify/channel-alerts.repository';
import request from 'supertest';
import { signedInStaff } from '../../../helpers/portal';
import { ManualClock } from '../../../helpers/zalo';
import { startZaloServer, type ZaloServerUnderTest } from '../../../helpers/zalo-server';
import * as fx from '../../../fixtures/zalo-events';

const f = vi.bot.feedback;

// The real bot and dialogs over Zalo, against a fake OA that fails the way Zalo's servers do.
describe('Zalo replies go through the durable outbox', () => {
  let z: ZaloServerUnderTest;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    z = await startZaloServer(clock, { ZALO_HTTP_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await z.stop();
  });

  const inboundRows = () =>
    z.system.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM zalo_inbound_events ORDER BY id DESC LIMIT 1',
    );

  it('when Zalo answers -32 twice, then the reply goes out after backoff, the turn ran once and the dialog goes on', async () => {
    z.fake.failQueue.push(-32, -32);
    expect(await z.say(vi.bot.menu.feedback)).toEqual([]);
    expect((await inboundRows()).rows[0]).toEqual({ status: 'done', attempts: 1 });
    clock.advance(5_000);
    expect(await z.deliver()).toEqual([]);
    clock.advance(10_000);
    const prompt = await z.deliver();
    // The introduction and the first question, once each, in order.
    expect(prompt).toHaveLength(2);
    expect(prompt[1]).toMatch(/1\. .+\n2\. .+/);
    expect((await inboundRows()).rows[0]).toEqual({ status: 'done', attempts: 1 });
    // The dialog kept its step: the rest of the feedback flow files a ticket.
    await z.say('1');
    await z.say('Môi trường, rác thải, ô nhiễm');
    await z.say('Thôn 3, xã Quảng Phú');
    await z.say('Bãi rác tự phát cạnh trường học bốc mùi');
    await z.say(vi.bot.skip);
    await z.say('2');
    // Publication: "2" is "Không công khai".
    await z.say('2');
    const receipt = (await z.say(f.confirmYes)).join('\n');
    expect(receipt).toMatch(/TH-[A-Z0-9]{5}/);
    expect(receipt).not.toContain(vi.bot.error);
  });

  it('when a send times out, then it is retried and the citizen gets the reply once', async () => {
    z.fake.hangSends = 1;
    expect(await z.say('menu')).toEqual([]);
    clock.advance(5_000);
    const menu = await z.deliver();
    expect(menu).toHaveLength(1);
    expect(menu[0]).toMatch(/1\. /);
  });

  it("when a turn's first reply is throttled, then its later replies wait and all arrive in order", async () => {
    z.fake.failQueue.push(-32);
    expect(await z.say('trợ giúp')).toEqual([]);
    clock.advance(5_000);
    const replies = await z.deliver();
    expect(replies[0]).toBe(vi.bot.help.replace(/\*\*([^*]+)\*\*/g, '$1'));
    expect(replies.length).toBeGreaterThan(1);
  });

  it('when the interaction expired (-232), then the reply waits for the window and is not retried', async () => {
    const user = 'u-expired-232';
    z.fake.expiredInteraction.add(user);
    expect(await z.say('menu', user)).toEqual([]);
    const rows = await z.system.db.query<{ status: string; last_error: string }>(
      "SELECT status, last_error FROM outbox WHERE user_id = $1 AND event_key LIKE 'zalo:%'",
      [user],
    );
    expect(rows.rows).toEqual([{ status: 'failed', last_error: expect.stringMatching(/^outside_window/) }]);
  });

  it.each([-211, -218, -221, -224, -204, -205, -219])(
    'when Zalo refuses with %i, then the message fails for good and administrators get a channel alert',
    async (code) => {
      const user = `u-quota${code}`;
      z.fake.failQueue.push(code);
      await z.say('menu', user);
      clock.advance(3600_000);
      expect(await z.deliver()).toEqual([]);
      const rows = await z.system.db.query<{ status: string; attempts: number }>(
        'SELECT status, attempts FROM outbox WHERE user_id = $1',
        [user],
      );
      expect(rows.rows).toEqual([{ status: 'failed', attempts: 1 }]);
      const alerts = await new ChannelAlertRepository(z.system.db).open();
      expect(alerts.find((a) => a.code === `zalo_${code}`)).toMatchObject({ channel: 'zalo' });
    },
  );

  it('when Zalo refused a message for quota, then an administrator sees the alert on /portal/admin', async () => {
    z.fake.failQueue.push(-211);
    await z.say('menu', 'u-alert-page');
    const cookies = await signedInStaff(z.system.auth, 'Mat-khau-dai-du-1', [['quantri', 'admin', null]]);
    const page = await request(z.system.app)
      .get('/portal/admin/channels')
      .set('Cookie', cookies.quantri!)
      .expect(200);
    expect(page.text).toContain('zalo_-211');
    expect(page.text).toContain(vi.zalo.alerts.title);
  });

  it('when audio, video, a link or a business card arrives mid-dialog, then the bot says what it can take, keeps each on the draft and the step goes on', async () => {
    const start = await z.say(vi.bot.menu.feedback);
    const question = start.at(-1) ?? '';
    const u = vi.bot.unreadable;
    const kinds = { audio: 'audio', video: 'video', link: 'link', business_card: 'contact' } as const;
    for (const [kind, said] of Object.entries(kinds) as Array<[keyof typeof kinds, keyof typeof u.kinds]>) {
      // Not on the fake CDN: the voice message and the video are kept as descriptions only.
      const payload = { url: `${z.fake.baseUrl}/media/missing-${kind}`, description: '' };
      const reply = await z.post(fx.mediaEvent(kind, clock.now().getTime(), payload));
      expect(reply).toEqual([`${u.said(u.kinds[said])} ${u.kept(u.kinds[said])}`]);
    }
    expect(u.said('x')).toMatch(/anh\/chị/);
    // The numbered choices of the question before still answer it: the draft is where it was.
    const next = await z.say('1');
    expect(question).toMatch(/1\. .+\n2\. .+/);
    expect(next.join('\n')).toContain(vi.bot.categories['moi-truong']);
    const stored = await z.system.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM zalo_inbound_events WHERE event_name = 'user_send_audio' AND status = 'done'",
    );
    expect(stored.rows[0]!.n).toBe(1);
  });
});
