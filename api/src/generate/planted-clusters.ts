import { cellToBoundary, gridDisk, gridDistance, latLngToCell, polygonToCells } from 'h3-js';
import type { MessageInput } from '../ingest/message-input';
import type { DistrictInput } from '../repositories/districts-repository';
import { DistrictSampler } from './district-sampler';
import { cumulative, SeededRandom } from './seeded-random';
import { syntheticMessage } from './synthetic-messages';
import { CATEGORIES } from './synthetic-profile';

/** The resolution clusters are planted at, the one the bench and the map's hotspot mode read. */
export const PLANTED_RES = 8;
/** A cluster is its centre cell and this ring around it: the 7 cells Gi* at k = 1 sees from the centre. */
export const PLANTED_RADIUS = 1;
/** A hotspot cluster's cells get this many times the mean background count per cell, on top of it. */
export const HOTSPOT_RAISE = 1;
/** An emerging cluster's extra, per week of the last four (oldest first), in mean background counts per cell-week. */
export const EMERGING_RAMP = [1, 2, 3, 4] as const;
/**
 * Centres this far apart (grid steps): at k = 1 no cell's neighbourhood reaches raised cells of two clusters, and
 * the Budapest districts (about 710 res-8 cells) still hold a dozen clusters.
 */
const MIN_CENTRE_DISTANCE = 6;
const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

export interface PlantOptions {
  /** How many hotspot clusters, and as many emerging ones. */
  clusters: number;
  seed: number;
  districts: DistrictInput[];
  from: Date;
  to: Date;
  /** Background messages spread evenly by area over the districts in [from, to). */
  backgroundCount: number;
}

export interface PlantedWindow {
  from: string;
  to: string;
  /** Messages added to each cell of the cluster in the window. */
  extraPerCell: number;
}

export interface PlantedCluster {
  centre: string;
  /** gridDisk(centre, radius): every cell with the raised rate. */
  cells: string[];
  windows: PlantedWindow[];
}

/** What `generate --plant` writes beside the data: enough to score any Gi* answer against it. */
export interface PlantedTruth {
  seed: number;
  res: number;
  radius: number;
  from: string;
  to: string;
  backgroundCount: number;
  /** Cells (at res) whose centre lies inside a district: the background spreads over about these. */
  districtCells: number;
  /** Background messages per district cell per week, on average. */
  backgroundPerCellWeek: number;
  hotspots: PlantedCluster[];
  emerging: PlantedCluster[];
}

/**
 * Plants `clusters` hotspot clusters (the rate of every cell of the cluster raised over the whole range) and as
 * many emerging ones (nothing extra, then a rate rising week by week over the last four weeks before `to`),
 * deterministically by seed. Returns the truth and the extra messages, each uniform inside its cell and window.
 */
export function plantClusters(options: PlantOptions): { truth: PlantedTruth; messages: MessageInput[] } {
  const fromMs = options.from.getTime();
  const toMs = options.to.getTime();
  if (toMs - fromMs < 4 * WEEK_MS) throw new Error('the range must be at least four weeks long');
  const random = new SeededRandom(options.seed ^ 0x5eed_c1a5);
  const districtCells = countDistrictCells(options.districts);
  const weeks = (toMs - fromMs) / WEEK_MS;
  const perCellWeek = options.backgroundCount / districtCells / weeks;
  const centres = pickCentres(options.districts, random, 2 * options.clusters);
  const range = { from: iso(fromMs), to: iso(toMs) };
  const hotspots = centres.slice(0, options.clusters).map((centre) => ({
    centre,
    cells: gridDisk(centre, PLANTED_RADIUS),
    windows: [{ ...range, extraPerCell: Math.round(HOTSPOT_RAISE * perCellWeek * weeks) }],
  }));
  const emerging = centres.slice(options.clusters).map((centre) => ({
    centre,
    cells: gridDisk(centre, PLANTED_RADIUS),
    windows: EMERGING_RAMP.map((factor, w) => ({
      from: iso(toMs - (EMERGING_RAMP.length - w) * WEEK_MS),
      to: iso(toMs - (EMERGING_RAMP.length - w - 1) * WEEK_MS),
      extraPerCell: Math.max(1, Math.round(factor * perCellWeek)),
    })),
  }));
  const truth: PlantedTruth = {
    seed: options.seed,
    res: PLANTED_RES,
    radius: PLANTED_RADIUS,
    ...range,
    backgroundCount: options.backgroundCount,
    districtCells,
    backgroundPerCellWeek: perCellWeek,
    hotspots,
    emerging,
  };
  return { truth, messages: plantedMessages(truth, random, toMs) };
}

