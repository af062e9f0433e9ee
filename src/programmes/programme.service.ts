import type { Queryable } from '../db/database';
import { AppError } from '../http/errors';
import { programmesVi as P } from '../i18n/programmes.vi';
import { loadCalendar } from '../tickets/ticket.context';
import { vnDay } from '../reference/vn-time';
import {
  itemByCode,
  listProgrammes,
  programmeById,
  programmeGroups,
  programmeItems,
  reportsOf,
  type ItemRow,
  type ProgrammeRow,
  type ReportRow,
} from './programme.repository';
import { deriveStatus, ITEM_STATUSES, type DayCalendar, type ItemStatus } from './status';

/** An item as pages, the API and the chat show it: stored fields plus the derived status and progress. */
export interface ItemView extends ItemRow {
  status: ItemStatus;
  progress: number | null;
  expected: number | null;
  effective_deadline: string | null;
  latest_report: ReportRow | null;
}

/** A programme with its groups, items and counts by status. */
export interface ProgrammeView extends ProgrammeRow {
  groups: Array<{ id: number; title: string }>;
  items: ItemView[];
  counts: Record<ItemStatus, number>;
}

/** Counts of items by status. */
export function countByStatus(items: readonly { status: ItemStatus }[]): Record<ItemStatus, number> {
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const i of items) counts[i.status]++;
  return counts;
}

/** Reads programmes and derives every item's status for today on the working-day calendar. */
export class ProgrammeService {
  constructor(
    private readonly db: Queryable,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Items with status, from their rows and every report of theirs. */
  async withStatus(rows: readonly ItemRow[], calendar?: DayCalendar): Promise<ItemView[]> {
    const cal = calendar ?? (await loadCalendar(this.db));
    const today = vnDay(this.clock());
    const reports = await reportsOf(
      this.db,
      rows.map((r) => r.code),
    );
    const byItem = new Map<string, ReportRow[]>();
    for (const r of reports) byItem.set(r.item_code, [...(byItem.get(r.item_code) ?? []), r]);
    return rows.map((row) => {
      const mine = byItem.get(row.code) ?? [];
      const derived = deriveStatus(
        {
          kind: row.kind,
          startOn: row.start_on,
          deadline: row.deadline,
          baselineValue: row.baseline_value,
          targetValue: row.target_value,
          reports: mine.map((r) => ({ reportedOn: r.reported_on, percent: r.percent, value: r.value })),
          today,
        },
        cal,
      );
      const latest = mine.find((r) => r.reported_on <= today) ?? null;
      const { status, progress, expected, effectiveDeadline } = derived;
      return {
        ...row,
        status,
        progress,
        expected,
        effective_deadline: effectiveDeadline,
        latest_report: latest,
      };
    });
  }

  /** Every programme with its items' counts by status. */
  async list(): Promise<Array<ProgrammeRow & { counts: Record<ItemStatus, number>; items: number }>> {
    const programmes = await listProgrammes(this.db);
    const items = await this.withStatus(await programmeItems(this.db, null));
    return programmes.map((p) => {
      const mine = items.filter((i) => i.programme_id === p.id);
      return { ...p, items: mine.length, counts: countByStatus(mine) };
    });
  }

  /** One programme with groups and items; throws programme_not_found. */
  async programme(id: string): Promise<ProgrammeView> {
    const p = await programmeById(this.db, id);
    if (!p) throw new AppError('programme_not_found', 404, P.errors.programme_not_found);
    const items = await this.withStatus(await programmeItems(this.db, id));
    return { ...p, groups: await programmeGroups(this.db, id), items, counts: countByStatus(items) };
  }

  /** One item with its programme and its whole timeline of reports; throws item_not_found. */
  async item(code: string): Promise<{ item: ItemView; programme: ProgrammeRow; reports: ReportRow[] }> {
    const row = await itemByCode(this.db, code);
    if (!row) throw new AppError('item_not_found', 404, P.errors.item_not_found);
    const [item] = await this.withStatus([row]);
    const programme = (await programmeById(this.db, row.programme_id))!;
    return { item: item!, programme, reports: await reportsOf(this.db, [code]) };
  }

  /** Every item of every programme, with status (the chat matches questions against them). */
  async allItems(): Promise<ItemView[]> {
    return this.withStatus(await programmeItems(this.db, null));
  }
}
