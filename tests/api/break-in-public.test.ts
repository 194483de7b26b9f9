import { findPersonalData, loadRawPersonalData, type RawPersonalData } from '@heatmap/api/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asUser, type BreakInApp, startBreakInApp } from './break-in-app';
import { loadEndpoints, urlFor } from './openapi-endpoints';

const K = 5;
const publicReads = loadEndpoints().filter((e) => e.isPublic && e.method === 'GET');
/** Fields of a message that identify a person or a place; a public answer carries none of them. */
const FORBIDDEN_KEYS = new Set([
  'author',
  'authorUrl',
  'lat',
  'lon',
  'address',
  'url',
  'executor',
  'title',
  'id',
]);
const FILTERS: Record<string, string>[] = [
  {},
  { from: '2024-03-01', to: '2024-03-08' },
  { from: '2025-06-01', to: '2025-06-02' },
  { status: 'new' },
  { category: 'Graffiti' },
  { district: encodeURIComponent('XXIII. kerület') },
  { district: encodeURIComponent('XXIII. kerület'), status: 'in_progress', from: '2024-01-01' },
  { bbox: '19.05,47.49,19.07,47.51' },
];

describe('public answers never identify anyone (server, Járókelő data)', () => {
  let t: BreakInApp;
  let raw: RawPersonalData;
  /** District bbox corners: public geometry, not anybody's point. */
  let districtNumbers: Set<number>;
  let smallCells: Map<number, string[]>;

  const get = (url: string) => t.app.inject(asUser(undefined, { url }));

  beforeAll(async () => {
    t = await startBreakInApp('server');
    raw = loadRawPersonalData();
    const meta = (await get('/api/v1/public/meta')).json() as { districts: { bbox: number[] }[] };
    districtNumbers = new Set(meta.districts.flatMap((d) => d.bbox));
    smallCells = new Map();
    for (const res of [5, 6, 7, 8]) {
      const column = t.db.sql(`h3_${res}`);
      const rows = await t.db.sql<{ h3: string }[]>`
        SELECT to_hex(${column}) AS h3 FROM messages GROUP BY ${column}
        HAVING count(*) < ${K} ORDER BY count(*) LIMIT 5`;
      smallCells.set(
        res,
        rows.map((r) => r.h3),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the raw file holds personal data to look for, and small cells exist at every public resolution', () => {
    expect(raw.authors.length).toBeGreaterThan(1000);
    expect(raw.emails.length).toBeGreaterThan(20);
    expect(raw.phones.length).toBeGreaterThan(20);
    for (const res of [7, 8]) expect(smallCells.get(res)?.length, `res ${res}`).toBeGreaterThan(0);
  });

  test.each(publicReads.filter((e) => !e.path.includes('{')).map((e) => [e.path, e] as const))(
    '%s under every filter and resolution: no person, no point, no count under k',
    async (_, e) => {
      const leaks: string[] = [];
      const resolutions = e.parameters.some((p) => p.name === 'res') ? ['5', '6', '7', '8'] : [undefined];
      const buckets = e.parameters.some((p) => p.name === 'bucket') ? ['month'] : [undefined];
      for (const filter of FILTERS) {
        for (const res of resolutions) {
          for (const bucket of buckets) {
            const url = urlFor(e, t.known, {
              ...filter,
              ...(res ? { res } : {}),
              ...(bucket ? { bucket } : {}),
            });
            const response = await get(url);
            if (response.statusCode !== 200) {
              leaks.push(`${url}: ${response.statusCode} ${response.body.slice(0, 120)}`);
              continue;
            }
            leaks.push(...scan(response.json(), response.body).map((leak) => `${url}: ${leak}`));
          }
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  test.each(publicReads.filter((e) => e.path.includes('{h3}')).map((e) => [e.path, e] as const))(
    '%s: shown cells list category, month and status only; cells with 1-4 messages are not shown',
    async (_, e) => {
      const leaks: string[] = [];
      for (const res of ['6', '8']) {
        const cells = (
          (await get(`/api/v1/public/hexagons?res=${res}`)).json() as {
            cells: { h3: string; count: number }[];
          }
        ).cells;
        for (const cell of [...cells.slice(0, 3), ...cells.slice(-3)]) {
          const url = urlFor(e, t.known, { h3: cell.h3, limit: '500' });
          const response = await get(url);
          expect(response.statusCode, url).toBe(200);
          leaks.push(...scan(response.json(), response.body).map((leak) => `${url}: ${leak}`));
        }
      }
      for (const [res, small] of smallCells) {
        for (const h3 of small) {
          const response = await get(urlFor(e, t.known, { h3 }));
          if (response.statusCode === 200) leaks.push(`res ${res} cell ${h3} with < ${K} messages is shown`);
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  test('the scan does find people and points in a staff answer (it can fail)', async () => {
    const url = `/api/v1/cells/${t.known.h3}/messages?limit=500`;
    const staff = await t.app.inject(asUser(t.admin, { url }));
    const leaks = scan(staff.json(), staff.body);
    expect(leaks.some((l) => l.startsWith('field ') && l.endsWith('.lat'))).toBe(true);
    expect(leaks.some((l) => l.startsWith('coordinate '))).toBe(true);
  });

  /** Every leak in one public answer: people, points, forbidden fields, small counts. */
  function scan(json: unknown, body: string): string[] {
    const leaks: string[] = [];
    walk(json, [], (path, key, value) => {
      const inGeometry = path.includes('geometry');
      if (FORBIDDEN_KEYS.has(key) && !(key === 'id' && isDimension(path)))
        leaks.push(`field ${path.join('.')}.${key}`);
      if (typeof value === 'number' && !inGeometry) {
        const isCount = key === 'count' || path.at(-1) === 'counts' || path.at(-1) === 'totals';
        if (isCount && Number.isInteger(value) && value > 0 && value < K) {
          leaks.push(`count ${value} at ${path.join('.')}.${key}`);
        }
        if (looksLikePoint(value) && !districtNumbers.has(value)) leaks.push(`coordinate ${value} at ${key}`);
      }
    });
    // District outlines are public geometry; the personal-data scan reads everything else.
    const stripped = JSON.stringify(json, (k, v) => (k === 'geometry' ? null : v));
    leaks.push(...findPersonalData(stripped, raw));
    if (/[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(stripped)) leaks.push(`an e-mail address (${body.length} chars)`);
    return leaks;
  }
});

/** Ids are fine on dimensions (categories, sources, districts, statuses), never on messages. */
function isDimension(path: string[]): boolean {
  return path.some((p) => /^(categories|sources|districts|statuses|topCategories|features)$/.test(p));
}

/** A Budapest latitude or longitude written with more than 4 decimals (about 10 m). */
function looksLikePoint(value: number): boolean {
  const decimals = String(value).split('.')[1]?.length ?? 0;
  return decimals > 4 && ((value > 47 && value < 48) || (value > 18.5 && value < 19.7));
}

function walk(value: unknown, path: string[], visit: (path: string[], key: string, value: unknown) => void) {
  if (Array.isArray(value)) {
    const key = path.at(-1) ?? '';
    for (const item of value) {
      if (typeof item === 'object' && item !== null) walk(item, path, visit);
      else visit(path, key, item);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      visit(path, key, child);
      if (typeof child === 'object' && child !== null) walk(child, [...path, key], visit);
    }
  }
}
