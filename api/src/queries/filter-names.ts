import type { Sql } from '../db/database';
import type { IdsOrNames, MessageFilter } from './message-filter';

/**
 * The filter with its category and source names replaced by their ids, read in one query (none when it names
 * none), so each statement gets constant ids (filter-sql idIn). A name that matches nothing adds no id, and the
 * filter still selects nothing for it. District names stay: /districts reads them (the one district of
 * exact=true), and a district filter already descends its index by a join.
 */
export async function resolveFilterNames(sql: Sql, filter: MessageFilter): Promise<MessageFilter> {
  const categoryNames = filter.categories?.names ?? [];
  const sourceNames = filter.sources?.names ?? [];
  if (categoryNames.length === 0 && sourceNames.length === 0) return filter;
  const rows = await sql<{ kind: 'categories' | 'sources'; id: number }[]>`
    SELECT 'categories' AS kind, id::int AS id FROM categories WHERE name = ANY(${categoryNames}::text[])
    UNION ALL
    SELECT 'sources', id::int FROM sources WHERE name = ANY(${sourceNames}::text[])`;
  const resolved = (list: IdsOrNames, kind: 'categories' | 'sources'): IdsOrNames => ({
    ids: [...new Set([...list.ids, ...rows.filter((r) => r.kind === kind).map((r) => r.id)])],
    names: [],
  });
  return {
    ...filter,
    ...(filter.categories && { categories: resolved(filter.categories, 'categories') }),
    ...(filter.sources && { sources: resolved(filter.sources, 'sources') }),
  };
}
