import type { UrlState } from '../url-state/url-state';
import { type Bounds, cellBounds } from '../wall/focus-bounds';
import { addDays } from '../wall/wall-windows';

/**
 * Rings of neighbours in the box the map flies to: at 10 the map settles at a zoom that draws cells of
 * the alert's own resolution (7 or 8) on screens from 700 to 1,400 px wide, so the outlined cell is one
 * of the hexagons on the map and the drill-down's count matches it. A closer box would switch the map
 * to finer cells.
 */
const FOCUS_RINGS = 10;

/** The box around an alert's cell and its surroundings, for the map to fly to. */
export function alertFocusBounds(h3: string): Bounds {
  return cellBounds(h3, FOCUS_RINGS);
}

/**
 * What opening a spike changes in the link: its cell (drill-down and outline, as a hotspot opens) and
 * the window, to the spike's day, so the drill-down lists the very messages that made it.
 */
export function alertView(h3: string, day: string): Pick<UrlState, 'cell' | 'win' | 'from' | 'to'> {
  return { cell: h3, win: 'day', from: day, to: addDays(day, 1) };
}
