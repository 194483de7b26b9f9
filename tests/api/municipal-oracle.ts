import type { Fragment } from '@heatmap/api';
import type { TestDatabase } from '@heatmap/api/test-support';

export const RESOLUTIONS = [5, 6, 7, 8, 9, 10] as const;

/** What SQL says a municipal user with `own` districts may count, to compare answers with. */
export interface ScopeOracle {
  total: number;
  /** Per resolution: cell id -> own messages in it. */
  cells: Map<number, Map<string, number>>;
  /** Per resolution: a cell holding messages of other districts only (none of the own). */
  foreignCells: Map<number, string>;
  /** Per resolution: a cell holding own messages and others' (the border case). */
  borderCells: Map<number, { h3: string; own: number; all: number }>;
  /** A cell whose messages all lie outside every district. */
  outsideCell: string;
  foreignMessage: string;
  outsideMessage: string;
  ownMessage: string;
}

export async function scopeOracle(db: TestDatabase, own: number[]): Promise<ScopeOracle> {
  const sql = db.sql;
  const [total] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages WHERE district_id = ANY(${own}::int[])`;
  const cells = new Map<number, Map<string, number>>();
  const foreignCells = new Map<number, string>();
  const borderCells = new Map<number, { h3: string; own: number; all: number }>();
  for (const res of RESOLUTIONS) {
    const column = sql(`h3_${res}`);
    const rows = await sql<{ h3: string; own: number; all: number; outside: number }[]>`
      SELECT to_hex(${column}) AS h3,
             count(*) FILTER (WHERE district_id = ANY(${own}::int[]))::int AS own,
             count(*)::int AS all,
             count(*) FILTER (WHERE district_id IS NULL)::int AS outside
      FROM messages GROUP BY ${column}`;
    cells.set(res, new Map(rows.filter((r) => r.own > 0).map((r) => [r.h3, r.own])));
    const foreign = rows.filter((r) => r.own === 0 && r.outside === 0).sort((a, b) => b.all - a.all)[0];
    // The border cell with the most messages of others: the one most worth leaking.
    const border = rows
      .filter((r) => r.own > 0 && r.all > r.own)
      .sort((a, b) => b.all - b.own - (a.all - a.own))[0];
    if (!foreign || !border) throw new Error(`no foreign or border cell at resolution ${res}`);
    foreignCells.set(res, foreign.h3);
    borderCells.set(res, border);
  }
  const [outside] = await sql<{ h3: string }[]>`
    SELECT to_hex(h3_8) AS h3 FROM messages GROUP BY h3_8
    HAVING bool_and(district_id IS NULL) ORDER BY count(*) DESC LIMIT 1`;
  const message = async (condition: Fragment) => {
    const [row] = await sql<{ id: string }[]>`SELECT min(id)::text AS id FROM messages WHERE ${condition}`;
    if (!row?.id) throw new Error('no such message');
    return row.id;
  };
  if (!outside) throw new Error('no cell outside every district');
  return {
    total: total?.n ?? 0,
    cells,
    foreignCells,
    borderCells,
    outsideCell: outside.h3,
    foreignMessage: await message(sql`district_id <> ALL(${own}::int[])`),
    outsideMessage: await message(sql`district_id IS NULL`),
    ownMessage: await message(sql`district_id = ANY(${own}::int[])`),
  };
}
