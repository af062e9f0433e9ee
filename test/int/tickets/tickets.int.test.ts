import type { Database } from '../../../src/db/database';
import { performOutbox } from '../../../src/tickets/notify/outbox.worker';
import { listTicketMessages } from '../../../src/tickets/notify/outbox.repository';
import { performEscalation } from '../../../src/tickets/sla/escalation.job';
import { cancelHoliday, setHoliday } from '../../../src/tickets/sla/holiday.repository';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { memoryLogger } from '../../helpers/app';
import { describeEachDriver } from '../../helpers/db';
import { RecordingChannel, ticketsOn, webTicket, type FakeClock } from './helpers';

const CHAT_RATER = { channel: 'directline', rater: 'user-test' };

describeEachDriver('tickets', (getDb) => {
  let db: Database;
  let t: TicketsModule;
  let clock: FakeClock;
  beforeAll(async () => {
    db = getDb();
    ({ t, clock } = await ticketsOn(db));
  });

  it('when seeding twice, then agencies and units are there once (one UBND per commune of Thanh Hóa)', async () => {
    await ticketsOn(db);
    const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM agencies WHERE kind = 'commune'");
    expect(r.rows[0]?.n).toBe(166);
  });

  it.each([
    ['Cầu tràn ở xã Thiệu Chính bị sạt, xe không qua được', 'feedback', 'giao-thong', '15820', 'ubnd-15820'],
    ['Ổ gà trên quốc lộ rất nguy hiểm', 'feedback', 'giao-thong', null, 'so-xay-dung'],
    ['Mất điện cả ngày ở xã Hậu Lộc', 'feedback', 'dien-nuoc', '16012', 'so-cong-thuong'],
    ['Tôi khiếu nại quyết định thu hồi đất ở xã Hậu Lộc', 'complaint', 'dat-dai', '16012', 'thanh-tra-tinh'],
    ['Tố cáo cán bộ nhận hối lộ', 'denunciation', 'hanh-chinh-cong', null, 'thanh-tra-tinh'],
    ['Karaoke ồn ào đến nửa đêm ở phường Hạc Thành', 'feedback', 'an-ninh-trat-tu', '14797', 'cong-an-tinh'],
    ['Cho tôi hỏi học phí mầm non năm nay bao nhiêu?', 'question', 'giao-duc', null, 'so-giao-duc-dao-tao'],
  ])(
    'when triaging "%s", then kind %s, category %s, commune %s, agency %s',
    async (text, kind, category, commune, agency) => {
      const r = await t.triage.triage(text);
      expect(r).toMatchObject({ kind, category, agency: { id: agency } });
      expect(r.commune?.code ?? null).toBe(commune);
    },
  );

  it('when a commune name is ambiguous, then the detailed triage lists the candidates for the bot to ask', async () => {
    const r = await t.triage.triageDetailed('nước sinh hoạt ở phường Bắc Sơn có mùi lạ');
    expect(r.commune).toBeNull();
    expect(r.communeCandidates.map((c) => c.code).sort()).toEqual(['14818', '16531']);
    expect((await t.triage.triageDetailed('mã th-7k3q9 đến đâu rồi')).trackingCode).toBe('TH-7K3Q9');
  });

  it('when a ticket is filed, then it gets a code, a PIN, deadlines in working days, history and a queued message', async () => {
    const r = await t.tickets.create(webTicket('Cầu tràn ở xã Thiệu Chính bị sạt, xe không qua được'));
    expect(r.trackingCode).toMatch(/^TH-[2-9A-HJ-NP-Z]{5}$/);
    expect(r.pin).toMatch(/^\d{6}$/);
    expect(r.agency).toEqual({ id: 'ubnd-15820', name: 'UBND Xã Thiệu Toán' });
    // Wednesday 4 March 2026: ack end of Thu 5, answer 10 working days later: Wed 18 March.
    expect(r.acknowledgeDueAt.toISOString()).toBe('2026-03-05T16:59:59.999Z');
    expect(r.resolveDueAt.toISOString()).toBe('2026-03-18T16:59:59.999Z');
    const view = await t.tickets.lookup(r.trackingCode, r.pin, 'directline:user-test');
    expect(view?.timeline.map((e) => e.status)).toEqual(['new', 'assigned']);
    const messages = await listTicketMessages(db, r.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain(r.trackingCode);
    const stored = await db.query<{ pin_hash: string }>('SELECT pin_hash FROM tickets WHERE id = $1', [r.id]);
    expect(stored.rows[0]?.pin_hash).not.toContain(r.pin);
  });

  it('when the same message is filed twice with one idempotency key, then one ticket and the same receipt come back', async () => {
    const input = webTicket('Rác thải tồn đọng ở xã Như Thanh bốc mùi');
    const [a, b] = [await t.tickets.create(input), await t.tickets.create(input)];
    expect(b).toEqual(a);
    const r = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tickets WHERE idempotency_key = $1',
      [input.idempotencyKey],
    );
    expect(r.rows[0]?.n).toBe(1);
  });

  it('when a near-identical ticket is open in the same commune and category, then the new one is linked and the citizen told', async () => {
    const first = await t.tickets.create(
      webTicket('Bãi rác tự phát ven sông ở xã Hoằng Hóa gây ô nhiễm môi trường'),
    );
    const second = await t.tickets.create(
      webTicket('Bãi rác tự phát ven sông ở xã Hoằng Hóa gây ô nhiễm môi trường nặng'),
    );
    expect(second.duplicateOf).toBe(first.trackingCode);
    const messages = await listTicketMessages(db, second.id);
    expect(messages[0]?.text).toContain(first.trackingCode);
  });

  it('when a complaint is filed, then its deadline is 30 calendar days', async () => {
    const r = await t.tickets.create({
      ...webTicket('Tôi khiếu nại quyết định xử phạt của xã'),
      kind: 'complaint',
    });
    expect(r.agency.id).toBe('thanh-tra-tinh');
    expect(r.resolveDueAt.toISOString()).toBe('2026-04-03T16:59:59.999Z');
  });

  it('when the agency answers and the citizen rates 2, then the answer is queued with a rating request and the ticket reopens', async () => {
    const r = await t.tickets.create(webTicket('Đèn chiếu sáng đường làng ở xã Nga Sơn tắt hết'));
    await t.staff.answer(r.id, { text: 'Đã thay bóng đèn.', actor: 'staff:1' });
    const messages = await listTicketMessages(db, r.id);
    expect(messages.map((m) => m.event_key.split(':')[2])).toEqual(['created', 'answered']);
    expect(messages[1]?.text).toContain('Đã thay bóng đèn.');
    const view = await t.tickets.rate(r.trackingCode, r.pin, 2, CHAT_RATER, 'Vẫn tối');
    expect(view.status).toBe('reopened');
    expect((await listTicketMessages(db, r.id)).map((m) => m.event_key.split(':')[2])).toEqual([
      'created',
      'answered',
      'reopened',
    ]);
  });

  it('when the citizen rates 5, then the ticket closes, recording channel and rater; rating an unanswered ticket is refused', async () => {
    const r = await t.tickets.create(webTicket('Trường học ở xã Nga Sơn thu nhiều khoản ngoài quy định'));
    await expect(t.tickets.rate(r.trackingCode, r.pin, 5, CHAT_RATER)).rejects.toMatchObject({
      code: 'ticket_not_answered',
      status: 409,
    });
    await t.staff.answer(r.id, { text: 'Đã yêu cầu trường hoàn trả.', actor: 'staff:2' });
    expect((await t.tickets.rate(r.trackingCode, r.pin, 5, CHAT_RATER)).status).toBe('closed');
    const rated = await db.query<{ actor: string; data: Record<string, unknown> }>(
      "SELECT actor, data FROM ticket_events WHERE ticket_id = $1 AND type = 'rated'",
      [r.id],
    );
    // The rating records which channel it came through and who gave it.
    expect(rated.rows).toEqual([
      { actor: 'citizen', data: { rating: 5, channel: 'directline', rater: 'user-test' } },
    ]);
  });

  it('when a ticket is transferred, then the agency changes and the history keeps the reason', async () => {
    const r = await t.tickets.create(webTicket('Ổ gà trên quốc lộ 45 rất nguy hiểm'));
    await t.staff.transfer(r.id, {
      toAgencyId: 'so-cong-thuong',
      reason: 'Thuộc lĩnh vực chiếu sáng',
      actor: 'staff:3',
    });
    const view = await t.tickets.lookup(r.trackingCode, r.pin, 'directline:user-test');
    expect(view?.agency.id).toBe('so-cong-thuong');
    expect(view?.timeline.at(-1)).toMatchObject({ status: 'transferred', note: 'Thuộc lĩnh vực chiếu sáng' });
    await expect(
      t.staff.transfer(r.id, { toAgencyId: 'nowhere', reason: 'x', actor: 's' }),
    ).rejects.toMatchObject({ code: 'unknown_agency' });
  });

  it('when contact details come with consent and deletion is requested, then they are erased', async () => {
    const r = await t.tickets.create(
      webTicket('Mất nước ở xã Như Thanh', {
        contact: { name: 'Nguyễn Văn A', phone: '0912345678', consentAt: new Date() },
      }),
    );
    await t.staff.deleteContact(r.id, 'citizen');
    const row = await db.query<{ contact_name: string | null; contact_phone: string | null }>(
      'SELECT contact_name, contact_phone FROM tickets WHERE id = $1',
      [r.id],
    );
    expect(row.rows[0]).toEqual({ contact_name: null, contact_phone: null });
  });

  it('when one source gets the PIN wrong five times, then that source waits longer each time; another source is not locked out', async () => {
    const r = await t.tickets.create(webTicket('Rác ven đường ở xã Hà Long'));
    const wrong = r.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect(await t.tickets.lookup(r.trackingCode, wrong, 'addr:attacker')).toBeNull();
    expect(await t.tickets.lookup(r.trackingCode, r.pin, 'addr:attacker')).toBeNull();
    // The citizen, from their own chat, is not locked out by someone else's failures.
    expect(await t.tickets.lookup(r.trackingCode, r.pin, 'directline:citizen')).not.toBeNull();
    clock.advance(61_000);
    expect(await t.tickets.lookup(r.trackingCode, wrong, 'addr:attacker')).toBeNull();
    // The sixth failure doubles the wait: a minute later it is still held back, two minutes later not.
    clock.advance(61_000);
    expect(await t.tickets.lookup(r.trackingCode, r.pin, 'addr:attacker')).toBeNull();
    clock.advance(61_000);
    expect(await t.tickets.lookup(r.trackingCode.toLowerCase(), r.pin, 'addr:attacker')).not.toBeNull();
  });

  it('when one source looks up many codes, then the shared per-source window answers 429', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        await t.tickets.lookup(`TH-2222${'ABCDEFGHJKLM'[i]}`, '123456', 'zalo:scanner').then(
          () => 'ok',
          (err: { status: number }) => String(err.status),
        ),
      );
    expect(statuses.filter((s) => s === '429').length).toBeGreaterThan(0);
    clock.advance(61_000);
  });

  it('when an administrator cancels a computed holiday and adds another, then deadlines follow the edited table', async () => {
    const { t: t3 } = await ticketsOn(db, { now: '2026-04-29T02:00:00Z' });
    const due = async (text: string) =>
      (await t3.tickets.create({ ...webTicket(text), kind: 'question' })).resolveDueAt.toISOString();
    // Wed 29 Apr: 30/4 and 1/5 are off, so 5 working days end on Fri 8 May.
    expect(await due('Hỏi về nghị quyết thứ nhất')).toBe('2026-05-08T16:59:59.999Z');
    await cancelHoliday(db, '2026-04-30');
    expect(await due('Hỏi về nghị quyết thứ hai')).toBe('2026-05-07T16:59:59.999Z');
    await setHoliday(db, '2026-05-04', 'Nghỉ hoán đổi');
    expect(await due('Hỏi về nghị quyết thứ ba')).toBe('2026-05-08T16:59:59.999Z');
    await ticketsOn(db); // seeding again must not bring 30/4 back
    expect(await due('Hỏi về nghị quyết thứ tư')).toBe('2026-05-08T16:59:59.999Z');
  });

  it('when the deadline passes, then escalation marks the ticket overdue once and notifies the agency', async () => {
    const { t: t2, clock: c2 } = await ticketsOn(db, { now: '2026-06-01T02:00:00Z' });
    const r = await t2.tickets.create(webTicket('Đường liên xã ở xã Thọ Xuân xuống cấp'));
    expect((await performEscalation({ now: c2.get() }, { db })).escalated).not.toContain(r.trackingCode);
    const late = new Date(r.resolveDueAt.getTime() + 1);
    expect((await performEscalation({ now: late }, { db })).escalated).toContain(r.trackingCode);
    expect((await performEscalation({ now: late }, { db })).escalated).not.toContain(r.trackingCode);
    const n = await db.query(
      "SELECT agency_id FROM agency_notifications WHERE ticket_id = $1 AND type LIKE 'overdue:%'",
      [r.id],
    );
    expect(n.rows).toEqual([{ agency_id: r.agency.id }]);
  });

  it('when nobody takes a new ticket into work by its acknowledgement deadline, then it is escalated once; taken in time, never', async () => {
    const { t: t3, clock: c3 } = await ticketsOn(db, { now: '2026-06-03T02:00:00Z' });
    const idle = await t3.tickets.create(webTicket('Cột điện nghiêng sát nhà dân ở thôn Đông, xã Hoằng Hóa'));
    const taken = await t3.tickets.create(webTicket('Nắp cống vỡ trước cổng chợ, nguy hiểm cho xe máy'));
    // Taken into work (what the portal's "start" does to the row).
    await db.query("UPDATE tickets SET status = 'in_progress' WHERE id = $1", [taken.id]);
    expect((await performEscalation({ now: c3.get() }, { db })).unacknowledged).not.toContain(
      idle.trackingCode,
    );
    const late = new Date(idle.acknowledgeDueAt.getTime() + 1);
    expect(late.getTime()).toBeLessThan(idle.resolveDueAt.getTime());
    const first = await performEscalation({ now: late }, { db });
    expect(first.unacknowledged).toContain(idle.trackingCode);
    expect(first.unacknowledged).not.toContain(taken.trackingCode);
    expect(first.escalated).not.toContain(idle.trackingCode); // the answer deadline has not passed
    expect((await performEscalation({ now: late }, { db })).unacknowledged).not.toContain(idle.trackingCode);
    const n = await db.query<{ type: string; text: string }>(
      'SELECT type, text FROM agency_notifications WHERE ticket_id = $1',
      [idle.id],
    );
    expect(n.rows).toEqual([
      {
        type: `ack_overdue:${idle.acknowledgeDueAt.toISOString()}`,
        text: expect.stringContaining('quá hạn tiếp nhận'),
      },
    ]);
  });

  it('when delivery fails, then it is retried with backoff; after a crash between send and mark it is not delivered twice', async () => {
    const channel = new RecordingChannel('directline');
    t.channels.register(channel);
    const deps = {
      db,
      channels: t.channels,
      logger: memoryLogger('silent').logger,
      maxAttempts: 5,
      leaseMs: 60_000,
      backoffBaseMs: 1_000,
    };
    const now = clock.get();
    await performOutbox({ now }, { ...deps, batchSize: 1000 });
    const r = await t.tickets.create(webTicket('Cột điện nghiêng ở xã Thọ Xuân'));
    channel.failNext = 1;
    const first = await performOutbox({ now: clock.get() }, deps);
    expect(first.retried).toBe(1);
    expect((await performOutbox({ now: clock.get() }, deps)).sent).toBe(0); // backoff: not due yet
    expect((await performOutbox({ now: new Date(clock.get().getTime() + 1_000) }, deps)).sent).toBe(1);
    expect((await listTicketMessages(db, r.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });

    // Crash: the channel delivers, then the process dies before marking the row sent.
    const r2 = await t.tickets.create(webTicket('Nước máy ở xã Thọ Xuân đục'));
    const crashing = { ...deps, db: crashAfterDeliver(db) };
    await expect(performOutbox({ now: clock.get() }, crashing)).rejects.toThrow('crash');
    const id = `outbox-${(await listTicketMessages(db, r2.id))[0]?.id}`;
    expect(channel.requests.filter((m) => m.id === id)).toHaveLength(1);
    // The lease runs out; another worker takes the row and delivers again with the same id: the channel dedupes.
    await performOutbox({ now: new Date(clock.get().getTime() + 61_000) }, deps);
    expect(channel.requests.filter((m) => m.id === id)).toHaveLength(2);
    expect([...channel.delivered.keys()].filter((k) => k === id)).toHaveLength(1);
    expect((await listTicketMessages(db, r2.id))[0]?.status).toBe('sent');
  });

  it('when someone tries to rewrite history, then the database refuses (last: pglite-socket drops the connection after this error)', async () => {
    await expect(db.query("UPDATE ticket_events SET note = 'x'")).rejects.toThrow(/append-only/);
  });
});

/** The database as seen by a process that dies right after a channel call: marking the row sent throws. */
function crashAfterDeliver(db: Database): Database {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query')
        return (sql: string, params?: unknown[]) =>
          /SET status = 'sent'/.test(sql) ? Promise.reject(new Error('crash')) : target.query(sql, params);
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
