import { localDate, MIN_RESOLUTION, type Resolution } from '@heatmap/geo';
import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import type { PublicMeta, PublicPeriod, PublicSummary } from '../schemas/public';
import type { Summary } from '../schemas/summary';
import { wholeRegion } from './public-aggregates';
import { publicCount, publicPart, suppressWithRemainder } from './public-counts';
import { PUBLIC_BUCKETS, type PublicRules, roundedBbox } from './public-rules';

type Period = Omit<
  Summary,
  'previous' | 'change' | 'topCategories' | 'topCells' | 'res' | 'answerLimitMinutes'
>;

/** Headline numbers: each count only from k up, each part only when it and its rest are safe. */
function publicPeriod(period: Period, k: number): PublicPeriod {
  const count = period.count >= k ? period.count : period.count === 0 ? 0 : null;
  const shown = count !== null && count > 0;
  const answered = shown ? publicPart(period.answered, period.count, k) : null;
  const resolved = shown ? publicPart(period.resolved, period.count, k) : null;
  return {
    from: period.from,
    to: period.to,
    count,
    open: shown ? publicPart(period.open, period.count, k) : null,
    answered,
    resolved,
    answeredShare: answered !== null ? period.answeredShare : null,
    answeredInTimeShare: answered !== null ? period.answeredInTimeShare : null,
    medianAnswerMinutes: shown && period.answered >= k ? period.medianAnswerMinutes : null,
    medianResolveMinutes: shown && period.resolved >= k ? period.medianResolveMinutes : null,
  };
}

/** A change is shown only between two shown values: else it would give the withheld one away. */
function publicChange(now: number | null, before: number | null, change: number | null | undefined) {
  return now !== null && before !== null ? (change ?? null) : null;
}

/** The summary over the whole region (bbox ignored: a count over any rectangle could be differenced). */
export async function publicSummary(
  queries: HeatmapQueries,
  rules: PublicRules,
  filter: MessageFilter,
  options: { res: Resolution; top: number },
): Promise<PublicSummary> {
  const summary = await queries.summary(wholeRegion(filter), options);
  const k = rules.minCount;
  const current = publicPeriod(summary, k);
  const previous = summary.previous ? publicPeriod(summary.previous, k) : null;
  const categories = suppressWithRemainder(
    summary.topCategories.map((c) => ({ key: String(c.id), count: c.count })),
    summary.count,
    k,
  );
  const cells = suppressWithRemainder(
    summary.topCells.map((c) => ({ key: c.h3, count: c.count })),
    summary.count,
    k,
  );
  return {
    ...current,
    previous,
    change:
      summary.change && previous
        ? {
            count: publicChange(current.count, previous.count, summary.change.count),
            open: publicChange(current.open, previous.open, summary.change.open),
            medianAnswerMinutes: publicChange(
              current.medianAnswerMinutes,
              previous.medianAnswerMinutes,
              summary.change.medianAnswerMinutes,
            ),
          }
        : null,
    topCategories: summary.topCategories.filter((c) => categories.shown.has(String(c.id))),
    topCells: summary.topCells.filter((c) => cells.shown.has(c.h3)),
    res: summary.res,
    answerLimitMinutes: summary.answerLimitMinutes,
  };
}

/** The filter panel's needs; every list of counts is suppressed as a table with the published total. */
export async function publicMeta(queries: HeatmapQueries, rules: PublicRules): Promise<PublicMeta> {
  const meta = await queries.meta();
  const k = rules.minCount;
  const total = meta.total;
  const named = <T extends { count: number }>(rows: T[], key: (row: T) => string) => {
    const table = suppressWithRemainder(
      rows.map((r) => ({ key: key(r), count: r.count })),
      total,
      k,
    );
    return rows.map((r) => ({ ...r, count: r.count === 0 || table.shown.has(key(r)) ? r.count : null }));
  };
  const tz = rules.timezone;
  // Below k the first and last days and the extremes of the points belong to a handful of messages.
  const extent = publicCount(total, k) === null ? { from: null, to: null, bbox: null } : meta.extent;
  return {
    timezone: meta.timezone,
    categories: named(meta.categories, (c) => String(c.id)),
    sources: named(meta.sources, (s) => String(s.id)),
    statuses: named(meta.statuses, (s) => s.id),
    districts: named(meta.districts, (d) => String(d.id)),
    extent: {
      from: extent.from ? localDate(new Date(extent.from), tz) : null,
      to: extent.to ? localDate(new Date(extent.to), tz) : null,
      bbox: extent.bbox ? roundedBbox(extent.bbox) : null,
    },
    resolutions: { min: MIN_RESOLUTION, max: rules.maxResolution },
    total: publicCount(total, k),
    dataVersion: meta.dataVersion,
    privacy: {
      minCount: k,
      maxResolution: rules.maxResolution,
      buckets: [...PUBLIC_BUCKETS],
      text: rules.includeText,
    },
  };
}
