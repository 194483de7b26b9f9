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
    expect(row?.[11]).toBe('Яма, "глубокая"');
    expect(row?.[12]).toBe('line one\nline two, with a comma');
    // 00:30 UTC on the spring-forward day is 01:30 CET (before the 02:00 jump).
    expect(row?.[1]).toBe('2024-03-31 01:30');
    expect(row?.[2]).toBe('');
  });
  test('a field is quoted only when it must be', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(47.5)).toBe('47.5');
  });
});
