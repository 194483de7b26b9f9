import { type Resolution, suppressSmallCounts } from '@heatmap/geo';
import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import type { PublicDistricts, PublicHexagons, PublicTimeline } from '../schemas/public';
import type { Bucket } from '../schemas/timeline';
import { publicPart, suppressWithRemainder } from './public-counts';
import { cellInBbox, type PublicRules } from './public-rules';
import { suppressTimeline } from './public-timeline';

/** The filter without its bbox: suppression is decided over the whole region, so a bbox cannot move it. */
export function wholeRegion(filter: MessageFilter): MessageFilter {
  const { bbox: _bbox, ...rest } = filter;
  return rest;
}

/**
 * Cells at `res` for the filter, suppressed as one table with its total over the whole region. A bbox only
 * trims the list afterwards: were the suppression decided per bbox, two boxes that differ by one cell would
 * give two totals whose difference is that cell's count, however small.
 */
export async function publicHexagons(
  queries: HeatmapQueries,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
  options: { medians: boolean },
): Promise<PublicHexagons> {
  const result = await queries.hexagons(wholeRegion(filter), res, { medians: options.medians });
  const suppression = suppressSmallCounts(
    result.cells.map((metrics) => ({ cell: metrics.h3, count: metrics.count, metrics })),
    { minCount: rules.minCount },
  );
  const { bbox } = filter;
  const inView = bbox ? suppression.cells.filter((c) => cellInBbox(c.cell, bbox)) : suppression.cells;
  const k = rules.minCount;
  const total = result.cells.reduce((sum, c) => sum + c.count, 0);
  return {
    res,
    from: result.from,
    to: result.to,
    cells: inView.map(({ metrics: m }) => ({
      h3: m.h3,
      count: m.count,
      open: publicPart(m.open, m.count, k),
      medianAnswerMinutes: options.medians && m.answered >= k ? m.medianAnswerMinutes : null,
    })),
    total: suppression.suppressedCount === null ? null : total,
    withheld: { entries: suppression.suppressedCells, count: suppression.suppressedCount },
  };
}

/** The cells /public/hexagons publishes for this filter and resolution (the drill-down's gate). */
export async function publishedCells(
  queries: HeatmapQueries,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
): Promise<Set<string>> {
  const result = await publicHexagons(queries, rules, wholeRegion(filter), res, { medians: false });
  return new Set(result.cells.map((c) => c.h3));
}

/** Per-cell series at week or month buckets, suppressed against both margins (see suppressTimeline). */
export async function publicTimeline(
  queries: HeatmapQueries,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
  bucket: Bucket,
): Promise<PublicTimeline> {
  const result = await queries.timeline(wholeRegion(filter), res, bucket);
  const published = suppressTimeline(result.totals, result.cells, rules.minCount);
  const { bbox } = filter;
  let { cells } = published;
  if (bbox) {
    const trimmed = { h3: [] as string[], offsets: [0], buckets: [] as number[], counts: [] as number[] };
    cells.h3.forEach((h3, row) => {
      if (!cellInBbox(h3, bbox)) return;
      trimmed.h3.push(h3);
      for (let i = cells.offsets[row] as number; i < (cells.offsets[row + 1] as number); i++) {
        trimmed.buckets.push(cells.buckets[i] as number);
        trimmed.counts.push(cells.counts[i] as number);
      }
      trimmed.offsets.push(trimmed.buckets.length);
    });
    cells = trimmed;
  }
  return {
    res: result.res,
    bucket: result.bucket,
    timezone: result.timezone,
    edges: result.edges,
    totals: published.totals,
    cells,
  };
}

/**
 * District metrics, suppressed as one table whose total (on /public/hexagons) also holds the messages
 * outside every district. The bbox is ignored: a district is shown whole or not at all.
 */
export async function publicDistricts(
  queries: HeatmapQueries,
  rules: PublicRules,
  filter: MessageFilter,
  options: { medians: boolean },
): Promise<PublicDistricts> {
  const whole = wholeRegion(filter);
  const [districts, cells] = await Promise.all([
    queries.districts(whole, { medians: options.medians }),
    queries.hexagons(whole, 5, { medians: false }),
  ]);
  const total = cells.cells.reduce((sum, c) => sum + c.count, 0);
  const table = suppressWithRemainder(
    districts.features.map((f) => ({ key: String(f.id), count: f.properties.count })),
    total,
    rules.minCount,
  );
  const k = rules.minCount;
  return {
    type: 'FeatureCollection',
    from: districts.from,
    to: districts.to,
    features: districts.features.map((f) => {
      const p = f.properties;
      const shown = table.shown.has(String(f.id)) || p.count === 0;
      return {
        type: 'Feature' as const,
        id: f.id,
        geometry: f.geometry,
        properties: {
          id: p.id,
          name: p.name,
          count: shown ? p.count : null,
          open: shown ? publicPart(p.open, p.count, k) : null,
          medianAnswerMinutes: shown && options.medians && p.answered >= k ? p.medianAnswerMinutes : null,
        },
      };
    }),
    withheld: { entries: table.withheldEntries, count: table.withheldCount },
  };
}
