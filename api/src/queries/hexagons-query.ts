import { bigIntToCell, cellsInBbox, cellToBigInt, isResolution, type Resolution } from '@heatmap/geo';
import { getResolution, isValidCell } from 'h3-js';
import type { Sql } from '../db/database';
import type { Hexagons } from '../schemas/hexagons';
import { type AggregateRows, aggregate } from './aggregate-query';
import type { MessageFilter } from './message-filter';
import { badParameter } from './query-error';

export interface HexagonsOptions {
  medians: boolean;
  /** Exact medians from the messages: for one cell (`h3`) only. */
  exact?: boolean;
  /** Only this cell, at its own resolution... */
  h3?: string;
  /** ...which the `res` the caller gave, if any, must match. */
  askedRes?: number;
}

/** Metrics per H3 cell at `res`, busiest cell first. */
export async function queryHexagons(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  requestedRes: Resolution,
  options: HexagonsOptions = { medians: false },
): Promise<Hexagons> {
  const one = options.h3 ? oneCell(options.h3, options.askedRes) : null;
  if (options.exact && !one) {
    throw badParameter('exact', 'exact medians are computed for one cell only: add h3=<cell>');
  }
  const res = one?.res ?? requestedRes;
  const aggregateOptions = { medians: options.medians, exact: options.exact ?? false };
  if (one) {
    const cells = [one.cell];
    const rows = await aggregate(
      sql,
      timezone,
      filter,
      { kind: 'cell', res },
      { ...aggregateOptions, cells },
    );
    return hexagons(filter, res, rows);
  }
  // A bbox selects whole cells (those overlapping it), so the month pre-aggregate can answer and a
  // cell at the viewport edge keeps its full count. A bbox too large for that filters messages.
  const inView = filter.bbox ? cellsInBbox(filter.bbox, res) : null;
  const rows = inView
    ? await aggregate(
        sql,
        timezone,
        { ...filter, bbox: undefined },
        { kind: 'cell', res },
        { ...aggregateOptions, cells: inView },
      )
    : await aggregate(sql, timezone, filter, { kind: 'cell', res }, aggregateOptions);
  return hexagons(filter, res, rows);
}

function hexagons(filter: MessageFilter, res: Resolution, rows: AggregateRows): Hexagons {
  const cells = [...rows]
    .map(([key, metrics]) => ({ h3: bigIntToCell(BigInt(key)), ...metrics }))
    .sort((a, b) => b.count - a.count || (a.h3 < b.h3 ? -1 : 1));
  return {
    res,
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    cells,
    total: cells.reduce((sum, c) => sum + c.count, 0),
  };
}

/** The one cell asked for: a valid H3 index at a served resolution, which `res` (if asked) must match. */
function oneCell(h3: string, askedRes?: number): { cell: bigint; res: Resolution } {
  const cell = h3.toLowerCase();
  if (!isValidCell(cell)) throw badParameter('h3', `"${h3}" is not a valid H3 cell index`);
  const res = getResolution(cell);
  if (!isResolution(res))
    throw badParameter('h3', `the cell has resolution ${res}; resolutions 5 to 10 are served`);
  if (askedRes !== undefined && res !== askedRes) {
    throw badParameter('res', `the cell h3 has resolution ${res}, not ${askedRes}`);
  }
  return { cell: cellToBigInt(cell), res };
}
