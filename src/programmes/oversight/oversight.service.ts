import type { StaffPrincipal } from '../../agencies/auth.service';
import type { Database } from '../../db/database';
import { AppError, appError } from '../../http/errors';
import { programmesVi as P } from '../../i18n/programmes.vi';
import { DEFAULT_AGENCY_ID } from '../../tickets/routing/router';
import { initNotifiedStatus } from '../follow/follow.repository';
import { itemByCode } from '../programme.repository';
import type { ProgrammeService } from '../programme.service';
import {
  commentsOf,
  hideComment,
  insertComment,
  markNoticesRead,
  setStaffFollow,
  staffFollowed,
  ticketFigures,
  unreadNotices,
  type CommentRow,
  type NoticeRow,
  type TicketFigures,
} from './oversight.repository';

/** Longest comment, in characters. */
export const MAX_COMMENT_CHARS = 4000;

/** True for the provincial office (administrators, and staff of Văn phòng UBND tỉnh, the triage desk). */
export function isProvincialOffice(user: StaffPrincipal): boolean {
  return user.role === 'admin' || (user.agencyId === DEFAULT_AGENCY_ID && user.role !== 'oversight');
}

/** True when the user reads every agency's items: the provincial office and oversight. */
export function seesAllItems(user: StaffPrincipal): boolean {
  return user.role === 'oversight' || isProvincialOffice(user);
}

/**
 * Oversight (giám sát, phản biện): deputies and the Fatherland Front comment on items (shown publicly with their
 * role, hidden by the provincial office when they break the rules) and follow items in the portal.
 */
export class OversightService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
    private readonly programmes: ProgrammeService,
  ) {}

  private async requireItem(code: string): Promise<void> {
    if (!(await itemByCode(this.db, code)))
      throw new AppError('item_not_found', 404, P.errors.item_not_found);
  }

  /** Adds an oversight comment to an item; 403 for every other role. */
  async comment(user: StaffPrincipal, code: string, body: string): Promise<number> {
    if (user.role !== 'oversight') throw new AppError('forbidden', 403, P.oversight.onlyOversight);
    await this.requireItem(code);
    const text = body.trim();
    if (!text || text.length > MAX_COMMENT_CHARS)
      throw new AppError('comment_invalid', 400, P.errors.comment_invalid(MAX_COMMENT_CHARS));
    return insertComment(this.db, { code, authorId: user.userId, authorName: user.displayName, body: text });
  }

  /** Hides a comment (it stays stored); the provincial office only. */
  async hide(user: StaffPrincipal, code: string, id: number): Promise<void> {
    if (!isProvincialOffice(user)) throw appError('forbidden', 403);
    if (!(await hideComment(this.db, code, id, user.userId, this.clock())))
      throw new AppError('comment_not_found', 404, P.errors.comment_not_found);
  }

  /** An item's comments: visible ones for the public, all (hidden marked) for moderators. */
  comments(code: string, user?: StaffPrincipal): Promise<CommentRow[]> {
    return commentsOf(this.db, code, user !== undefined && isProvincialOffice(user));
  }

  /** Follows (or stops following) an item in the portal: its status changes become portal notices. */
  async follow(user: StaffPrincipal, code: string, on: boolean): Promise<void> {
    const row = await itemByCode(this.db, code);
    if (!row) throw new AppError('item_not_found', 404, P.errors.item_not_found);
    await setStaffFollow(this.db, code, user.userId, on);
    // The status seen when following is the one later changes are told against.
    if (on) await initNotifiedStatus(this.db, code, (await this.programmes.withStatus([row]))[0]!.status);
  }

  /** The codes the user follows. */
  followed(user: StaffPrincipal): Promise<Set<string>> {
    return staffFollowed(this.db, user.userId);
  }

  /** The user's unread notices (their followed items, their agency's reminders). */
  notices(user: StaffPrincipal): Promise<NoticeRow[]> {
    return unreadNotices(this.db, user.userId, user.role === 'oversight' ? null : user.agencyId);
  }

  /** Marks the notices shown (up to the newest id) as read. */
  markRead(user: StaffPrincipal, upTo: number): Promise<void> {
    const agency = user.role === 'oversight' ? null : user.agencyId;
    return markNoticesRead(this.db, user.userId, agency, upTo, this.clock());
  }

  /** Ticket counts per agency, for those who read every agency's items. */
  async figures(user: StaffPrincipal): Promise<TicketFigures[]> {
    return seesAllItems(user) ? ticketFigures(this.db, this.clock()) : [];
  }
}
