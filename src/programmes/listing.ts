import { appError } from '../http/errors';
import type { ItemView } from './programme.service';
import { ITEM_STATUSES, type ItemStatus } from './status';

/** Which items of a programme a list shows: by group, status and lead agency (null: any). */
export interface ItemFilter {
  group: number | null;
  status: ItemStatus | null;
  agency: string | null;
}

/** A filtered slice of a programme's items: `offset` items skipped, at most `limit` shown. */
export interface Listing extends ItemFilter {
  offset: number;
  limit: number;
}

/** Items per page of `/tien-do/<id>`. */
export const PAGE_SIZE = 50;

/** Largest `limit` the API takes. */
export const MAX_API_LIMIT = 500;

/** The item "agency" filter value of items no agency leads. */
export const NO_AGENCY = 'none';

type Query = Record<string, unknown>;

const API_PARAMS = ['limit', 'offset', 'status', 'group', 'agency'] as const;

const one = (q: Query, name: string): string | null => {
  const v = q[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : null;
};
const isStatus = (s: string | null): s is ItemStatus => s !== null && ITEM_STATUSES.includes(s as ItemStatus);
const wholeNumber = (s: string | null): number | null =>
  s !== null && /^\d{1,9}$/.test(s) ? Number(s) : null;
const agencyId = (s: string | null): string | null => (s !== null && /^[a-z0-9-]{1,80}$/.test(s) ? s : null);

/** The items a filter keeps, in their order. */
export function filterItems(items: readonly ItemView[], f: ItemFilter): ItemView[] {
  return items.filter(
    (i) =>
      (f.group === null || i.group_id === f.group) &&
      (f.status === null || i.status === f.status) &&
      (f.agency === null || (i.lead_agency_id ?? NO_AGENCY) === f.agency),
  );
}

/**
 * The filters and page of `/tien-do/<id>?nhom=&trang-thai=&co-quan=&trang=`. A value the page does not know is
 * dropped (the page shows every item for it) rather than refused: these links are shared and typed by hand.
 */
export function pageListing(q: Query): Listing & { page: number } {
  const page = Math.max(1, wholeNumber(one(q, 'trang')) ?? 1);
  const status = one(q, 'trang-thai');
  return {
    group: wholeNumber(one(q, 'nhom')),
    status: isStatus(status) ? status : null,
    agency: agencyId(one(q, 'co-quan')),
    page,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** The address of a page of `/tien-do/<id>` with these filters (empty ones left out). */
export function pageHref(programmeId: string, f: ItemFilter, page = 1): string {
  const params = new URLSearchParams();
  if (f.group !== null) params.set('nhom', String(f.group));
  if (f.status !== null) params.set('trang-thai', f.status);
  if (f.agency !== null) params.set('co-quan', f.agency);
  if (page > 1) params.set('trang', String(page));
  const qs = params.toString();
  return `/tien-do/${encodeURIComponent(programmeId)}${qs ? `?${qs}` : ''}`;
}

/**
 * The paging of `GET /api/programmes/:id?limit=&offset=&status=&group=&agency=`; null when none of these is given
 * (the whole programme, as existing callers read it). Throws validation_failed for a value it cannot read.
 */
export function apiListing(q: Query): Listing | null {
  if (API_PARAMS.every((n) => one(q, n) === null)) return null;
  const [limit, offset, status, group, agency] = [
    one(q, 'limit'),
    one(q, 'offset'),
    one(q, 'status'),
    one(q, 'group'),
    one(q, 'agency'),
  ];
  const l = {
    limit: limit === null ? PAGE_SIZE : (wholeNumber(limit) ?? 0),
    offset: offset === null ? 0 : wholeNumber(offset),
    status: isStatus(status) ? status : null,
    group: wholeNumber(group),
    agency: agencyId(agency),
  };
  const bad = [
    l.limit < 1 || l.limit > MAX_API_LIMIT ? 'limit' : null,
    l.offset === null ? 'offset' : null,
    status !== null && l.status === null ? 'status' : null,
    group !== null && l.group === null ? 'group' : null,
    agency !== null && l.agency === null ? 'agency' : null,
  ].filter((f) => f !== null);
  if (bad.length || l.offset === null) throw appError('validation_failed', 400, { fields: bad });
  return { ...l, offset: l.offset };
}

/** The address of the API page of a programme with this listing at `offset`. */
export function apiHref(programmeId: string, l: Listing, offset: number): string {
  const params = new URLSearchParams({ limit: String(l.limit), offset: String(offset) });
  if (l.status !== null) params.set('status', l.status);
  if (l.group !== null) params.set('group', String(l.group));
  if (l.agency !== null) params.set('agency', l.agency);
  return `/api/programmes/${encodeURIComponent(programmeId)}?${params.toString()}`;
}

/** A stable key of a listing, for the render cache. */
export function listingKey(l: Listing | null): string {
  return l ? `${l.group ?? ''}|${l.status ?? ''}|${l.agency ?? ''}|${l.offset}|${l.limit}` : 'all';
}
