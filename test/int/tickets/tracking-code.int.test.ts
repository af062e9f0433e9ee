import type { DriverHandle } from '../../helpers/db';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPg } from '../../../src/db/pg.driver';
import { createEmbeddedTestDb } from '../../helpers/db';
import { ticketsOn, webTicket } from './helpers';

describe('tracking codes under concurrency', () => {
  let handle: DriverHandle;
  afterAll(async () => {
    await handle?.close();
  });

  it('when two connections create tickets at once and their first codes collide, then both get unique codes', async () => {
    // Two real connections to one database: PGlite in-process and node-postgres through the socket server.
    const pglite = await createEmbeddedTestDb();
    const server = new PGLiteSocketServer({ db: pglite.raw, host: '127.0.0.1', port: 0 });
    await server.start();
    const pg = await openPg({
      connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
      max: 1,
      singleConnection: true,
    });
    handle = {
      db: pg,
      close: async () => {
        await pg.close();
        await server.stop();
        await pglite.close();
      },
    };
    // Both sides draw from the same short sequence, so the second insert of "TH-AAAAA" must retry.
    const sequence = () => {
      const codes = ['TH-AAAAA', 'TH-AAAAA', 'TH-BBBBB', 'TH-CCCCC', 'TH-DDDDD'];
      let i = 0;
      return () => codes[i++ % codes.length] as string;
    };
    const { t: viaPglite } = await ticketsOn(pglite, { nextCode: sequence() });
    const { t: viaPg } = await ticketsOn(pg, { nextCode: sequence() });
    const results = await Promise.all([
      viaPglite.tickets.create(webTicket('Đường ở xã Thọ Xuân hỏng nặng')),
      viaPg.tickets.create(webTicket('Rác ở xã Nga Sơn không được thu gom')),
      viaPglite.tickets.create(webTicket('Điện yếu ở xã Hà Long')),
      viaPg.tickets.create(webTicket('Karaoke ồn ở phường Hạc Thành')),
    ]);
    const codes = results.map((r) => r.trackingCode);
    expect(new Set(codes).size).toBe(4);
    expect(codes).toContain('TH-AAAAA');
  });
});
