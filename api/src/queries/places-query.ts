import {
  cellToBigInt,
  holdsAuthorName,
  type KnownAuthors,
  MIN_PUBLIC_STREET_COUNT,
  type Resolution,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { IdsOrNames, MessageFilter } from './message-filter';

/** Where a cell is, in words: its messages' most frequent district and street. */
export interface CellPlace {
  district: string | null;
  street: string | null;
}

/**
 * Whose places: staff, counting the messages of a municipal account's districts (`districtIds`) and of the
 * `district` filter only, so an account sees what an admin filtering to its districts sees; or the public
 * map's rule, never narrowed by a filter, and no street that holds a registered author's full name.
 */
export type PlaceAudience =
  | { kind: 'staff'; districtIds?: readonly number[] | undefined; districts?: IdsOrNames | undefined }
  | { kind: 'public'; knownAuthors: KnownAuthors };

/** The staff audience of a request's filter: its scope and its district filter. */
export function staffAudience(filter: MessageFilter): PlaceAudience {
  return { kind: 'staff', districtIds: filter.scope?.districtIds, districts: filter.districts };
}

/**
 * The most frequent district and street of each cell's messages, over all time and all categories, from
 * cell_street_counts (migration 0013: kept exact at commit). A street is its merged spelling key, named by its
 * most written spelling; ties go to the first name or key in code point order (COLLATE "C": the same on every server), so an answer does not depend on row order.
 * A municipal account counts its own districts' messages only. The public map names a street only when at
 * least MIN_PUBLIC_STREET_COUNT of the cell's messages agree on it: over all time and categories, so no filter
 * can narrow the count and reveal a street fewer messages named. Cells are H3 ids as decimal bigint text.
 */
export async function placesOf(
  sql: Sql,
  res: Resolution,
  cells: readonly string[],
  audience: PlaceAudience,
): Promise<Map<string, CellPlace>> {
  if (cells.length === 0) return new Map();
  const districtIds = audience.kind === 'staff' ? (audience.districtIds ?? null) : null;
  const chosen = audience.kind === 'staff' ? (audience.districts ?? null) : null;
  const minStreet = audience.kind === 'public' ? MIN_PUBLIC_STREET_COUNT : 1;
  const rows = await sql<{ cell: string; district: string | null; street: string | null }[]>`
    WITH counts AS (
      SELECT cell, district_id, street_key, n FROM cell_street_counts
      WHERE res = ${res} AND cell = ANY(${cells as string[]}::int8[])
        AND (${districtIds as number[] | null}::int[] IS NULL OR district_id = ANY(${districtIds as number[] | null}::int[]))
        AND (${chosen === null} OR district_id IN (
          SELECT id FROM districts
          WHERE id = ANY(${chosen?.ids ?? []}::int[]) OR name = ANY(${chosen?.names ?? []}::text[])))
    ), districts_by_cell AS (
      SELECT DISTINCT ON (cell) cell, district_id
      FROM (SELECT cell, district_id, sum(n) AS n FROM counts WHERE district_id <> 0 GROUP BY 1, 2) d
      ORDER BY cell, n DESC, (SELECT name FROM districts WHERE id = district_id) COLLATE "C"
    ), streets_by_cell AS (
      SELECT DISTINCT ON (cell) cell, street_key, n
      FROM (SELECT cell, street_key, sum(n) AS n FROM counts WHERE street_key <> '' GROUP BY 1, 2) s
      ORDER BY cell, n DESC, street_key COLLATE "C"
    )
    SELECT c.cell::text AS cell, d.name AS district,
           CASE WHEN s.n >= ${minStreet} THEN
             (SELECT name FROM street_spellings p WHERE p.street_key = s.street_key
              ORDER BY p.n DESC, p.name COLLATE "C" LIMIT 1)
           END AS street
    FROM (SELECT DISTINCT cell FROM counts) c
    LEFT JOIN districts_by_cell dc ON dc.cell = c.cell
    LEFT JOIN districts d ON d.id = dc.district_id
    LEFT JOIN streets_by_cell s ON s.cell = c.cell`;
  return new Map(
    rows.map((row) => [row.cell, { district: row.district, street: publicStreet(row.street, audience) }]),
  );
}

/** The street as the audience may see it: the public never gets one holding a registered author's name. */
export function publicStreet(street: string | null, audience: PlaceAudience): string | null {
  if (street === null || audience.kind === 'staff') return street;
  return holdsAuthorName(street, audience.knownAuthors) ? null : street;
}

/** "district, street", either part alone when the other is unknown; null when both are. */
export function placeLabel(place: CellPlace | undefined): string | null {
  if (!place) return null;
  return [place.district, place.street].filter((part) => part !== null).join(', ') || null;
}

/** One cell's place (H3 hex id) with its label, as the drill-downs answer it. */
export async function cellPlace(
  sql: Sql,
  h3: string,
  res: Resolution,
  audience: PlaceAudience,
): Promise<CellPlace & { label: string | null }> {
  const id = cellToBigInt(h3).toString();
  const place = (await placesOf(sql, res, [id], audience)).get(id) ?? { district: null, street: null };
  return { ...place, label: placeLabel(place) };
}
