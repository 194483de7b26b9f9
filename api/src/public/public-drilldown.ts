import { toPublicMessage } from '@heatmap/geo';
import { getResolution, isValidCell } from 'h3-js';
import type { Sql } from '../db/database';
import { authorsOfMessages } from '../queries/author-names-query';
import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import { badParameter, QueryError } from '../queries/query-error';
import type { PublicMessagePage } from '../schemas/public';
import type { KnownAuthorsCache } from './known-authors-cache';
import { publishedCells, wholeRegion } from './public-aggregates';
import type { PublicCursor } from './public-cursor';
import { checkPublicResolution, type PublicRules } from './public-rules';

/**
 * The messages of one cell, newest first, as category, day and status (and scrubbed text where enabled).
 * Only a cell that /public/hexagons publishes for the same filters opens: paging through a withheld cell
 * would count it. No `q`: a search runs over the unscrubbed text, so `q=<a phone number>` would tell whether
 * that person wrote from here. The bbox is ignored (the cell is the place).
 */
export async function publicCellMessages(
  sql: Sql,
  queries: HeatmapQueries,
  rules: PublicRules,
  cursors: PublicCursor,
  authorNames: KnownAuthorsCache,
  filter: MessageFilter,
  request: { h3: string; limit: number; cursor?: string },
): Promise<PublicMessagePage> {
  const h3 = request.h3.toLowerCase();
  if (!isValidCell(h3)) throw badParameter('h3', `"${request.h3}" is not a valid H3 cell index`);
  const res = checkPublicResolution(getResolution(h3), rules, 'h3');
  const whole = wholeRegion(filter);
  const staffCursor = request.cursor === undefined ? undefined : cursors.open(request.cursor);
  const published = await publishedCells(queries, rules, whole, res);
  if (!published.has(h3)) {
    throw new QueryError(
      404,
      `Cell ${h3} has no messages to show for these filters: cells with fewer than ${rules.minCount} messages, and some next to them, are withheld on the public map`,
    );
  }
  const page = await queries.cellMessages(whole, {
    h3,
    limit: request.limit,
    ...(staffCursor ? { cursor: staffCursor } : {}),
  });
  // The scrubber removes the own author's name word by word and every registered author's full name.
  const authors = rules.includeText
    ? await authorsOfMessages(
        sql,
        page.messages.map((m) => m.id),
      )
    : new Map<string, string>();
  const known = rules.includeText ? await authorNames.get(sql) : undefined;
  return {
    messages: page.messages.map((m) =>
      toPublicMessage(
        { category: m.category, createdAt: new Date(m.createdAt), status: m.status, text: m.text },
        {
          timeZone: rules.timezone,
          includeText: rules.includeText,
          author: authors.get(m.id) ?? null,
          ...(known ? { knownAuthors: known } : {}),
        },
      ),
    ),
    nextCursor: page.nextCursor === null ? null : cursors.seal(page.nextCursor),
  };
}
