import {
  bigIntToCell,
  cellToBigInt,
  GeoError,
  localDate,
  OPEN311_STATUSES,
  type Open311Status,
  open311Status,
  parseInstant,
  statusesOfOpen311,
  zonedIso,
  zonedMidnight,
} from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { cellToLatLng } from 'h3-js';
import type { Sql } from '../../db/database';
import { publicFilter } from '../../public/public-rules';
import type { MessageFilter } from '../../queries/message-filter';
import {
  type Open311Row,
  type Open311Selection,
  queryCategories,
  queryOpen311Requests,
} from '../../queries/open311-query';
import { badParameter } from '../../queries/query-error';
import type { Open311Request, Open311RequestsQuery } from '../../schemas/open311';
import type { Open311Reader } from './open311-access';
import type { RequestIds } from './request-ids';
import { categoryOfCode, serviceCode } from './services';

/** GeoReport v2: a search spans at most 90 days and answers at most 1000 requests. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;

/**
 * The requests a search names, newest first. By service_request_id (a comma list, overriding the rest),
 * else by service_code, status and the window (default: the last 90 days). The public sees each request
 * through the public map's rules: only requests in public groups of k inside cells the public map shows,
 * the whole months the window touches, the month and the cell centre instead of time and place, the text
 * only when HEATMAP_PUBLIC_TEXT is on and then scrubbed; a key reader sees the full records of its scope.
 */
export async function findRequests(
  app: FastifyInstance,
  ids: RequestIds,
  reader: Open311Reader,
  query: Open311RequestsQuery,
  now: Date,
): Promise<Open311Request[]> {
  const sql = app.db.sql as Sql;
  const rules = app.publicMap.rules;
  const selection = query.service_request_id
    ? await idSelection(app, ids, reader, query.service_request_id)
    : await searchSelection(app, reader, query, now);
  if (selection === null) return [];
  const rows = await queryOpen311Requests(sql, selection, {
    limit: MAX_REQUESTS,
    cellRes: rules.maxResolution,
    ...(reader.public ? { minGroupSize: rules.minCount } : {}),
  });
  return reader.public ? publicView(app, ids, rows) : rows.map((row) => fullView(app, ids, row));
}

async function idSelection(
  app: FastifyInstance,
  ids: RequestIds,
  reader: Open311Reader,
  list: string,
): Promise<Open311Selection | null> {
  const tokens = list.split(',').map((t) => t.trim().toLowerCase());
  if (tokens.length > MAX_REQUESTS) {
    throw badParameter('service_request_id', `at most ${MAX_REQUESTS} ids, got ${tokens.length}`);
  }
  // An id this server did not issue names nothing: the answer is the same as for an id without a message.
  const messageIds = tokens.map((t) => ids.decode(t)).filter((id): id is bigint => id !== null);
  if (messageIds.length === 0) return null;
  if (!reader.public) return { ids: messageIds, ...(reader.scope ? { scope: reader.scope } : {}) };
  // The drill-down's gate: only cells the public map shows for the whole of time open.
  const cells = await publishedCellIds(app, publicFilter({}, app.publicMap.rules));
  return { ids: messageIds, cells };
}

async function searchSelection(
  app: FastifyInstance,
  reader: Open311Reader,
  query: Open311RequestsQuery,
  now: Date,
): Promise<Open311Selection | null> {
  const timezone = app.config.timezone;
  const window = searchWindow(query, timezone, now);
  let categoryId: number | undefined;
  if (query.service_code !== undefined) {
    const category = categoryOfCode(await queryCategories(app.db.sql as Sql), query.service_code);
    if (!category) return null;
    categoryId = category.id;
  }
  const statuses = query.status === undefined ? undefined : statusFilter(query.status);
  if (!reader.public) {
    const filter: MessageFilter = {
      from: window.start,
      to: new Date(window.end.getTime() + 1),
      ...(categoryId !== undefined ? { categories: { ids: [categoryId], names: [] } } : {}),
      ...(statuses ? { statuses } : {}),
      ...(reader.scope ? { scope: reader.scope } : {}),
    };
    return { filter };
  }
  // Public: the whole local months the window touches, one category or all (publicFilter, as the map).
  const lastDay = localDate(window.end, timezone);
  const dayAfter = new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const filter = publicFilter(
    {
      from: localDate(window.start, timezone),
      to: dayAfter,
      ...(categoryId !== undefined ? { category: String(categoryId) } : {}),
    },
    app.publicMap.rules,
  );
  // open and closed split the statuses in two fixed halves: each takes whole public groups.
  if (statuses) filter.statuses = statuses;
  return { filter, cells: await publishedCellIds(app, filter) };
}

