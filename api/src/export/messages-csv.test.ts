import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import type { Message } from '../schemas/messages';
import { csvField, messagesToCsv } from './messages-csv';

const message = (overrides: Partial<Message> = {}): Message => ({
  id: '7',
  createdAt: '2024-03-31T00:30:00.000Z',
  answeredAt: null,
  resolvedAt: null,
  category: 'Kátyú',
  source: 'jarokelo',
  status: 'new',
  statusRaw: 'Válaszra vár',
  title: 'Яма, "глубокая"',
  text: 'line one\nline two, with a comma',
  address: null,
  executor: null,
  url: null,
  districtId: null,
  district: null,
  street: null,
  lat: 47.5,
  lon: 19.05,
  ...overrides,
});

describe('messagesToCsv', () => {
  test('round-trips through a CSV parser: quotes, commas, line breaks and Cyrillic intact', () => {
    const csv = messagesToCsv([message()], 'Europe/Budapest');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = parse(csv.slice(1)) as string[][];
    expect(header?.[1]).toBe('created (Europe/Budapest)');
    expect(row?.[12]).toBe('Яма, "глубокая"');
    expect(row?.[13]).toBe('line one\nline two, with a comma');
    // 00:30 UTC on the spring-forward day is 01:30 CET (before the 02:00 jump).
    expect(row?.[1]).toBe('2024-03-31 01:30');
    expect(row?.[2]).toBe('');
  });
  test('the place column names district and street, never the house number', () => {
    const csv = messagesToCsv(
      [
        message({ address: 'Váci utca 12/a', district: 'V. kerület', street: 'Váci utca' }),
        message({ district: 'V. kerület' }),
        message(),
      ],
      'Europe/Budapest',
    );
    const [header, ...rows] = parse(csv.slice(1)) as string[][];
    expect(header?.[9]).toBe('place');
    expect(rows.map((row) => row[9])).toEqual(['V. kerület, Váci utca', 'V. kerület', '']);
  });
  test('a field is quoted only when it must be', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(47.5)).toBe('47.5');
  });
  test.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+cmd|calc', `"'+cmd|calc"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(1+1)', `"'@SUM(1+1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['------------\n2024.01.03', `"'------------\n2024.01.03"`],
  ])('a cell a spreadsheet would read as a formula is neutralised (OWASP): %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
  test('numbers and text with a formula sign inside stay as they are', () => {
    expect(csvField(-33.9)).toBe('-33.9');
    expect(csvField('a=b+c')).toBe('a=b+c');
    expect(csvField(' =1')).toBe(' =1');
  });
  test('a neutralised cell reads back as its text behind one quote', () => {
    const csv = messagesToCsv([message({ title: '=1+1', text: '+cmd|calc', address: '@x' })], 'UTC');
    const [, row] = parse(csv.slice(1)) as string[][];
    expect([row?.[10], row?.[12], row?.[13]]).toEqual(["'@x", "'=1+1", "'+cmd|calc"]);
  });
});
