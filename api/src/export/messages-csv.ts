import type { Message } from '../schemas/messages';

const COLUMNS: Array<[string, (m: Message, time: (iso: string | null) => string) => string | number | null]> =
  [
    ['id', (m) => m.id],
    ['created', (m, time) => time(m.createdAt)],
    ['answered', (m, time) => time(m.answeredAt)],
    ['resolved', (m, time) => time(m.resolvedAt)],
    ['status', (m) => m.status],
    ['status_raw', (m) => m.statusRaw],
    ['category', (m) => m.category],
    ['source', (m) => m.source],
    ['district', (m) => m.district],
    // The place in words, as the map names cells: district and street, no house number.
    ['place', (m) => [m.district, m.street].filter((part) => part !== null).join(', ') || null],
    ['address', (m) => m.address],
    ['executor', (m) => m.executor],
    ['title', (m) => m.title],
    ['text', (m) => m.text],
    ['url', (m) => m.url],
    ['lat', (m) => m.lat],
    ['lon', (m) => m.lon],
  ];

/**
 * Messages as CSV (RFC 4180) for a spreadsheet: a UTF-8 byte-order mark so Excel reads Cyrillic
 * and Hungarian text right, times as local wall time in the region's zone (named in the header).
 */
export function messagesToCsv(messages: readonly Message[], timeZone: string): string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = (iso: string | null) => (iso ? format.format(new Date(iso)) : '');
  const header = COLUMNS.map(([name]) =>
    ['created', 'answered', 'resolved'].includes(name) ? `${name} (${timeZone})` : name,
  );
  const lines = [header.map(csvField).join(',')];
  for (const m of messages) lines.push(COLUMNS.map(([, value]) => csvField(value(m, time))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): `=HYPERLINK(…)`, `+cmd|…`.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A field quoted when it holds a comma, quote or line break; quotes doubled. Text that a spreadsheet would
 * run as a formula gets a leading `'` and is quoted, as OWASP recommends: the cell shows the text, and a
 * reader of the file sees why. Numbers are numbers (a negative longitude is not a formula).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