function searchWindow(query: Open311RequestsQuery, timezone: string, now: Date): { start: Date; end: Date } {
  const start =
    query.start_date === undefined ? undefined : instant('start_date', query.start_date, timezone);
  const end = query.end_date === undefined ? undefined : instant('end_date', query.end_date, timezone);
  const window = {
    start: start ?? new Date((end ?? now).getTime() - MAX_WINDOW_DAYS * DAY_MS),
    end: end ?? (start ? new Date(start.getTime() + MAX_WINDOW_DAYS * DAY_MS) : now),
  };
  if (window.start > window.end) throw badParameter('start_date', 'start_date is after end_date');
  if (window.end.getTime() - window.start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw badParameter('end_date', `start_date and end_date may be at most ${MAX_WINDOW_DAYS} days apart`);
  }
  return window;
}

function instant(name: string, value: string, timezone: string): Date {
  // An unencoded `+` of an offset arrives as a space (application/x-www-form-urlencoded).
  const text = /T.* \d{2}(:?\d{2})?$/.test(value) ? value.replace(/ (\d{2}(:?\d{2})?)$/, '+$1') : value;
  try {
    return parseInstant(text, timezone);
  } catch (error) {
    if (error instanceof GeoError) {
      throw badParameter(name, `"${value}" is not an ISO 8601 date-time (2024-05-01T10:00:00+02:00)`);
    }
    throw error;
  }
}

function statusFilter(value: string) {
  const asked = value.split(',').map((s) => s.trim());
  const unknown = asked.filter((s) => !(OPEN311_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) badStatus(unknown.join(','));
  return [...new Set(asked as Open311Status[])].flatMap((s) => statusesOfOpen311(s));
}

function badStatus(value: string): never {
  throw badParameter('status', `"${value}" is not open or closed`);
}

async function publishedCellIds(app: FastifyInstance, filter: MessageFilter): Promise<bigint[]> {
  const rules = app.publicMap.rules;
  const cells = await app.publicMap.publishedCells(filter, rules.maxResolution);
  return [...cells].map((h3) => cellToBigInt(h3));
}

function fullView(app: FastifyInstance, ids: RequestIds, row: Open311Row): Open311Request {
  const timezone = app.config.timezone;
  return {
    service_request_id: ids.encode(row.id),
    status: open311Status(row.status),
    ...(row.statusRaw !== null ? { status_notes: row.statusRaw } : {}),
    service_name: row.category,
    service_code: serviceCode(row.category),
    ...(row.text !== null ? { description: row.text } : {}),
    ...(row.executor !== null ? { agency_responsible: row.executor } : {}),
    requested_datetime: zonedIso(row.createdAt, timezone),
    updated_datetime: zonedIso(row.updatedAt, timezone),
    ...(row.address !== null ? { address: row.address } : {}),
    lat: row.lat,
    long: row.lon,
    ...(row.url !== null ? { media_url: row.url } : {}),
  };
}

async function publicView(
  app: FastifyInstance,
  ids: RequestIds,
  rows: Open311Row[],
): Promise<Open311Request[]> {
  const rules = app.publicMap.rules;
  const shown = await app.publicMap.publicMessages(
    rows.map((r) => ({
      id: r.id.toString(),
      createdAt: r.createdAt,
      category: r.category,
      status: r.status,
      text: r.text,
    })),
  );
  return rows.map((row, i) => {
    const message = shown[i] as (typeof shown)[number];
    const [year, month] = message.month.split('-').map(Number) as [number, number];
    // The public resolution's cell stands for the place: its centre, never the message's point.
    const [lat, long] = cellToLatLng(bigIntToCell(row.cell));
    return {
      service_request_id: ids.encode(row.id),
      status: open311Status(message.status),
      service_name: row.category,
      service_code: serviceCode(row.category),
      ...(message.text !== undefined ? { description: message.text } : {}),
      requested_datetime: zonedIso(zonedMidnight(year, month, 1, rules.timezone), rules.timezone),
      lat,
      long,
    };
  });
}
