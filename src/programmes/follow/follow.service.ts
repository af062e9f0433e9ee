import type { Database } from '../../db/database';
import { programmesVi as P } from '../../i18n/programmes.vi';
import type { ConversationRef } from '../../ports';
import { enqueueMessage } from '../../tickets/notify/outbox.repository';
import { agencyKey } from '../import/values';
import { insertNotice, staffFollowersOf } from '../oversight/oversight.repository';
import { itemPath } from '../programme.present';
import { itemByCode, programmeItems, type ItemRow } from '../programme.repository';
import type { ItemView, ProgrammeService } from '../programme.service';
import {
  addFollower,
  advanceNotifiedStatus,
  followedCodes,
  followersOf,
  initNotifiedStatus,
  removeFollower,
} from './follow.repository';

/** Name of the job that tells followers about status changes. */
export const PROGRAMME_STATUS_JOB = 'programme-status';

/** What "theo dõi …" names: an item code, or words of its title ("nhiệm vụ chuyển đổi số"). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const KIND_WORDS = /^(nhiem vu|chi tieu|muc tieu|ma)\s+/;

/** Citizens follow items ("theo dõi <mã>") and are told on their channel, through the outbox, when the status changes. */
export class ProgrammeFollowService {
  constructor(
    private readonly db: Database,
    private readonly programmes: ProgrammeService,
    private readonly baseUrl: string,
  ) {}

  /** The item a citizen names: its code (any case), else the one item whose title holds the words; or a reply. */
  private async resolve(named: string): Promise<ItemRow | string> {
    const words = agencyKey(named)
      .replace(/[«»"“”?.!]/g, '')
      .trim()
      .replace(KIND_WORDS, '');
    const raw = named.trim().split(/\s+/).at(-1) ?? '';
    if (CODE.test(raw)) {
      const row = await itemByCode(this.db, raw.toUpperCase());
      if (row) return row;
    }
    if (words.length >= 4 && !CODE.test(named.trim())) {
      const hits = (await programmeItems(this.db, null)).filter((r) => r.title_folded.includes(words));
      if (hits.length === 1) return hits[0]!;
      if (hits.length > 1) return P.follow.ambiguous(hits.slice(0, 5).map((h) => h.code));
    }
    return P.follow.unknown(named.trim());
  }

  /** Follows an item by code or title words; returns the sentence to answer with. */
  async follow(named: string, ref: ConversationRef): Promise<string> {
    const row = await this.resolve(named);
    if (typeof row === 'string') return row;
    const [item] = await this.programmes.withStatus([row]);
    await addFollower(this.db, row.code, ref);
    await initNotifiedStatus(this.db, row.code, item!.status);
    return P.follow.done(row.title, P.status[item!.status], row.code);
  }

  /** Stops following an item; returns the sentence to answer with. */
  async unfollow(named: string, ref: ConversationRef): Promise<string> {
    const row = await this.resolve(named);
    if (typeof row === 'string') return row;
    const removed = await removeFollower(this.db, row.code, ref);
    return removed ? P.follow.stopped(row.title) : P.follow.notFollowing(row.title);
  }

  /** One pass: for every followed item whose status changed, queue one message per follower; returns how many. */
  async notifyChanges(now: Date): Promise<number> {
    const codes = new Set(await followedCodes(this.db));
    if (codes.size === 0) return 0;
    const rows = (await programmeItems(this.db, null)).filter((r) => codes.has(r.code));
    let queued = 0;
    for (const item of await this.programmes.withStatus(rows)) queued += await this.notifyOne(item, now);
    return queued;
  }

  /** Right after a report: tells the item's followers when it changed the status; returns how many were queued. */
  async notifyItem(code: string, now: Date): Promise<number> {
    const row = await itemByCode(this.db, code);
    if (!row || !(await followedCodes(this.db, code)).length) return 0;
    const [item] = await this.programmes.withStatus([row]);
    return this.notifyOne(item!, now);
  }

  // The compare-and-set on notified_status makes a status change notify once, whichever replica, job or report
  // gets there first, and however often it is retried; the outbox's event key makes a retried insert a no-op.
  private async notifyOne(item: ItemView, now: Date): Promise<number> {
    if (item.status === item.notified_status) return 0;
    const text = P.follow.changed(item.title, P.status[item.status], `${this.baseUrl}${itemPath(item.code)}`);
    return this.db.transaction(async (tx) => {
      if (!(await advanceNotifiedStatus(tx, item.code, item.notified_status, item.status))) return 0;
      const notice = P.oversight.statusNotice(item.code, item.title, P.status[item.status]);
      for (const userId of await staffFollowersOf(tx, item.code)) {
        const key = `programme:${item.code}:${item.notified_status ?? '-'}>${item.status}:${now.toISOString()}:${userId}`;
        await insertNotice(tx, { userId, code: item.code, kind: 'status', text: notice, key, now });
      }
      let n = 0;
      for (const to of await followersOf(tx, item.code)) {
        const eventKey = `programme:${item.code}:${item.notified_status ?? '-'}>${item.status}:${now.toISOString()}:${to.channel}:${to.userId}`;
        if (await enqueueMessage(tx, { eventKey, ticketId: null, to, text, now })) n++;
      }
      return n;
    });
  }
}
