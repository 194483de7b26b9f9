import type { WallAlert, WallEmergingCell } from './wall-api-types';

export type WallNewsKind = 'new' | 'intensifying' | 'spike';

/** One line of the wall's news step: a cell and why it is there (a spike also names its category). */
export interface WallNewsItem {
  kind: WallNewsKind;
  h3: string;
  alert?: WallAlert;
  /** "District, street": the cell's place from the emerging answer or a spike there. */
  place?: string;
}

export interface WallNewsInput {
  /** The emerging classes over the last weeks (`/hotspots/emerging`); null where not asked. */
  emerging: readonly WallEmergingCell[] | null;
  /** Today's spikes, smallest p first (`/alerts`); null where not asked. */
  alerts: readonly WallAlert[] | null;
  /** At most this many lines of each kind: the list must stay readable across a room. */
  perKind: number;
}

const lastBin = (cell: WallEmergingCell) => cell.bins.at(-1) ?? 0;

/**
 * What the news step lists: new hotspots (the most confident first), intensifying ones (the steepest
 * upward trend first), then today's spikes in the API's order. Cold spots and the other classes are
 * the Gi* map's business, not an alarm.
 */
export function wallNewsItems({ emerging, alerts, perKind }: WallNewsInput): WallNewsItem[] {
  // Both answers name their cells by the messages' addresses (the emerging one only its hot cells).
  const places = new Map<string, string>();
  for (const cell of emerging ?? []) if (cell.place) places.set(cell.h3, cell.place);
  for (const alert of alerts ?? []) {
    const place = alert.place ?? alert.district;
    if (place && !places.has(alert.h3)) places.set(alert.h3, place);
  }
  const withPlace = (item: WallNewsItem): WallNewsItem => {
    const place = places.get(item.h3);
    return place ? { ...item, place } : item;
  };
  const of = (cls: WallEmergingCell['class']) => (emerging ?? []).filter((cell) => cell.class === cls);
  const fresh = of('new-hot')
    .sort((a, b) => lastBin(b) - lastBin(a) || b.trend.z - a.trend.z || a.h3.localeCompare(b.h3))
    .slice(0, perKind)
    .map((cell) => withPlace({ kind: 'new', h3: cell.h3 }));
  const rising = of('intensifying-hot')
    .sort((a, b) => b.trend.z - a.trend.z || a.h3.localeCompare(b.h3))
    .slice(0, perKind)
    .map((cell) => withPlace({ kind: 'intensifying', h3: cell.h3 }));
  const spikes = (alerts ?? [])
    .slice(0, perKind)
    .map((alert) => withPlace({ kind: 'spike', h3: alert.h3, alert }));
  return [...fresh, ...rising, ...spikes];
}

/** The map's labels: one per cell, with the numbers its lines have in the list ("1, 3"). */
export function newsLabels(items: readonly WallNewsItem[]): { h3: string; text: string }[] {
  const numbers = new Map<string, number[]>();
  items.forEach((item, index) => {
    numbers.set(item.h3, [...(numbers.get(item.h3) ?? []), index + 1]);
  });
  return [...numbers].map(([h3, list]) => ({ h3, text: list.join(', ') }));
}
