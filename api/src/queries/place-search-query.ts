import {
  type Bounds,
  bigIntToCell,
  cellsBounds,
  foldedWords,
  MIN_PUBLIC_STREET_COUNT,
  PUBLIC_MAX_RESOLUTION,
  streetSearchWords,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { PlaceSuggestions } from '../schemas/places';
import { type PlaceAudience, publicStreet } from './places-query';

/** At most this many suggestions: districts first, then streets. */
const MAX_SUGGESTIONS = 8;
/** Staff streets fly to their cells at this resolution (~0.1 km²); the public map's finest is coarser. */
const STAFF_STREET_RES = 9;

/** Bounds rounded outward to 0.001° (~100 m): enough to fly to, and no vertex served to the metre. */
function outward([west, south, east, north]: Bounds): Bounds {
  const down = (x: number) => Math.floor(x * 1000) / 1000;
  const up = (x: number) => Math.ceil(x * 1000) / 1000;
  return [down(west), down(south), up(east), up(north)];
}

/**
 * Districts and streets whose names hold the typed words, in their order, each from the start of a word
 * (folded: case and accents ignored; street types dropped, so "ул. Тв" finds "Тверская улица"), from our own
 * data: district names and the streets of cell_street_counts. A municipal account gets its own districts, and streets of its districts' messages only.
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
      ORDER BY name COLLATE "C"`
  )
    .filter((d) => ` ${foldedWords(d.name).join(' ')}`.includes(` ${words.join(' ')}`))
    .slice(0, MAX_SUGGESTIONS)
    .map((d) => ({
      kind: 'district' as const,
      name: d.name,
      bbox: outward([d.west, d.south, d.east, d.north]),
    }));
  const streetWords = streetSearchWords(query);
  if (streetWords.length === 0) return { suggestions: districts };
  const res = audience.kind === 'public' ? PUBLIC_MAX_RESOLUTION : STAFF_STREET_RES;
  const minCount = audience.kind === 'public' ? MIN_PUBLIC_STREET_COUNT : 1;
  // The typed words in their order, each word from its start: "brody san" finds "brody sandor utca".
  const patterns = [`${streetWords.join(' ')}%`, `% ${streetWords.join(' ')}%`];
  const streets = await sql<{ key: string; name: string; cells: string[] }[]>`
    WITH keys AS (
      SELECT DISTINCT street_key FROM street_spellings WHERE street_key LIKE ANY(${patterns}::text[])
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
      ...streets
        .filter((s) => publicStreet(s.name, audience) !== null)
        .map((s) => ({
          kind: 'street' as const,
          name: s.name,
          bbox: outward(cellsBounds(s.cells.map((cell) => bigIntToCell(BigInt(cell)))) as Bounds),
        })),
    ],
  };
}
