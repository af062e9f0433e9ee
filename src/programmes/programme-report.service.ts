import type { StaffPrincipal } from '../agencies/auth.service';
import type { Database } from '../db/database';
import { AppError, appError } from '../http/errors';
import { programmesVi as P } from '../i18n/programmes.vi';
import { vnDay } from '../reference/vn-time';
import { insertEvidence, insertPortalReport, itemByCode, type ItemRow } from './programme.repository';
import { linkTicket, ticketByCode } from './programme-links.repository';

/** A progress report as an agency files it in the portal. */
export interface ReportInput {
  reportedOn: string;
  percent: number | null;
  value: number | null;
  note: string | null;
  evidence?: { filename: string; bytes: Buffer };
}

/** Largest evidence file, in bytes. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** What a file's first bytes say it is (only types browsers display safely; anything else is a plain download). */
export function sniffContentType(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return 'application/octet-stream';
}

/** Agencies report on the items they lead; staff link citizens' tickets to items. */
export class ProgrammeReportService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date = () => new Date(),
    /** Runs after a report is stored (tells the item's followers when the status changed). */
    private readonly afterReport: (code: string) => Promise<void> = async () => {},
  ) {}

  private async item(code: string): Promise<ItemRow> {
    const item = await itemByCode(this.db, code);
    if (!item) throw new AppError('item_not_found', 404, P.errors.item_not_found);
    return item;
  }

  /** True when the user may report on the item: staff and supervisors of its lead agency, nobody else. */
  canReport(user: StaffPrincipal, item: Pick<ItemRow, 'lead_agency_id'>): boolean {
    return user.agencyId !== null && user.agencyId === item.lead_agency_id;
  }

  /** Appends a report (and its evidence) in one transaction; throws 403 for another agency's item. */
  async fileReport(user: StaffPrincipal, code: string, input: ReportInput): Promise<number> {
    const item = await this.item(code);
    if (!this.canReport(user, item)) throw new AppError('forbidden', 403, P.portal.notYours);
    const valid =
      (input.percent !== null || input.value !== null) &&
      (input.percent === null || (input.percent >= 0 && input.percent <= 100)) &&
      input.reportedOn <= vnDay(this.clock());
    if (!valid) throw new AppError('report_invalid', 400, P.errors.report_invalid);
    if (input.evidence && input.evidence.bytes.length > MAX_EVIDENCE_BYTES)
      throw new AppError(
        'evidence_too_large',
        413,
        P.errors.evidence_too_large(MAX_EVIDENCE_BYTES / 1024 / 1024),
      );
    const id = await this.db.transaction(async (tx) => {
      const id = await insertPortalReport(tx, {
        ...input,
        code,
        agencyId: user.agencyId,
        userId: user.userId,
      });
      const file = input.evidence;
      if (file && file.bytes.length > 0)
        await insertEvidence(tx, id, { ...file, contentType: sniffContentType(file.bytes) });
      return id;
    });
    await this.afterReport(item.code);
    return id;
  }

  /** Links a ticket (by tracking code) to an item; the user must be allowed to see that ticket. */
  async linkTicket(user: StaffPrincipal, code: string, trackingCode: string): Promise<void> {
    await this.item(code);
    const ticket = await ticketByCode(this.db, trackingCode.trim().toUpperCase());
    if (!ticket) throw new AppError('ticket_code_unknown', 404, P.errors.ticket_code_unknown);
    if (user.role !== 'admin' && user.agencyId !== ticket.agency_id) throw appError('forbidden', 403);
    await linkTicket(this.db, code, ticket.id, user.userId);
  }
}
