import type { Database } from '../../db/database';
import { programmesVi as P } from '../../i18n/programmes.vi';
import type { ConversationRef } from '../../ports';
import { enqueueMessage } from '../../tickets/notify/outbox.repository';
import { itemPath } from '../programme.present';
import { itemByCode, programmeItems } from '../programme.repository';
import type { ProgrammeService } from '../programme.service';
import {
  addFollower,
  advanceNotifiedStatus,
  followedCodes,
  followersOf,
  initNotifiedStatus,
} from './follow.repository';

/** Name of the job that tells followers about status changes. */
export const PROGRAMME_STATUS_JOB = 'programme-status';

/** Citizens follow items ("theo dõi <mã>") and are told on their channel, through the outbox, when the status changes. */
export class ProgrammeFollowService {
  constructor(
    private readonly db: Database,
    private readonly programmes: ProgrammeService,
    private readonly baseUrl: string,
  ) {}

  /** Follows an item by code (any case); returns the sentence to answer with. */
  async follow(code: string, ref: ConversationRef): Promise<string> {
    const row = await itemByCode(this.db, code.toUpperCase());
    if (!row) return P.follow.unknown(code.toUpperCase());
    const [item] = await this.programmes.withStatus([row]);
    await addFollower(this.db, row.code, ref);
    await initNotifiedStatus(this.db, row.code, item!.status);
    return P.follow.done(row.title, P.status[item!.status]);
  }

  /** One pass: for every followed item whose status changed, queue one message per follower; returns how many. */
  async notifyChanges(now: Date): Promise<number> {
    const codes = new Set(await followedCodes(this.db));
    if (codes.size === 0) return 0;
    const rows = (await programmeItems(this.db, null)).filter((r) => codes.has(r.code));
    let queued = 0;
    for (const item of await this.programmes.withStatus(rows)) {
      if (item.status === item.notified_status) continue;
      const text = P.follow.changed(
        item.title,
        P.status[item.status],
        `${this.baseUrl}${itemPath(item.code)}`,
      );
      queued += await this.db.transaction(async (tx) => {
        if (!(await advanceNotifiedStatus(tx, item.code, item.notified_status, item.status))) return 0;
        let n = 0;
        for (const to of await followersOf(tx, item.code)) {
          const eventKey = `programme:${item.code}:${item.notified_status ?? '-'}>${item.status}:${now.toISOString()}:${to.channel}:${to.userId}`;
          if (await enqueueMessage(tx, { eventKey, ticketId: null, to, text, now })) n++;
        }
        return n;
      });
    }
    return queued;
  }
}
