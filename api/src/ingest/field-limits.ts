import type { MessageField } from './field-mapping';

/**
 * The longest value, in characters, each field may hold. Every stored field is served again whole
 * (the drill-down, `/messages/{id}`, the CSV export): one 300 MB text would be held in memory on
 * every read. The limits sit far above real data (the longest Járókelő description has 9,154
 * characters, the longest url 130) and far below what hurts.
 */
export const FIELD_MAX_LENGTH: Record<MessageField, number> = {
  id: 200,
  createdAt: 40,
  category: 100,
  lat: 40,
  lon: 40,
  title: 500,
  text: 20_000,
  status: 100,
  answeredAt: 40,
  resolvedAt: 40,
  source: 100,
  address: 500,
  executor: 500,
  url: 2_000,
  author: 200,
  authorUrl: 2_000,
};

/**
 * Why a record's value for `field` cannot be read, or undefined when it can: only text and finite
 * numbers are values (a JSON `true`, object or array is a mistake, not a 1 or "[object Object]"),
 * within the field's length, without NUL (PostgreSQL text cannot hold it).
 */
export function fieldProblem(field: MessageField, column: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const where = `${field} (column "${column}")`;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : `${where} is not a finite number`;
  }
  if (typeof value !== 'string') {
    const kind = Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;
    return `${where} is ${kind}; send text or a number`;
  }
  if (value.length > FIELD_MAX_LENGTH[field]) {
    return `${where} has ${value.length} characters; at most ${FIELD_MAX_LENGTH[field]} are kept`;
  }
  if (value.includes('\u0000')) {
    return `column "${column}" (${field}) contains a NUL character, which cannot be stored`;
  }
  return undefined;
}
