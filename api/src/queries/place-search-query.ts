import {
  bigIntToCell,
  cellsBounds,
  foldedWords,
  MIN_PUBLIC_STREET_COUNT,
  PUBLIC_MAX_RESOLUTION,
  streetSearchWords,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { PlaceSuggestions } from '../schemas/places';
import type { PlaceAudience } from './places-query';

/** At most this many suggestions: districts first, then streets. */
const MAX_SUGGESTIONS = 8;
/** Staff streets fly to their cells at this resolution (~0.1 km²); the public map's finest is coarser. */
const STAFF_STREET_RES = 9;

/**
 * Districts and streets whose names hold every typed word (folded: case and accents ignored; street types
 * dropped, so "ул. Тв" finds "Тверская улица"), from our own data: district names and the streets of
 * cell_street_counts. A municipal account gets its own districts, and streets of its districts' messages only.
 * Public: streets only in the res-8 cells where at least MIN_PUBLIC_STREET_COUNT messages name them, the
 * cells whose public place names them, so the bounds show nothing the places do not.
 */
export async function searchPlaces(
  sql: Sql,
  query: string,
  audience: PlaceAudience,
): Promise<PlaceSuggestions> {
  const districtIds = audience.kind === 'staff' ? (audience.districtIds ?? null) : null;
  const words = foldedWords(query);
  if (words.length === 0) return { suggestions: [] };
  const districts = (
    await sql<{ name: string; west: number; south: number; east: number; north: number }[]>`
      SELECT name, ST_XMin(geom) AS west, ST_YMin(geom) AS south, ST_XMax(geom) AS east, ST_YMax(geom) AS north
      FROM districts
      WHERE ${districtIds as number[] | null}::int[] IS NULL OR id = ANY(${districtIds as number[] | null}::int[])
      ORDER BY name`
  )
    .filter((d) => {
      const name = foldedWords(d.name).join(' ');
      return words.every((w) => name.includes(w));
    })
    .slice(0, MAX_SUGGESTIONS)
    .map((d) => ({ kind: 'district' as const, name: d.name, bbox: [d.west, d.south, d.east, d.north] }));
  const streetWords = streetSearchWords(query);
  if (streetWords.length === 0) return { suggestions: districts };
  const res = audience.kind === 'public' ? PUBLIC_MAX_RESOLUTION : STAFF_STREET_RES;
  const minCount = audience.kind === 'public' ? MIN_PUBLIC_STREET_COUNT : 1;
  const patterns = streetWords.map((w) => `%${w}%`);
  const streets = await sql<{ key: string; name: string; cells: string[] }[]>`
    WITH keys AS (
      SELECT DISTINCT street_key FROM street_spellings WHERE street_key LIKE ALL(${patterns}::text[])
    ), cells AS (
      SELECT c.street_key, c.cell, sum(c.n) AS n
      FROM cell_street_counts c JOIN keys k ON k.street_key = c.street_key
      WHERE c.res = ${res}
        AND (${districtIds as number[] | null}::int[] IS NULL OR c.district_id = ANY(${districtIds as number[] | null}::int[]))
      GROUP BY 1, 2
      HAVING sum(c.n) >= ${minCount}
    )
    SELECT street_key AS key, array_agg(cell::text) AS cells,
           (SELECT name FROM street_spellings p WHERE p.street_key = cells.street_key
            ORDER BY p.n DESC, p.name COLLATE "C" LIMIT 1) AS name
    FROM cells
    GROUP BY street_key
    ORDER BY sum(n) DESC, street_key COLLATE "C"
    LIMIT ${MAX_SUGGESTIONS - districts.length}`;
  return {
    suggestions: [
      ...districts,
      ...streets.map((s) => ({
        kind: 'street' as const,
        name: s.name,
        bbox: cellsBounds(s.cells.map((cell) => bigIntToCell(BigInt(cell)))) as number[],
      })),
    ],
  };
}
