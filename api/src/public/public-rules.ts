import {
  type DateWindow,
  GeoError,
  MIN_PUBLIC_COUNT,
  MIN_RESOLUTION,
  PUBLIC_MAX_RESOLUTION,
  publicMonthWindow,
  type Resolution,
  resolutionForZoom,
} from '@heatmap/geo';
import { type MessageFilter, parseFilters } from '../queries/message-filter';
import { badParameter } from '../queries/query-error';
import type { Filters } from '../schemas/common';
import type { Bucket } from '../schemas/timeline';

/** The privacy rules one server applies to its public API (docs/privacy.md, "The public API"). */
export interface PublicRules {
  /** k: counts from 1 to k−1 are never shown. */
  minCount: number;
  maxResolution: Resolution;
  /** HEATMAP_PUBLIC_TEXT: the drill-down shows scrubbed text. */
  includeText: boolean;
  timezone: string;
}

/** The public bucket: every public window is whole months, and the public timeline counts per month. */
export const PUBLIC_BUCKETS: readonly Bucket[] = ['month'];

export function publicRules(options: { timezone: string; includeText: boolean }): PublicRules {
  return {
    minCount: MIN_PUBLIC_COUNT,
    maxResolution: PUBLIC_MAX_RESOLUTION as Resolution,
    includeText: options.includeText,
    timezone: options.timezone,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters of a public request, never narrowed by the caller's session: the public view is the same for
 * everyone. `from`/`to` must be dates, and are rounded outward to whole months (publicMonthWindow): two
 * public windows then differ by whole months, never by a day or an hour of one cell. Category, source,
 * status and district take one value or none: with lists, the 2^n subsets of a dimension could be
 * subtracted from each other in many ways, each giving another noisy look at the same small count.
 */
export function publicFilter(query: Filters, rules: PublicRules): MessageFilter {
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value !== undefined && !DATE_ONLY.test(value)) {
      throw badParameter(name, `the public map takes dates only (YYYY-MM-DD), got "${value}"`);
    }
  }
  for (const name of ['category', 'source', 'status', 'district'] as const) {
    if (query[name]?.includes(',')) {
      throw badParameter(
        name,
        `the public map takes one ${name} or none (a list and the whole could be subtracted: "all but one" gives that one), got "${query[name]}"`,
      );
    }
  }
  const { from, to, ...rest } = query;
  let window: DateWindow;
  try {
    window = publicMonthWindow({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  } catch (error) {
    if (error instanceof GeoError) throw badParameter(from && !to ? 'from' : 'to', error.message);
    throw error;
  }
  return parseFilters({ ...rest, ...window }, rules.timezone);
}

/** `res` as asked (5 to the public cap, else 400), or the one for `zoom`, capped. */
export function publicResolution(query: { res?: number; zoom?: number }, rules: PublicRules): Resolution {
  if (query.res === undefined) {
    return Math.min(resolutionForZoom(query.zoom ?? 11), rules.maxResolution) as Resolution;
  }
  return checkPublicResolution(query.res, rules, 'res');
}

export function checkPublicResolution(res: number, rules: PublicRules, parameter: string): Resolution {
  if (!Number.isInteger(res) || res < MIN_RESOLUTION || res > rules.maxResolution) {
    throw badParameter(
      parameter,
      `the public map serves H3 resolutions ${MIN_RESOLUTION} to ${rules.maxResolution} (finer cells could point at a household), got ${res}`,
    );
  }
  return res as Resolution;
}

export function publicBucket(bucket: Bucket | undefined): Bucket {
  const chosen = bucket ?? 'month';
  if (!PUBLIC_BUCKETS.includes(chosen)) {
    throw badParameter(
      'bucket',
      `the public timeline counts per month (the public bucket: every public window is whole months), got "${chosen}"`,
    );
  }
  return chosen;
}

/** A bounding box rounded outwards to 0.01° (~1 km): the extremes of the data are single messages' points. */
export function roundedBbox(bbox: readonly number[]): number[] {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const out = (v: number, f: (x: number) => number) => Number((f(v * 100) / 100).toFixed(2));
  return [out(w, Math.floor), out(s, Math.floor), out(e, Math.ceil), out(n, Math.ceil)];
}
