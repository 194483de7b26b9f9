import {
  cellOverlapsBbox,
  localDate,
  type Resolution,
  suppressSmallCounts,
  suppressTimeline,
  suppressWithRemainder,
} from '@heatmap/geo';
import type { MessageFilter } from '../queries/message-filter';
import type { PublicDistricts, PublicHexagons, PublicTimeline } from '../schemas/public';
import type { Bucket } from '../schemas/timeline';
import { emptyUnit, type NoisyUnit, published, publishedPart, sumNoisy } from './cell-keys';
import { noisyUnits, type PublicData } from './public-data';
import type { PublicRules } from './public-rules';

/** The filter without its bbox: suppression is decided over the whole region, so a bbox cannot move it. */
export function wholeRegion(filter: MessageFilter): MessageFilter {
  const { bbox: _bbox, ...rest } = filter;
  return rest;
}

/**
 * Cells at `res` for the filter, suppressed as one table with its total over the whole region, then
 * perturbed (cell-key noise, docs/privacy.md): a cell is shown when its true count passes
 * `suppressSmallCounts` and its perturbed count is k or more. A bbox only trims the list afterwards: were
 * the suppression decided per bbox, two boxes that differ by one cell would differ by that cell.
 */
export async function publicHexagons(
  data: PublicData,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
  options: { medians: boolean },
): Promise<PublicHexagons> {
  const whole = wholeRegion(filter);
  const [result, cells, region] = await Promise.all([
    data.queries.hexagons(whole, res, { medians: options.medians }),
    noisyUnits(data, whole, { by: 'cell', res }),
    noisyUnits(data, whole, { by: 'region' }),
  ]);
  const k = rules.minCount;
  const noisy = (h3: string) => cells.get(h3) ?? emptyUnit();
  const suppression = suppressSmallCounts(
    result.cells.map((metrics) => ({ cell: metrics.h3, count: metrics.count, metrics })),
    { minCount: k },
  );
  const shown = suppression.cells.filter((c) => published(noisy(c.cell).all, k) !== null);
  const shownSet = new Set(shown.map((c) => c.cell));
  const withheld = result.cells.filter((c) => c.count > 0 && !shownSet.has(c.h3));
  const { bbox } = filter;
  const inView = bbox ? shown.filter((c) => cellOverlapsBbox(c.cell, bbox)) : shown;
  const total = region.get('') ?? emptyUnit();
  const withheldCount = sumNoisy(withheld.map((c) => noisy(c.h3).all));
  return {
    res,
    from: result.from,
    to: result.to,
    cells: inView.map(({ metrics: m }) => ({
      h3: m.h3,
      count: published(noisy(m.h3).all, k) as number,
      open: publishedPart(noisy(m.h3).open, noisy(m.h3).all, k),
      medianAnswerMinutes: options.medians && m.answered >= k ? m.medianAnswerMinutes : null,
    })),
    total: published(total.all, k),
    withheld: { entries: withheld.length, count: published(withheldCount, k) },
  };
}

/** The cells /public/hexagons publishes for this filter and resolution (the drill-down's gate). */
export async function publishedCells(
  data: PublicData,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
): Promise<Set<string>> {
  const result = await publicHexagons(data, rules, wholeRegion(filter), res, { medians: false });
  return new Set(result.cells.map((c) => c.h3));
}

/**
 * Per-cell series per month, suppressed against both margins on the true values (see suppressTimeline),
 * then each shown value and total perturbed: a month of one cell is one atom, so its value is exactly what
 * differencing two /public/hexagons windows would give.
 */
