import type { Answer } from './break-in-app';

/** What no response may show a caller: the inside of the server. */
const INTERNALS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>]+ \(?[^)\s]*:\d+:\d+\)?/],
  ['a source path', /(?:\/work\/|node_modules|\/src\/[\w/-]+\.ts|file:\/\/)/],
  ['a connection string', /postgres(?:ql)?:\/\/|:5432\b|DATABASE_URL/i],
  [
    'a PostgreSQL error',
    /syntax error at or near|relation "|column "|invalid byte sequence|violates|SQLSTATE/i,
  ],
  ['an error class', /\b(?:PostgresError|TypeError|RangeError|ReferenceError|SyntaxError|AggregateError)\b/],
];

/** SQL text in an error body (message texts of 200 answers may say "select" or "where" freely). */
const SQL_TEXT = /\b(?:SELECT\s[\s\S]*\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|DROP\s+TABLE)\b/i;

/** The internals a response shows; error bodies are also searched for SQL text. */
export function findInternals(response: Answer): string[] {
  const found = INTERNALS.filter(([, pattern]) => pattern.test(response.body)).map(([name]) => name);
  if (response.statusCode >= 400 && SQL_TEXT.test(stripEcho(response.body))) found.push('SQL text');
  return found;
}

/**
 * An error may quote the caller's own bad value ("got 1;DROP TABLE messages"); that is not the
 * server's SQL. The known payload words are blanked before the SQL search.
 */
function stripEcho(body: string): string {
  return body.replace(/DROP TABLE messages|OR 1=1/gi, '');
}

/** A 4xx answer a client can show: JSON with a message string (or, on Open311, the spec's error list). */
export function isJsonClientError(response: Answer): boolean {
  if (response.statusCode < 400 || response.statusCode >= 500) return false;
  const type = String(response.headers['content-type'] ?? '');
  // Open311 answers errors in GeoReport v2's own shapes: [{ code, description }] or <errors>.
  if (type.includes('xml'))
    return /<errors>\s*<error>\s*<code>\d+<\/code>\s*<description>[^<]+<\/description>/.test(response.body);
  if (!type.includes('application/json')) return false;
  try {
    const body = JSON.parse(response.body) as
      | { message?: unknown }
      | { code?: unknown; description?: unknown }[];
    if (Array.isArray(body))
      return body.length > 0 && body.every((e) => typeof e.description === 'string' && e.description !== '');
    return typeof body.message === 'string' && body.message.length > 0;
  } catch {
    return false;
  }
}
