import { streetOf } from '@heatmap/geo';
import type { Sql } from '../../src/db/database';

/**
 * Rows where cell_street_counts or street_spellings differ from a recomputation over messages with the
 * street rule run in TypeScript (geo streetOf on each address), in either direction. Empty when exact.
 */
export async function streetCountMismatches(sql: Sql): Promise<string[]> {
  const messages = await sql<
    { district: number; address: string | null; cells: string[] }[]
  >`SELECT coalesce(district_id, 0) AS district, address,
           ARRAY[h3_5, h3_6, h3_7, h3_8, h3_9, h3_10]::text[] AS cells
    FROM messages`;
  const expectedCells = new Map<string, number>();
  const expectedSpellings = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const m of messages) {
    const street = streetOf(m.address);
    for (const [i, cell] of m.cells.entries()) {
      add(expectedCells, `${i + 5}|${cell}|${m.district}|${street?.key ?? ''}`);
    }
    if (street) add(expectedSpellings, `${street.key}|${street.name}`);
  }
  const storedCells = await sql<{ k: string; n: number }[]>`
    SELECT res || '|' || cell || '|' || district_id || '|' || street_key AS k, n FROM cell_street_counts`;
  const storedSpellings = await sql<{ k: string; n: number }[]>`
    SELECT street_key || '|' || name AS k, n FROM street_spellings`;
  return [
    ...diff('cell_street_counts', expectedCells, storedCells),
    ...diff('street_spellings', expectedSpellings, storedSpellings),
  ];
}

function diff(table: string, expected: Map<string, number>, stored: { k: string; n: number }[]): string[] {
  const out: string[] = [];
  const seen = new Map(stored.map((r) => [r.k, r.n]));
  for (const [k, n] of expected) if (seen.get(k) !== n) out.push(`${table} ${k}: ${seen.get(k)} ≠ ${n}`);
  for (const [k, n] of seen) if (!expected.has(k)) out.push(`${table} ${k}: ${n} not expected`);
  return out;
}
