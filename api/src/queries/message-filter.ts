import {
  GeoError,
  localDate,
  type MessageStatus,
  parseInstant,
  QUERY_YEARS,
  zonedMidnight,
} from '@heatmap/geo';
import type { Filters } from '../schemas/common';
import { type Bbox, parseBbox } from './bbox';
import { badParameter } from './query-error';

/** Ids and names from a comma-separated list: an all-digit token is an id, anything else a name. */
export interface IdsOrNames {
  ids: number[];
  names: string[];
}

/** A caller's forced limits (a municipal user's districts); applied on top of every filter. */
export interface FilterScope {
  districtIds: number[];
}

/** Every message filter the read queries understand, parsed and checked. */
export interface MessageFilter {
  /** Inclusive start instant; undefined: unbounded. */
  from?: Date;
  /** Exclusive end instant; undefined: unbounded. */
  to?: Date;
  categories?: IdsOrNames;
  sources?: IdsOrNames;
  districts?: IdsOrNames;
  statuses?: MessageStatus[];
  bbox?: Bbox;
  scope?: FilterScope;
}

/** The query string filters as a MessageFilter; throws QueryError (400) naming the bad parameter. */
export function parseFilters(query: Filters, timezone: string, scope?: FilterScope): MessageFilter {
  const filter: MessageFilter = {};
  if (query.from !== undefined) filter.from = instant('from', query.from, timezone);
  if (query.to !== undefined) filter.to = instant('to', query.to, timezone);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badParameter('from', `from (${query.from}) is after to (${query.to})`);
  }
  if (query.category !== undefined) filter.categories = idsOrNames(query.category);
  if (query.source !== undefined) filter.sources = idsOrNames(query.source);
  if (query.district !== undefined) filter.districts = idsOrNames(query.district);
  if (query.status !== undefined) filter.statuses = [...new Set(query.status.split(','))] as MessageStatus[];
  if (query.bbox !== undefined) filter.bbox = parseBbox(query.bbox);
  if (scope) filter.scope = scope;
  return filter;
}

function instant(name: string, value: string, timezone: string): Date {
  // Before parsing: year 0 and year 9999 reach date arithmetic that PostgreSQL or Date cannot hold.
  const year = Number(value.slice(0, 4));
  if (!(year >= QUERY_YEARS.min && year <= QUERY_YEARS.max)) {
    throw badParameter(name, `"${value}" is outside the years ${QUERY_YEARS.min} to ${QUERY_YEARS.max}`);
  }
  try {
    return parseInstant(value, timezone);
  } catch (error) {
    if (error instanceof GeoError) {
      throw badParameter(name, `"${value}" is not an ISO 8601 date (2024-05-01) or date-time`);
    }
    throw error;
  }
}

function idsOrNames(list: string): IdsOrNames {
  const ids: number[] = [];
  const names: string[] = [];
  for (const raw of list.split(',')) {
    const token = raw.trim();
    if (/^\d{1,9}$/.test(token)) ids.push(Number(token));
    else names.push(token);
  }
  return { ids, names };
}

/** The local calendar day of an instant if it is exactly local midnight, else null. */
export function midnightDay(instant: Date, timezone: string): string | null {
  const day = localDate(instant, timezone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedMidnight(y, m, d, timezone).getTime() === instant.getTime() ? day : null;
}

/**
 * The window in whole local days, when the rollup (kept per local day) can answer it exactly:
 * both ends absent or local midnights. `undefined` ends are unbounded; null: not day-aligned.
 */
export function dayWindow(
  filter: MessageFilter,
  timezone: string,
): { fromDay?: string; toDay?: string } | null {
  const window: { fromDay?: string; toDay?: string } = {};
  if (filter.from) {
    const day = midnightDay(filter.from, timezone);
    if (day === null) return null;
    window.fromDay = day;
  }
  if (filter.to) {
    const day = midnightDay(filter.to, timezone);
    if (day === null) return null;
    window.toDay = day;
  }
  return window;
}
