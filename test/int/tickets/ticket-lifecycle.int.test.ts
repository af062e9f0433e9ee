import type { Database } from '../../../src/db/database';
import { TICKET_STATUSES } from '../../../src/tickets/lifecycle/ticket-status';
import { listTicketMessages } from '../../../src/tickets/notify/outbox.repository';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { describeEachDriver } from '../../helpers/db';
import { ticketsOn, webTicket } from './helpers';

describeEachDriver('ticket lifecycle', (getDb) => {
  let db: Database;
  let t: TicketsModule;
  beforeAll(async () => {
    db = getDb();
    ({ t } = await ticketsOn(db));
  });

  /** The ticket's status, history length and queued messages: what a refused transition must leave alone. */
  async function snapshot(id: string) {
    const row = await db.query<{ status: string; events: number }>(
      `SELECT t.status, (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id) AS events
         FROM tickets t WHERE t.id = $1`,
      [id],
    );
    return { ...row.rows[0], messages: (await listTicketMessages(db, id)).length };
  }

  it('when staff answer a ticket that is already answered, then it is refused with a stable code and nothing is written', async () => {
    const r = await t.tickets.create(webTicket('Đèn đường ở xã Nga Sơn hỏng cả tuần nay'));
    await t.staff.answer(r.id, { text: 'Đã thay bóng đèn.', actor: 'staff:1' });
    const before = await snapshot(r.id);
    expect(before.status).toBe('answered');
    await expect(t.staff.answer(r.id, { text: 'Trả lời lần hai', actor: 'staff:1' })).rejects.toMatchObject({
      code: 'invalid_transition',
      status: 409,
    });
    await expect(
      t.staff.reject(r.id, { reason: 'Không thuộc thẩm quyền', actor: 'staff:1' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await snapshot(r.id)).toEqual(before);
  });

  it('when the citizen rates a ticket nobody answered, then it is refused and no rating event is recorded', async () => {
    const r = await t.tickets.create(webTicket('Nước sinh hoạt ở xã Như Thanh có mùi lạ'));
    const before = await snapshot(r.id);
    await expect(
      t.tickets.rate(r.trackingCode, r.pin, 1, { channel: 'directline', rater: 'u' }),
    ).rejects.toMatchObject({
      code: 'ticket_not_answered',
      status: 409,
    });
    expect(await snapshot(r.id)).toEqual(before);
  });

  it('when the portal saw the ticket in one agency and it moved since, then the action is refused', async () => {
    const r = await t.tickets.create(webTicket('Ổ gà trên quốc lộ 47 rất nguy hiểm'));
    await t.staff.transfer(r.id, { toAgencyId: 'so-cong-thuong', reason: 'Chiếu sáng', actor: 'staff:2' });
    const before = await snapshot(r.id);
    await expect(t.staff.start(r.id, { actor: 'staff:3', agencyId: r.agency.id })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await snapshot(r.id)).toEqual(before);
    await t.staff.start(r.id, { actor: 'staff:4', agencyId: 'so-cong-thuong' });
    expect((await snapshot(r.id)).status).toBe('in_progress');
  });

  it('when the database checks a status, then it accepts exactly the lifecycle statuses', async () => {
    const r = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'tickets'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'`,
    );
    const listed = [...(r.rows[0]?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...TICKET_STATUSES].sort());
  });
});
