import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { districtsFile, jarokeloFile } from '../global-setup';

/**
 * The Járókelő file read on its own, with h3-js, turf and Intl, for tests that check the API's
 * numbers against an independent count (nothing here uses the API's SQL or @heatmap/geo).
 */
export interface TruthRow {
  externalId: string;
  url: string;
  /** Budapest calendar day, also the creation instant (local midnight). */
  day: string;
  created: number;
  answered: number | null;
  resolved: number | null;
  category: string;
  status: string;
  title: string;
  text: string;
  address: string;
  lat: number;
  lon: number;
  cells: Record<number, string>;
  district: string | null;
}

const STATUS: Record<string, string> = {
  'Válaszra vár': 'new',
  'Kiegészítésre vár': 'in_progress',
  'Megoldásra vár': 'in_progress',
  'Megerősítésre vár': 'answered',
  Megoldott: 'resolved',
  Megoldatlan: 'closed_unresolved',
};

/**
 * Local midnight in Budapest as epoch ms. Budapest changes clocks at 01:00 UTC, so the offset in
 * force at 22:00 UTC the evening before is the one at midnight.
 */
export function budapestMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const probe = new Date(utcMidnight - 2 * 3_600_000);
  const name = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Budapest', timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return utcMidnight - offset * 60_000;
}

interface DistrictFeature {
  properties: { NAME: string };
  geometry: Parameters<typeof booleanPointInPolygon>[1];
}

export function loadTruth(districtOrder: string[]): TruthRow[] {
  const features = (JSON.parse(readFileSync(districtsFile, 'utf8')) as { features: DistrictFeature[] })
    .features;
  // The database assigns the lowest district id among those containing the point.
  const ordered = districtOrder.map(
    (name) => features.find((f) => f.properties.NAME === name) as DistrictFeature,
  );
  const lines = gunzipSync(readFileSync(jarokeloFile)).toString('utf8').split('\n');
  const rows: TruthRow[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    const cells: Record<number, string> = {};
    for (let res = 5; res <= 10; res++) cells[res] = latLngToCell(lat, lon, res);
    const district = ordered.find((f) => booleanPointInPolygon([lon, lat], f.geometry));
    rows.push({
      externalId: /\/bejelentesek\/[^/]+\/(\d+)/.exec(r.url)?.[1] as string,
      url: r.url,
      day: r.date,
      created: budapestMidnight(r.date),
      answered: r.first_authority_response_date ? budapestMidnight(r.first_authority_response_date) : null,
      resolved: r.resolution_date ? budapestMidnight(r.resolution_date) : null,
      category: r.category,
      status: STATUS[r.status] as string,
      title: r.title ?? '',
      text: r.description ?? '',
      address: r.address ?? '',
      lat,
      lon,
      cells,
      district: district?.properties.NAME ?? null,
    });
  }
  return rows;
}

export function countBy<T>(rows: T[], key: (row: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** percentile_cont(0.5) over whole minutes, as the metric is defined. */
export function medianMinutes(rows: TruthRow[], field: 'answered' | 'resolved'): number | null {
  const values = rows
    .filter((r) => r[field] !== null)
    .map((r) => Math.floor(((r[field] as number) - r.created) / 60_000))
    .sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = (values.length - 1) / 2;
  return ((values[Math.floor(mid)] as number) + (values[Math.ceil(mid)] as number)) / 2;
}
