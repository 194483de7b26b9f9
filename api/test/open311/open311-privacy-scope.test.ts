import type { FastifyInstance } from 'fastify';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { addKey } from '../auth/apikey-helper';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { FORM, form, get, seedOpen311 } from './open311-fixture';

interface Request {
  service_request_id: string;
  status: string;
  status_notes?: string;
  service_name: string;
  description?: string;
  requested_datetime: string;
  lat: number;
  long: number;
}

const PERSONAL = ['Kovács', 'Anna', 'Fő utca', 'FKF', 'example.org'];
const PUBLIC_FIELDS = [
  'service_request_id',
  'status',
  'service_name',
  'service_code',
  'requested_datetime',
  'lat',
  'long',
];

/** Who sees what through Open311: the public map's rules without a key, the key's scope with one. */
describe.each(BACKENDS)('Open311 privacy and scope on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let regional: string;
  let buda: string;
  let writer: string;
  let all: Request[];
  const list = async (query: string) => {
    const response = await get(app, `/open311/v2/requests.json?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Request[];
  };
  const codes = async () =>
    Object.fromEntries(
      (await get(app, '/open311/v2/services.json'))
        .json()
        .map((s: { service_name: string; service_code: string }) => [s.service_name, s.service_code]),
    ) as { Roads: string; Lights: string };
  const count = async () => (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`)[0]?.n;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedOpen311(db.sql);
    app = await buildApp({ db, config: testConfig() });
    regional = await addKey(db, ['--name', 'region', '--scope', 'read']);
    buda = await addKey(db, ['--name', 'buda', '--scope', 'read', '--district', 'Buda']);
    writer = await addKey(db, ['--name', 'portal', '--scope', 'both', '--source', 'portal']);
    all = await list(`api_key=${regional}`);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('without a key: only requests in public groups of k, at cell centres, by month, with no personal data', async () => {
    const response = await get(app, '/open311/v2/requests.json');
    const shown = response.json() as Request[];
    expect(shown).toHaveLength(30);
    expect(shown.filter((r) => r.status === 'closed')).toHaveLength(10);
    for (const request of shown) expect(Object.keys(request).sort()).toEqual([...PUBLIC_FIELDS].sort());
    for (const word of PERSONAL) expect(response.body).not.toContain(word);
    const centre = cellToLatLng(latLngToCell(47.53, 19.03, 8));
    expect(shown.filter((r) => r.lat === centre[0] && r.long === centre[1])).toHaveLength(10);
    expect(shown.every((r) => /^\d{4}-\d\d-01T00:00:00\+0[12]:00$/.test(r.requested_datetime))).toBe(true);
    // The lone message (a group of one) is withheld by id too, alone or in a list.
    const lone = all.find((r) => r.status_notes === 'answered') as Request;
    expect((await get(app, `/open311/v2/requests/${lone.service_request_id}.json`)).statusCode).toBe(404);
    const ids = [lone.service_request_id, shown[0]?.service_request_id].join(',');
    expect((await list(`service_request_id=${ids}`)).map((r) => r.service_request_id)).toEqual([
      shown[0]?.service_request_id,
    ]);
  });

  test('HEATMAP_PUBLIC_MAP off: without a key services and requests are 403; with a read key they answer', async () => {
    const closed = await buildApp({
      db,
      config: { ...testConfig(), auth: { ...testConfig().auth, publicMap: false } },
    });
    try {
      for (const path of ['services.json', 'requests.json', `requests/${all[0]?.service_request_id}.json`]) {
        expect((await get(closed, `/open311/v2/${path}`)).statusCode, path).toBe(403);
        expect((await get(closed, `/open311/v2/${path}?api_key=${regional}`)).statusCode, path).toBe(200);
      }
    } finally {
      await closed.close();
    }
  });

  test('HEATMAP_PUBLIC_TEXT on: the public description is the text scrubbed of its author', async () => {
    const textApp = await buildApp({ db, config: { ...testConfig(), publicText: true } });
    try {
      const response = await get(textApp, '/open311/v2/requests.json');
      const shown = response.json() as Request[];
      expect(shown[0]?.description).toMatch(/writes about/);
      expect(response.body).not.toContain('Kovács');
      expect(response.body).not.toContain('Fő utca');
    } finally {
      await textApp.close();
    }
  });

  test('a read key sees the full record of its scope: the point, the time with offset, text, address, agency', async () => {
    expect(all).toHaveLength(31);
    const first = all.find((r) => r.description === 'Kovács Anna writes about buda-a');
    expect(first).toMatchObject({
      lat: 47.53,
      long: 19.03,
      address: 'Fő utca 1.',
      agency_responsible: 'FKF',
      status_notes: 'new',
      media_url: expect.stringMatching(/^https:\/\/example\.org\/report\/buda-a-/),
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/),
    });
    const times = all.map((r) => Date.parse(r.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('a municipal key never sees another district: not listed, not by id, not in an id list', async () => {
    const own = await list(`api_key=${buda}`);
    expect(own).toHaveLength(21);
    expect(own.some((r) => r.service_name === 'Lights')).toBe(false);
    const pest = all.filter((r) => r.service_name === 'Lights');
    expect(pest).toHaveLength(10);
    for (const r of pest.slice(0, 2)) {
      expect(
        (await get(app, `/open311/v2/requests/${r.service_request_id}.json?api_key=${buda}`)).statusCode,
      ).toBe(404);
    }
    const ids = all.map((r) => r.service_request_id).join(',');
    expect(await list(`api_key=${buda}&service_request_id=${ids}`)).toEqual(own);
    expect(await list(`api_key=${buda}&service_code=${(await codes()).Lights}`)).toEqual([]);
  });

  test('search: status, service_code, at most 90 days; service_request_id overrides the rest', async () => {
    const key = `api_key=${regional}`;
    // Two statuses at once, on a database migrated after the app's connections were opened (the enum's
    // array type was unknown to the client then): a 500 before filter-sql cast the list through text[].
    const staff = await app.inject({
      url: '/api/v1/hexagons?res=8&status=resolved,closed_unresolved',
      headers: { authorization: `Bearer ${regional}` },
    });
    expect(staff.statusCode, staff.body).toBe(200);
    expect((await list(`${key}&status=closed`)).map((r) => r.service_name)).toEqual(Array(10).fill('Lights'));
    expect(await list(`${key}&status=open,closed`)).toEqual(all);
    expect(await list(`${key}&service_code=${(await codes()).Roads}`)).toHaveLength(21);
    const old = new Date(Date.now() - 210 * 86_400_000).toISOString();
    const older = await list(`${key}&start_date=${old}`);
    expect(older).toHaveLength(1);
    const oldId = older[0]?.service_request_id;
    expect(
      (await list(`${key}&service_request_id=${oldId}&service_code=${(await codes()).Lights}`))[0],
    ).toEqual(older[0]);
    const tooLong = await get(
      app,
      `/open311/v2/requests.json?${key}&start_date=2024-01-01T00:00:00Z&end_date=2024-04-01T00:00:01Z`,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()[0].description).toMatch(/90 days/);
  });

  test('POST: on the map at once; contact fields kept as personal data, never in an Open311 answer', async () => {
    const staffTotal = async () =>
      (
        await app.inject({ url: '/api/v1/hexagons?res=8', headers: { authorization: `Bearer ${regional}` } })
      ).json().total as number;
    const before = await staffTotal();
    const response = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: FORM,
      payload: form({
        api_key: writer,
        service_code: (await codes()).Roads,
        lat: '47.52',
        long: '19.02',
        address_string: 'Kossuth tér 2.',
        description: 'Deep pothole',
        media_url: 'https://img.example.net/1.jpg',
        first_name: 'Nagy',
        last_name: 'Béla',
        email: 'bela@example.net',
        phone: '+36301234567',
        jurisdiction_id: 'budapest',
      }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const id = response.json()[0].service_request_id;
    const [stored] = await db.sql<{ author: string; author_url: string; source: string }[]>`
      SELECT m.author, m.author_url, s.name AS source FROM messages m JOIN sources s ON s.id = m.source_id
      WHERE m.body = 'Deep pothole'`;
    expect(stored).toEqual({
      author: 'Nagy Béla <bela@example.net>',
      author_url: 'tel:+36301234567',
      source: 'portal',
    });
    const read = await get(app, `/open311/v2/requests/${id}.json?api_key=${writer}`);
    expect(read.json()[0]).toMatchObject({
      description: 'Deep pothole',
      address: 'Kossuth tér 2.',
      status: 'open',
    });
    for (const word of ['Nagy', 'Béla', 'bela@', '+3630']) expect(read.body).not.toContain(word);
    // On the map at once, through the pre-aggregates (staff view of the same app).
    const staff = await app.inject({
      url: '/api/v1/hexagons?res=8',
      headers: { authorization: `Bearer ${regional}` },
    });
    expect(staff.json().total).toBe(before === undefined ? 35 : before + 1);
    // A group of one: not public.
    expect((await get(app, `/open311/v2/requests/${id}.json`)).statusCode).toBe(404);
  });

  test('POST: the key comes first; no key, a wrong or a read-only key is 403 and writes nothing, whatever the body', async () => {
    const before = await count();
    const broken = form({ service_code: 'nope', lat: 'abc', description: 'x'.repeat(5000) });
    for (const [url, payload] of [
      [`/open311/v2/requests.json?api_key=hmk_${'C'.repeat(43)}`, broken],
      // Larger than the form limit: a wrong key in the query string is refused before the body is read.
      [`/open311/v2/requests.json?api_key=hmk_${'C'.repeat(43)}`, form({ description: 'y'.repeat(100_000) })],
      ['/open311/v2/requests.json', broken],
      ['/open311/v2/requests.json', `${broken}&api_key=${regional}`],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, headers: FORM, payload });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(403);
    }
    expect(await count()).toBe(before);
  });

  test('POST: every bad field is a 400 naming it, and nothing is written', async () => {
    const before = await count();
    const good = { api_key: writer, service_code: (await codes()).Roads, lat: '47.52', long: '19.02' };
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...good, description: 'z'.repeat(4001) }, /description/],
      [{ ...good, 'attribute[WIDTH]': '3' }, /attribute\[WIDTH\]/],
      [{ api_key: writer, service_code: good.service_code, address_string: 'Fő tér' }, /geocoder/],
      [{ ...good, service_code: 'nope' }, /service_code/],
      [{ ...good, lat: '91' }, /lat/],
      [{ ...good, colour: 'red' }, /colour/],
    ];
    for (const [fields, reason] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: FORM,
        payload: form(fields),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()[0].description).toMatch(reason);
    }
    const twice = `${form(good)}&description=a&description=b`;
    expect(
      (await app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: FORM, payload: twice }))
        .statusCode,
    ).toBe(400);
    expect(await count()).toBe(before);
  });
});
