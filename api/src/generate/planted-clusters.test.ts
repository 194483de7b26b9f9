import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { readDistrictsFile } from '../ingest/districts-file';
import { EMERGING_RAMP, HOTSPOT_RAISE, PLANTED_RES, plantClusters } from './planted-clusters';
import { scorePlanted } from './planted-score';

const districtsPath = new URL('../../data/budapest_districts.geojson', import.meta.url).pathname;
const from = new Date('2024-09-02T00:00:00+02:00');
const to = new Date('2024-12-23T00:00:00+01:00');

async function plant(seed: number, clusters = 3) {
  const districts = await readDistrictsFile(districtsPath, 'NAME');
  return plantClusters({ clusters, seed, districts, from, to, backgroundCount: 30_000 });
}

describe('plantClusters', () => {
  test('the same seed plants the same clusters and messages; another seed does not', async () => {
    const a = await plant(4);
    expect(await plant(4)).toEqual(a);
    const b = await plant(5);
    expect(b.truth.hotspots.map((c) => c.centre)).not.toEqual(a.truth.hotspots.map((c) => c.centre));
  });

  test('each cluster is its centre and 1-ring, centres far apart, at the stated rates', async () => {
    const { truth, messages } = await plant(4);
    expect(truth.hotspots).toHaveLength(3);
    expect(truth.emerging).toHaveLength(3);
    const clusters = [...truth.hotspots, ...truth.emerging];
    for (const c of clusters) expect([...c.cells].sort()).toEqual([...gridDisk(c.centre, 1)].sort());
    for (const a of clusters)
      for (const b of clusters)
        if (a !== b) expect(gridDistance(a.centre, b.centre)).toBeGreaterThanOrEqual(6);
    const weeks = (to.getTime() - from.getTime()) / (7 * 86_400_000);
    const perCellWeek = 30_000 / truth.districtCells / weeks;
    expect(truth.backgroundPerCellWeek).toBeCloseTo(perCellWeek, 12);
    // Budapest is about 525 km², a res-8 cell about 0.74 km².
    expect(truth.districtCells).toBeGreaterThan(600);
    expect(truth.districtCells).toBeLessThan(800);
    for (const c of truth.hotspots)
      expect(c.windows).toEqual([
        {
          from: from.toISOString(),
          to: to.toISOString(),
          extraPerCell: Math.round(HOTSPOT_RAISE * perCellWeek * weeks),
        },
      ]);
    for (const c of truth.emerging) {
      expect(c.windows.map((w) => w.extraPerCell)).toEqual(
        EMERGING_RAMP.map((f) => Math.round(f * perCellWeek)),
      );
      expect(c.windows.at(-1)?.to).toBe(to.toISOString());
      expect(Date.parse(c.windows[0]?.from ?? '')).toBe(to.getTime() - 28 * 86_400_000);
    }
    // Every extra message lies in its cell and window: counted back, they give the stated rates exactly.
    const counted = new Map<string, number>();
    for (const m of messages) {
      const cell = latLngToCell(m.lat, m.lon, PLANTED_RES);
      const cluster = clusters.find((c) => c.cells.includes(cell));
      expect(cluster, `${m.lat},${m.lon}`).toBeDefined();
      const w = cluster?.windows.findIndex(
        (x) => m.createdAt.getTime() >= Date.parse(x.from) && m.createdAt.getTime() < Date.parse(x.to),
      );
      expect(w).toBeGreaterThanOrEqual(0);
      const key = `${cell}/${w}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    for (const c of clusters)
      for (const cell of c.cells)
        c.windows.forEach((w, i) => {
          expect(counted.get(`${cell}/${i}`) ?? 0).toBe(w.extraPerCell);
        });
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(messages.length);
  });
});

describe('scorePlanted', () => {
  test('recall over planted cells, false discoveries outside radius + k of every centre, emerging share', async () => {
    const { truth } = await plant(4, 1);
    const [hot] = truth.hotspots;
    const [rising] = truth.emerging;
    if (!hot || !rising) throw new Error('no clusters');
    const ring2 = gridDisk(hot.centre, 2).filter((h) => !hot.cells.includes(h));
    const far = gridDisk(hot.centre, 3).filter((h) => gridDistance(h, hot.centre) === 3);
    const answer = [
      ...hot.cells.slice(0, 6).map((h3) => ({ h3, bin: 3 })),
      { h3: hot.cells[6] as string, bin: 1 },
      ...ring2.slice(0, 3).map((h3) => ({ h3, bin: 2 })),
      { h3: rising.centre, bin: 2 },
      { h3: far[0] as string, bin: 2 },
      { h3: far[1] as string, bin: -3 },
    ];
    const emerging = rising.cells.map((h3, i) => ({
      h3,
      class: [
        'new-hot',
        'consecutive-hot',
        'intensifying-hot',
        'persistent-hot',
        'sporadic-hot',
        'new-cold',
        'new-hot',
      ][i] as string,
    }));
    expect(scorePlanted(truth, 1, answer, emerging)).toEqual({
      recall: 6 / 7,
      fdp: 1 / 11,
      discoveries: 11,
      falseDiscoveries: 1,
      emergingShare: 4 / 7,
    });
    // With k = 2 the margin grows to radius 3: the far cell is a true discovery.
    expect(scorePlanted(truth, 2, answer, emerging).falseDiscoveries).toBe(0);
  });
});
