import { stringify } from 'csv-stringify/sync';
import { programmesVi as P } from '../i18n/programmes.vi';
import { apiHref, filterItems, type Listing } from './listing';
import type { ReportRow } from './programme.repository';
import type { ItemView, ProgrammeView } from './programme.service';

/** The public page of an item. */
export const itemPath = (code: string): string => `/tien-do/nhiem-vu/${encodeURIComponent(code)}`;

/** A report as the API shows it (no staff ids). */
export function reportJson(r: ReportRow) {
  return {
    date: r.reported_on,
    percent: r.percent,
    value: r.value,
    note: r.note,
    agency: r.agency_id ? { id: r.agency_id, name: r.agency_name } : null,
    evidence: r.evidence.map((e) => ({ name: e.filename, url: `/tien-do/minh-chung/${e.id}` })),
  };
}

/** An item as the API shows it (`GET /api/programmes/:id` contract: code, kind, title, status, progress, …). */
export function itemJson(i: ItemView) {
  return {
    code: i.code,
    kind: i.kind,
    title: i.title,
    group: i.group_title,
    status: i.status,
    status_label: P.status[i.status],
    progress: i.progress === null ? null : Math.round(i.progress * 10) / 10,
    lead_agency: i.lead_agency_id ? { id: i.lead_agency_id, name: i.lead_agency_name } : null,
    coordinating_agencies: i.coordinating,
    start: i.start_on,
    deadline: i.deadline,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    budget: i.budget,
    product: i.product,
    document: i.document,
    latest_report: i.latest_report ? reportJson(i.latest_report) : null,
    linked_tickets: i.linked_tickets,
    url: itemPath(i.code),
  };
}

/**
 * A programme with its groups, counts and items, as JSON: every item (what existing callers read), or with a
 * listing the filtered slice of items and `page` (`total` matching items, `offset`, `limit`, `next` page's address
 * or null). `counts` always cover the whole programme.
 */
export function programmeJson(p: ProgrammeView, listing: Listing | null = null) {
  const head = {
    id: p.id,
    title: p.title,
    document: p.document,
    document_title: p.document_title,
    sample: p.sample,
    groups: p.groups,
    counts: p.counts,
  };
  if (!listing) return { ...head, items: p.items.map(itemJson) };
  const matching = filterItems(p.items, listing);
  const items = matching.slice(listing.offset, listing.offset + listing.limit);
  const after = listing.offset + items.length;
  return {
    ...head,
    items: items.map(itemJson),
    page: {
      total: matching.length,
      offset: listing.offset,
      limit: listing.limit,
      next: after < matching.length ? apiHref(p.id, listing, after) : null,
    },
  };
}

// A cell starting with = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
const safeCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
};

/** A programme's items as CSV (UTF-8 with BOM for spreadsheet programs), one row per item. */
export function programmeCsv(p: ProgrammeView): string {
  const header = [
    'code',
    'group',
    'kind',
    'title',
    'status',
    'progress_percent',
    'lead_agency',
    'deadline',
    'latest_report_date',
    'latest_report_note',
    'linked_tickets',
  ];
  const rows = p.items.map((i) =>
    [
      i.code,
      i.group_title,
      i.kind,
      i.title,
      P.status[i.status],
      i.progress === null ? '' : i.progress.toFixed(1),
      i.lead_agency_name,
      i.deadline,
      i.latest_report?.reported_on,
      i.latest_report?.note,
      i.linked_tickets,
    ].map(safeCell),
  );
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}
