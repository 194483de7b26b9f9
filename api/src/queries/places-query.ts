import { type Resolution, streetOfAddress } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';

/** Where a cell is, in words: its messages' most frequent district and street. */
export interface CellPlace {
  district: string | null;
  street: string | null;
}

/**
 * The most frequent district and street (geo streetOfAddress: house numbers stripped) among each cell's messages
 * under the filter, `window` replacing its from/to. Cells are H3 ids as decimal bigint text (the stored form).
 * The database counts each (cell, district, address) once; the street rule runs on those distinct addresses.
 */
export async function placesOf(
  sql: Sql,
  filter: MessageFilter,
  res: Resolution,
  cells: readonly string[],
  window: { from?: Date; to?: Date } = filter,
): Promise<Map<string, CellPlace>> {
  if (cells.length === 0) return new Map();
  const column = sql(`m.h3_${res}`);
  const rows = await sql<{ cell: string; district: string | null; address: string | null; n: number }[]>`
    SELECT ${column}::text AS cell, d.name AS district, m.address, count(*)::int AS n
    FROM messages m LEFT JOIN districts d ON d.id = m.district_id
    WHERE ${messageConditions(sql, filter, window)} AND ${column} = ANY(${cells as string[]}::int8[])
    GROUP BY 1, 2, 3`;
  const tallies = new Map<string, { districts: Map<string, number>; streets: Map<string, number> }>();
  for (const row of rows) {
    const tally = tallies.get(row.cell) ?? {
      districts: new Map<string, number>(),
      streets: new Map<string, number>(),
    };
    tallies.set(row.cell, tally);
    if (row.district) tally.districts.set(row.district, (tally.districts.get(row.district) ?? 0) + row.n);
    const street = streetOfAddress(row.address);
    if (street) tally.streets.set(street, (tally.streets.get(street) ?? 0) + row.n);
  }
  return new Map(
    [...tallies].map(([cell, tally]) => [
      cell,
      { district: mostFrequent(tally.districts), street: mostFrequent(tally.streets) },
    ]),
  );
}

/** "district, street", either part alone when the other is unknown; null when both are. */
export function placeLabel(place: CellPlace | undefined): string | null {
  if (!place) return null;
  return [place.district, place.street].filter((part) => part !== null).join(', ') || null;
}

/** The most frequent key; ties go to the first in alphabetical order, so the answer does not depend on row order. */
function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most || (n === most && best !== null && key < best)) {
      best = key;
      most = n;
    }
  }
  return best;
}
