import {
  changeRatio,
  localDate,
  MIN_RESOLUTION,
  parseInstant,
  previousMonthWindow,
  type Resolution,
  suppressWithRemainder,
} from '@heatmap/geo';
import type { MessageFilter } from '../queries/message-filter';
import type { PublicMeta, PublicPeriod, PublicSummary } from '../schemas/public';
import type { Summary } from '../schemas/summary';
import { emptyUnit, type NoisyUnit, published, publishedPart } from './cell-keys';
import { wholeRegion } from './public-aggregates';
import { noisyUnits, type PublicData } from './public-data';
import { PUBLIC_BUCKETS, type PublicRules, roundedBbox } from './public-rules';

type Period = Omit<
  Summary,
  'previous' | 'change' | 'topCategories' | 'topCells' | 'res' | 'answerLimitMinutes'
>;

/**
 * The share answered in time is a ratio of two true counts: shown only over many answers (10·k) and to one
 * decimal, so that it cannot name its small numerator or denominator beside the perturbed counts.
 */
const IN_TIME_SHARE_MIN_ANSWERED_PER_K = 10;

/** Headline numbers: each count perturbed and only from k up, each part only when it and its rest are safe. */
function publicPeriod(period: Period, noisy: NoisyUnit, k: number): PublicPeriod {
  const count = published(noisy.all, k);
  const shown = count !== null && count > 0;
  const answered = shown ? publishedPart(noisy.answered, noisy.all, k) : null;
  const inTime =
    answered !== null && period.answered >= IN_TIME_SHARE_MIN_ANSWERED_PER_K * k
      ? period.answeredInTimeShare
      : null;
  return {
    from: period.from,
    to: period.to,
    count,
    open: shown ? publishedPart(noisy.open, noisy.all, k) : null,
    answered,
    resolved: shown ? publishedPart(noisy.resolved, noisy.all, k) : null,
    answeredShare: answered !== null && count ? answered / count : null,
    answeredInTimeShare: inTime === null ? null : Math.round(inTime * 10) / 10,
    medianAnswerMinutes: shown && period.answered >= k ? period.medianAnswerMinutes : null,
    medianResolveMinutes: shown && period.resolved >= k ? period.medianResolveMinutes : null,
  };
}

/** The whole months before the filter's window, when it has both ends (public windows are whole months). */
function previousFilter(filter: MessageFilter, timezone: string): MessageFilter | null {
  if (!filter.from || !filter.to) return null;
  const window = previousMonthWindow({
    from: localDate(filter.from, timezone),
    to: localDate(filter.to, timezone),
  });
  return { ...filter, from: parseInstant(window.from, timezone), to: parseInstant(window.to, timezone) };
}

/** The summary over the whole region (bbox ignored: a count over any rectangle could be differenced). */
export async function publicSummary(
  data: PublicData,
  rules: PublicRules,
  filter: MessageFilter,
  options: { res: Resolution; top: number },
): Promise<PublicSummary> {
  const whole = wholeRegion(filter);
  const before = previousFilter(whole, rules.timezone);
  const [summary, region, categoryUnits, cellUnits, previousSummary, previousRegion] = await Promise.all([
    data.queries.summary(whole, options),
    noisyUnits(data, whole, { by: 'region' }),
    noisyUnits(data, whole, { by: 'category' }),
    noisyUnits(data, whole, { by: 'cell', res: options.res }),
    before ? data.queries.summary(before, { res: options.res, top: 1 }) : null,
    before ? noisyUnits(data, before, { by: 'region' }) : null,
  ]);
  const k = rules.minCount;
  const current = publicPeriod(summary, region.get('') ?? emptyUnit(), k);
  const previous =
    previousSummary && previousRegion
      ? publicPeriod(previousSummary, previousRegion.get('') ?? emptyUnit(), k)
      : null;
  const top = <T>(
    rows: T[],
    key: (row: T) => string,
    count: (row: T) => number,
    units: Map<string, NoisyUnit>,
  ) => {
    const table = suppressWithRemainder(
      rows.map((row) => ({ key: key(row), count: count(row) })),
      summary.count,
      k,
    );
    return rows
      .filter((row) => table.shown.has(key(row)))
      .map((row) => ({ row, count: published(units.get(key(row))?.all ?? emptyUnit().all, k) }))
      .filter((entry): entry is { row: T; count: number } => entry.count !== null)
      .sort((a, b) => b.count - a.count);
  };
  return {
    ...current,
    previous,
    // Ratios of published values only: a ratio and one true value would give the other.
    change: previous
      ? {
          count: changeRatio(current.count, previous.count),
          open: changeRatio(current.open, previous.open),
          medianAnswerMinutes: changeRatio(current.medianAnswerMinutes, previous.medianAnswerMinutes),
        }
      : null,
    topCategories: top(
      summary.topCategories,
      (c) => String(c.id),
      (c) => c.count,
      categoryUnits,
    ).map(({ row, count }) => ({ id: row.id, name: row.name, count })),
    topCells: top(
      summary.topCells,
      (c) => c.h3,
      (c) => c.count,
      cellUnits,
    ).map(({ row, count }) => ({ h3: row.h3, count })),
    res: summary.res,
    answerLimitMinutes: summary.answerLimitMinutes,
  };
}

/** The filter panel's needs; every list of counts is suppressed as a table with the total, then perturbed. */
export async function publicMeta(data: PublicData, rules: PublicRules): Promise<PublicMeta> {
  const everything: MessageFilter = {};
  const [meta, region, categories, sources, statuses, districts] = await Promise.all([
    data.queries.meta(),
    noisyUnits(data, everything, { by: 'region' }),
    noisyUnits(data, everything, { by: 'category' }),
    noisyUnits(data, everything, { by: 'source' }),
    noisyUnits(data, everything, { by: 'status' }),
    noisyUnits(data, everything, { by: 'district' }),
  ]);
  const k = rules.minCount;
  const total = meta.total;
  const named = <T extends { count: number }>(
    rows: T[],
    key: (row: T) => string,
    units: Map<string, NoisyUnit>,
  ) => {
    const table = suppressWithRemainder(
      rows.map((r) => ({ key: key(r), count: r.count })),
      total,
      k,
    );
    return rows.map((r) => ({
      ...r,
      count:
        r.count === 0
          ? 0
          : table.shown.has(key(r))
            ? published(units.get(key(r))?.all ?? emptyUnit().all, k)
            : null,
    }));
  };
  const tz = rules.timezone;
  const publishedTotal = published(region.get('')?.all ?? emptyUnit().all, k);
  // Below k the first and last days and the extremes of the points belong to a handful of messages.
  const extent = publishedTotal === null ? { from: null, to: null, bbox: null } : meta.extent;
  return {
    timezone: meta.timezone,
    categories: named(meta.categories, (c) => String(c.id), categories),
    sources: named(meta.sources, (s) => String(s.id), sources),
    statuses: named(meta.statuses, (s) => s.id, statuses),
    districts: named(meta.districts, (d) => String(d.id), districts),
    extent: {
      from: extent.from ? localDate(new Date(extent.from), tz) : null,
      to: extent.to ? localDate(new Date(extent.to), tz) : null,
      bbox: extent.bbox ? roundedBbox(extent.bbox) : null,
    },
    resolutions: { min: MIN_RESOLUTION, max: rules.maxResolution },
    total: publishedTotal,
    dataVersion: meta.dataVersion,
    privacy: {
      minCount: k,
      maxResolution: rules.maxResolution,
      buckets: [...PUBLIC_BUCKETS],
      text: rules.includeText,
    },
  };
}
