import { type PublicMessage, toPublicMessage } from '@heatmap/geo';
import { getResolution, isValidCell } from 'h3-js';
import type { Sql } from '../db/database';
import { authorsOfMessages } from '../queries/author-names-query';
import type { MessageFilter } from '../queries/message-filter';
import { cellPlace } from '../queries/places-query';
import { type PublicCellMessage, queryPublicCellMessages } from '../queries/public-messages-query';
import { badParameter, QueryError } from '../queries/query-error';
import type { PublicMessagePage } from '../schemas/public';
import type { KnownAuthorsCache } from './known-authors-cache';
import { publishedCells, wholeRegion } from './public-aggregates';
import type { PublicCursor } from './public-cursor';
import type { PublicData } from './public-data';
import { checkPublicResolution, type PublicRules } from './public-rules';

/**
 * The messages of one cell, newest first, as category, month and status (and scrubbed text where enabled),
 * and only those in groups of at least k (queryPublicCellMessages): a list is a table of counts, so it must
 * not show what the aggregates withhold. Only a cell that /public/hexagons publishes for the same filters
 * opens: paging through a withheld cell would count it. No `q`: a search runs over the unscrubbed text, so `q=<a phone number>` would tell whether
 * that person wrote from here. The bbox is ignored (the cell is the place).
 */
export async function publicCellMessages(
  sql: Sql,
  data: PublicData,
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
  const published = await publishedCells(data, rules, whole, res);
  if (!published.has(h3)) {
    throw new QueryError(
      404,
      `Cell ${h3} has no messages to show for these filters: cells with fewer than ${rules.minCount} messages, and some next to them, are withheld on the public map`,
    );
  }
  const page = await queryPublicCellMessages(sql, whole, {
    h3,
    res,
    limit: request.limit,
    minCount: rules.minCount,
    ...(staffCursor ? { cursor: staffCursor } : {}),
  });
  return {
    messages: await toPublicMessages(sql, rules, authorNames, page.messages),
    nextCursor: page.nextCursor === null ? null : cursors.seal(page.nextCursor),
    place: await cellPlace(sql, h3, res, { kind: 'public', knownAuthors: await authorNames.get(sql) }),
  };
}

/** Messages as the public may see them (toPublicMessage), the text, where shown, scrubbed of authors' names. */
export async function toPublicMessages(
  sql: Sql,
  rules: PublicRules,
  authorNames: KnownAuthorsCache,
  messages: readonly PublicCellMessage[],
): Promise<PublicMessage[]> {
  // The scrubber removes the own author's name word by word and every registered author's full name.
  const authors = rules.includeText
    ? await authorsOfMessages(
        sql,
        messages.map((m) => m.id),
      )
    : new Map<string, string>();
  const known = rules.includeText ? await authorNames.get(sql) : undefined;
  return messages.map((m) =>
    toPublicMessage(
      { category: m.category, createdAt: new Date(m.createdAt), status: m.status, text: m.text },
      {
        timeZone: rules.timezone,
        includeText: rules.includeText,
        author: authors.get(m.id) ?? null,
        ...(known ? { knownAuthors: known } : {}),
      },
    ),
  );
}