export async function publicTimeline(
  data: PublicData,
  rules: PublicRules,
  filter: MessageFilter,
  res: Resolution,
  bucket: Bucket,
): Promise<PublicTimeline> {
  const whole = wholeRegion(filter);
  const [result, atoms, regionAtoms, keys, shownCells] = await Promise.all([
    data.queries.timeline(whole, res, bucket),
    data.atoms(whole, { by: 'cell', res }),
    data.atoms(whole, { by: 'region' }),
    data.keys(),
    publishedCells(data, rules, whole, res),
  ]);
  const k = rules.minCount;
  // Public windows are whole months, so every bucket is one month and every atom falls in one bucket.
  const month = (bucket: number) => localDate(new Date(result.edges[bucket] as string), result.timezone);
  const noise = new Map(atoms.map((a) => [`${a.unit}|${a.month}`, keys.noise(a.all)]));
  const totalNoise = new Map(regionAtoms.map((a) => [a.month, keys.noise(a.all)]));
  const noiseOf = (map: Map<string, number>, key: string) => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`no month atom for ${key}: the buckets are not whole months`);
    return value;
  };
  // The cell margin is /public/hexagons as published: a cell it withholds (also for its noise) shows no month.
  const suppressed = suppressTimeline(result.totals, result.cells, k, shownCells);
  const { bbox } = filter;
  const cells = { h3: [] as string[], offsets: [0], buckets: [] as number[], counts: [] as number[] };
  suppressed.cells.h3.forEach((h3, row) => {
    if (bbox && !cellOverlapsBbox(h3, bbox)) return;
    const start = cells.buckets.length;
    for (
      let i = suppressed.cells.offsets[row] as number;
      i < (suppressed.cells.offsets[row + 1] as number);
      i++
    ) {
      const b = suppressed.cells.buckets[i] as number;
      const count = suppressed.cells.counts[i] as number;
      const value = published({ count, noise: noiseOf(noise, `${h3}|${month(b)}`) }, k);
      if (value === null) continue;
      cells.buckets.push(b);
      cells.counts.push(value);
    }
    if (cells.buckets.length === start) return;
    cells.h3.push(h3);
    cells.offsets.push(cells.buckets.length);
  });
  return {
    res: result.res,
    bucket: result.bucket,
    timezone: result.timezone,
    edges: result.edges,
    totals: suppressed.totals.map((count, b) =>
      count === null || count === 0 ? count : published({ count, noise: noiseOf(totalNoise, month(b)) }, k),
    ),
    cells,
  };
}

/**
 * District metrics, suppressed as one table whose total (on /public/hexagons) also holds the messages
 * outside every district, then perturbed. The bbox is ignored: a district is shown whole or not at all.
 */
export async function publicDistricts(
  data: PublicData,
  rules: PublicRules,
  filter: MessageFilter,
  options: { medians: boolean },
): Promise<PublicDistricts> {
  const whole = wholeRegion(filter);
  const [districts, units] = await Promise.all([
    data.queries.districts(whole, { medians: options.medians }),
    noisyUnits(data, whole, { by: 'district' }),
  ]);
  const k = rules.minCount;
  const noisy = (id: string): NoisyUnit => units.get(id) ?? emptyUnit();
  const outside = noisy('0').all;
  const total = districts.features.reduce((sum, f) => sum + f.properties.count, 0) + outside.count;
  const table = suppressWithRemainder(
    districts.features.map((f) => ({ key: String(f.id), count: f.properties.count })),
    total,
    k,
  );
  const shown = (id: string) => table.shown.has(id) && published(noisy(id).all, k) !== null;
  const hidden = districts.features.filter((f) => f.properties.count > 0 && !shown(String(f.id)));
  const withheld = sumNoisy([...hidden.map((f) => noisy(String(f.id)).all), outside]);
  return {
    type: 'FeatureCollection',
    from: districts.from,
    to: districts.to,
    features: districts.features.map((f) => {
      const p = f.properties;
      const id = String(f.id);
      const visible = shown(id) || p.count === 0;
      return {
        type: 'Feature' as const,
        id: f.id,
        geometry: f.geometry,
        properties: {
          id: p.id,
          name: p.name,
          count: visible ? published(noisy(id).all, k) : null,
          open: visible ? publishedPart(noisy(id).open, noisy(id).all, k) : null,
          medianAnswerMinutes: visible && options.medians && p.answered >= k ? p.medianAnswerMinutes : null,
        },
      };
    }),
    withheld: { entries: hidden.length + (outside.count > 0 ? 1 : 0), count: published(withheld, k) },
  };
}