function plantedMessages(truth: PlantedTruth, random: SeededRandom, now: number): MessageInput[] {
  const categoryWeights = cumulative(CATEGORIES.map((c) => c.weight));
  const messages: MessageInput[] = [];
  for (const cluster of [...truth.hotspots, ...truth.emerging]) {
    for (const cell of cluster.cells) {
      for (const window of cluster.windows) {
        // An hour's margin at each end: local week boundaries move by an hour across a DST change.
        const start = Date.parse(window.from) + HOUR_MS;
        const span = Date.parse(window.to) - HOUR_MS - start;
        for (let i = 0; i < window.extraPerCell; i++) {
          const { lat, lon } = pointInCell(cell, random);
          messages.push(
            syntheticMessage(random, {
              externalId: `plant-${truth.seed}-${messages.length}`,
              number: messages.length + 1,
              categoryIndex: random.pick(categoryWeights),
              created: start + Math.floor(random.next() * span),
              now,
              lat,
              lon,
            }),
          );
        }
      }
    }
  }
  return messages;
}

/** Centres drawn inside the districts whose whole cluster lies in district cells, far enough apart. */
function pickCentres(districts: DistrictInput[], random: SeededRandom, n: number): string[] {
  const sampler = new DistrictSampler(districts);
  const inside = new Set(districts.flatMap((d) => districtCellsOf(d)));
  const centres: string[] = [];
  // Random draws, not a packing: give up after this many misses in a row.
  for (let misses = 0; centres.length < n; misses++) {
    if (misses > 5_000)
      throw new Error(
        `cannot fit ${n / 2} planted clusters of each kind ${MIN_CENTRE_DISTANCE} cells apart in the districts`,
      );
    const p = sampler.point(random);
    const cell = latLngToCell(p.lat, p.lon, PLANTED_RES);
    if (!gridDisk(cell, PLANTED_RADIUS + 1).every((c) => inside.has(c))) continue;
    if (centres.some((c) => gridDistance(c, cell) < MIN_CENTRE_DISTANCE)) continue;
    centres.push(cell);
    misses = 0;
  }
  return centres;
}

function countDistrictCells(districts: DistrictInput[]): number {
  return Math.max(1, new Set(districts.flatMap((d) => districtCellsOf(d))).size);
}

function districtCellsOf(district: DistrictInput): string[] {
  const polygons = (
    district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates
  ) as number[][][][];
  return polygons.flatMap((polygon) => polygonToCells(polygon, PLANTED_RES, true));
}

/** A uniform point inside the cell (rejection in its bounding box), rounded as messages are, still inside. */
function pointInCell(cell: string, random: SeededRandom): { lat: number; lon: number } {
  const boundary = cellToBoundary(cell);
  const lats = boundary.map(([lat]) => lat);
  const lons = boundary.map(([, lon]) => lon);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  for (;;) {
    const lat = Math.round((minLat + random.next() * (maxLat - minLat)) * 1e6) / 1e6;
    const lon = Math.round((minLon + random.next() * (maxLon - minLon)) * 1e6) / 1e6;
    if (latLngToCell(lat, lon, PLANTED_RES) === cell) return { lat, lon };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
