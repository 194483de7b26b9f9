import { bigIntToCell, cellsInBbox, type Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Hexagons } from '../schemas/hexagons';
import { aggregate } from './aggregate-query';
import type { MessageFilter } from './message-filter';

/** Metrics per H3 cell at `res`, busiest cell first. */
export async function queryHexagons(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  options: { medians: boolean } = { medians: false },
): Promise<Hexagons> {
  // A bbox selects whole cells (those overlapping it), so the month pre-aggregate can answer and a
  // cell at the viewport edge keeps its full count. A bbox too large for that filters messages.
  const inView = filter.bbox ? cellsInBbox(filter.bbox, res) : null;
  const rows = inView
    ? await aggregate(
        sql,
        timezone,
        { ...filter, bbox: undefined },
        { kind: 'cell', res },
        { ...options, cells: inView },
      )
    : await aggregate(sql, timezone, filter, { kind: 'cell', res }, options);
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
