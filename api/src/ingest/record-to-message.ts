import { createHash } from 'node:crypto';
import {
  canonicalStatus,
  EARLIEST_MESSAGE_DATE,
  isPlausibleMessageDate,
  latestMessageDate,
  MESSAGE_STATUSES,
} from '@heatmap/geo';
import { fieldProblem } from './field-limits';
import type { MessageField, RecordMapping } from './field-mapping';
import type { MessageInput } from './message-input';
import { parseTimestamp } from './parse-timestamp';

export interface ConvertOptions {
  mapping: RecordMapping;
  timezone: string;
  /** Source for records that carry none (`--source`); overrides the mapping's default. */
  source?: string;
  /**
   * The one source this writer may write (an HTTP ingest key's): records without a source get it,
   * a record naming another one is rejected, so that no client can overwrite another source's rows.
   */
  ownSource?: string;
  /** The clock for the plausible date range (1990-01-01 to a day ahead); default: now. */
  now?: Date;
}

export type Conversion = { message: MessageInput } | { reason: string };

/**
 * One input record as a message, or the reason a person can act on why it is not one.
 * Answer or resolution dates before the creation date are rejected: they would make negative
 * response times in every median and sum.
 */
export function recordToMessage(record: Record<string, unknown>, options: ConvertOptions): Conversion {
  const { mapping, timezone } = options;
  const now = options.now ?? new Date();
  const column = (field: MessageField) => mapping.columns[field];
  const raw = (field: MessageField): unknown => {
    const key = column(field);
    return key === undefined ? undefined : record[key];
  };
  const text = (field: MessageField): string | null => {
    const value = raw(field);
    if (value === undefined || value === null) return null;
    const s = (typeof value === 'string' ? value : String(value)).trim();
    return s === '' ? null : s;
  };

  for (const [field, key] of Object.entries(mapping.columns) as [MessageField, string | undefined][]) {
    const problem = key === undefined ? undefined : fieldProblem(field, key, record[key]);
    if (problem) return { reason: problem };
  }

  const lat = coordinate(raw('lat'));
  const lon = coordinate(raw('lon'));
  if (lat === undefined || lon === undefined) {
    const which = lat === undefined ? `lat (column "${column('lat')}")` : `lon (column "${column('lon')}")`;
    const value = lat === undefined ? raw('lat') : raw('lon');
    return {
      reason:
        value === undefined || value === null || value === ''
          ? `missing coordinate ${which}`
          : `coordinate ${which} is not a number: ${JSON.stringify(value)}`,
    };
  }
  if (lat < -90 || lat > 90) return { reason: `latitude ${lat} is outside [-90, 90]` };
  if (lon < -180 || lon > 180) return { reason: `longitude ${lon} is outside [-180, 180]` };

  const category = text('category');
  if (!category) return { reason: `empty category (column "${column('category')}")` };

  const createdAt = date('createdAt', true);
  if (!(createdAt instanceof Date)) return { reason: createdAt as string };
  const answeredAt = date('answeredAt', false);
  if (typeof answeredAt === 'string') return { reason: answeredAt };
  const resolvedAt = date('resolvedAt', false);
  if (typeof resolvedAt === 'string') return { reason: resolvedAt };
  if (answeredAt && answeredAt < createdAt) return { reason: 'answeredAt is before createdAt' };
  if (resolvedAt && resolvedAt < createdAt) return { reason: 'resolvedAt is before createdAt' };

  const statusRaw = text('status');
  const status = canonicalStatus(
    statusRaw,
    { answered: answeredAt !== null, resolved: resolvedAt !== null },
    mapping.statuses,
  );
  if (!status) {
    return {
      reason: `unknown status ${JSON.stringify(statusRaw)}; use one of ${MESSAGE_STATUSES.join(', ')}`,
    };
  }

  const named = text('source');
  if (options.ownSource !== undefined && named !== null && named !== options.ownSource) {
    return {
      reason: `source "${named}" is not this writer's source "${options.ownSource}"; a key writes only its own source`,
    };
  }

  const idValue = text('id');
  let externalId: string | undefined;
  if (idValue !== null) {
    externalId = mapping.externalId ? mapping.externalId(idValue) : idValue;
    if (!externalId) return { reason: `cannot read an id from ${JSON.stringify(idValue)}` };
  } else {
    externalId = rowHash(record);
  }

  return {
    message: {
      source: options.ownSource ?? named ?? options.source ?? mapping.defaultSource ?? 'import',
      externalId,
      category,
      title: text('title'),
      text: text('text'),
      author: text('author'),
      authorUrl: text('authorUrl'),
      address: text('address'),
      executor: text('executor'),
      url: text('url'),
      status,
      statusRaw,
      createdAt,
      answeredAt,
      resolvedAt,
      lat,
      lon,
    },
  };

  /** A Date, null for an empty optional date, or the reason it is unusable. */
  function date(field: MessageField, required: boolean): Date | null | string {
    const value = raw(field);
    if (value === undefined || value === null || value === '') {
      return required ? `missing ${field} (column "${column(field)}")` : null;
    }
    const parsed = parseTimestamp(value, timezone);
    if (!parsed || Number.isNaN(parsed.getTime())) {
      return `${field} ${JSON.stringify(value)} is not a date; use ISO 8601 such as 2024-03-01 or 2024-03-01T14:30:00+03:00`;
    }
    if (!isPlausibleMessageDate(parsed, now)) {
      const latest = latestMessageDate(now).toISOString().slice(0, 10);
      return `${field} ${JSON.stringify(value)} is not between ${EARLIEST_MESSAGE_DATE.toISOString().slice(0, 10)} and ${latest} (a typo or a placeholder date?)`;
    }
    return parsed;
  }
}

/** Plain decimal notation only: Number() would also read "0x2F" as 47 and "" as 0. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

/** A stable id for records without one: the same record always hashes the same, whatever key order. */
export function rowHash(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort();
  const canonical = JSON.stringify(keys.map((k) => [k, record[k]]));
  return `h:${createHash('sha1').update(canonical).digest('base64url')}`;
}
