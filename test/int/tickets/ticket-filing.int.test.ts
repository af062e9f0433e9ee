import type { Database } from '../../../src/db/database';
import type { TicketsModule } from '../../../src/tickets/tickets.module';
import { describeEachDriver } from '../../helpers/db';
import { ticketsOn, webTicket } from './helpers';

describeEachDriver('ticket filing', (getDb) => {
  let db: Database;
  let t: TicketsModule;
  beforeAll(async () => {
    db = getDb();
    ({ t } = await ticketsOn(db));
  });

  async function stored(id: string) {
    const r = await db.query<{ category: string; commune_code: string | null; agency_id: string }>(
      'SELECT category, commune_code, agency_id FROM tickets WHERE id = $1',
      [id],
    );
    return r.rows[0];
  }

  it('when nothing is carried, then filing analyses the text once for category and commune', async () => {
    const r = await t.tickets.create(webTicket('Ổ gà trên quốc lộ rất nguy hiểm'));
    expect(await stored(r.id)).toEqual({
      category: 'giao-thong',
      commune_code: null,
      agency_id: 'so-xay-dung',
    });
  });

  it('when the triage of the first message is carried, then filing uses it instead of analysing the text again', async () => {
    const triage = {
      kind: 'feedback',
      category: 'dien-nuoc',
      commune: { code: '16012', name: 'Xã Hậu Lộc' },
    };
    const r = await t.tickets.create(webTicket('Ổ gà trên quốc lộ rất nguy hiểm', { triage }));
    expect(await stored(r.id)).toEqual({
      category: 'dien-nuoc',
      commune_code: '16012',
      agency_id: 'so-cong-thuong',
    });
  });

  it('when a carried triage says the commune is unknown, then the ticket has none even if the text names one', async () => {
    const triage = { kind: 'feedback', category: 'giao-thong', commune: null };
    const r = await t.tickets.create(webTicket('Cầu tràn ở xã Thiệu Chính bị sạt', { triage }));
    expect(await stored(r.id)).toMatchObject({ commune_code: null, agency_id: 'so-xay-dung' });
  });

  it('when a carried triage is malformed, then filing refuses it as a validation error', async () => {
    const triage = { kind: 'feedback', category: 'giao-thong', commune: { code: 'x', name: 'y' } };
    await expect(t.tickets.create(webTicket('Cầu tràn bị sạt lở', { triage }))).rejects.toMatchObject({
      code: 'validation_failed',
      status: 400,
    });
  });
});
