import type { MessageStatus } from '@heatmap/geo';

/** The message fields an input column can feed; `--map field=column` names them. */
export const MESSAGE_FIELDS = [
  'id',
  'createdAt',
  'category',
  'lat',
  'lon',
  'title',
  'text',
  'status',
  'answeredAt',
  'resolvedAt',
  'source',
  'address',
  'executor',
  'url',
  'author',
  'authorUrl',
] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export const REQUIRED_FIELDS: readonly MessageField[] = ['createdAt', 'category', 'lat', 'lon'];

/** How the records of one input become messages. */
export interface RecordMapping {
  /** Input column (record key) for each field; an unmapped optional field stays empty. */
  columns: Partial<Record<MessageField, string>>;
  /** Raw status -> canonical status for this source; values it lacks fall back to the generic names. */
  statuses?: Record<string, MessageStatus>;
  /** Turns the `id` column's value into the external id (Járókelő: the number inside the url). */
  externalId?: (value: string) => string | undefined;
  /** Source name when neither the record nor the caller gives one. */
  defaultSource?: string;
}

export class MappingError extends Error {
  override name = 'MappingError';
}

export function isMessageField(name: string): name is MessageField {
  return (MESSAGE_FIELDS as readonly string[]).includes(name);
}

/** Canonical field names as the columns: what HTTP ingest and NDJSON written by `generate` carry. */
export const IDENTITY_MAPPING: RecordMapping = {
  columns: Object.fromEntries(MESSAGE_FIELDS.map((f) => [f, f])) as Record<MessageField, string>,
};

/**
 * Parses `--map createdAt=created,lat=y,lon=x` on top of `base` (the identity mapping by default).
 * Throws a MappingError naming the bad entry before anything is read or written.
 */
export function parseMappingOption(option: string, base: RecordMapping = IDENTITY_MAPPING): RecordMapping {
  const columns = { ...base.columns };
  for (const entry of option
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw new MappingError(`--map entry "${entry}" is not field=column`);
    }
    const field = entry.slice(0, eq).trim();
    if (!isMessageField(field)) {
      throw new MappingError(
        `--map names an unknown field "${field}"; the fields are: ${MESSAGE_FIELDS.join(', ')}`,
      );
    }
    columns[field] = entry.slice(eq + 1).trim();
  }
  return { ...base, columns };
}

/** Every required field must have a column. */
export function checkMapping(mapping: RecordMapping): void {
  const missing = REQUIRED_FIELDS.filter((f) => !mapping.columns[f]);
  if (missing.length > 0) {
    throw new MappingError(`the mapping has no column for required field(s): ${missing.join(', ')}`);
  }
  for (const field of Object.keys(mapping.columns)) {
    if (!isMessageField(field)) throw new MappingError(`the mapping names an unknown field "${field}"`);
  }
}
