import type { Queryable } from '../db/database';
import { AppError } from '../http/errors';
import { programmesVi as P } from '../i18n/programmes.vi';
import { loadCalendar } from '../tickets/ticket.context';
import { vnDay } from '../reference/vn-time';
import {
  itemByCode,
  programmeDataVersion,
  listProgrammes,
  programmeById,
  programmeGroups,
  programmeItems,
  latestReportsOf,
  reportPointsOf,
  reportsOf,
  type ReportPoint,
  type ItemRow,
  type ProgrammeRow,
  type ReportRow,
} from './programme.repository';
import { VersionedCache, type Stamp } from './render-cache';
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
    const codes = rows.map((r) => r.code);
    const [points, latest] = await Promise.all([
      reportPointsOf(this.db, codes),
      latestReportsOf(this.db, codes, today),
    ]);
    const byItem = new Map<string, ReportPoint[]>();
    for (const p of points) {
      const list = byItem.get(p.item_code);
      if (list) list.push(p);
      else byItem.set(p.item_code, [p]);
    }
    const latestOf = new Map(latest.map((r) => [r.item_code, r]));
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
      const { status, progress, expected, effectiveDeadline } = derived;
      return {
        ...row,
        status,
        progress,
        expected,
        effective_deadline: effectiveDeadline,
        latest_report: latestOf.get(row.code) ?? null,
      };
    });
  }

  private readonly cache = new VersionedCache();

  /** What cached values are keyed on: the programme data version in the database and today's date. */
  async stamp(): Promise<Stamp> {
    return { version: BigInt(await programmeDataVersion(this.db)), day: vnDay(this.clock()) };
  }

  /** Every item with status for the public pages and the API, read again once the data or the day changed. */
  private async readItems(): Promise<ItemView[]> {
    return this.cache.get(await this.stamp(), 'items', async () =>
      this.withStatus(await programmeItems(this.db, null)),
    );
  }

  /**
   * A response body made from the programme data, made again only once the data (on any replica) or the day
   * changed; `name` must hold everything else the body depends on (the programme row, filters, page).
   */
  async rendered(name: string, make: () => Promise<string>): Promise<string> {
    return this.cache.get(await this.stamp(), `body:${name}`, make);
  }

  /** Every programme row, in title order (no statuses). */
  async rows(): Promise<ProgrammeRow[]> {
    return listProgrammes(this.db);
  }

  /** One programme row; throws programme_not_found. */
  async row(id: string): Promise<ProgrammeRow> {
    const p = await programmeById(this.db, id);
    if (!p) throw new AppError('programme_not_found', 404, P.errors.programme_not_found);
    return p;
  }

  /** Every programme with its items' counts by status. */
  async list(): Promise<Array<ProgrammeRow & { counts: Record<ItemStatus, number>; items: number }>> {
    const programmes = await listProgrammes(this.db);
    const items = await this.readItems();
    return programmes.map((p) => {
      const mine = items.filter((i) => i.programme_id === p.id);
      return { ...p, items: mine.length, counts: countByStatus(mine) };
    });
  }

  /** One programme with groups and items; throws programme_not_found. */
  async programme(id: string): Promise<ProgrammeView> {
    const p = await this.row(id);
    const items = (await this.readItems()).filter((i) => i.programme_id === id);
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
