import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { replaceDistricts } from '../../src/repositories/districts-repository';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addUser, districtIds, type SeededDistricts, seedDistricts, signIn } from './auth-helpers';

const PASSWORD = 'correct horse battery';
const EXPORT = '/api/v1/export/messages.csv';

/**
 * Who reads what, through the real app: two square districts with one message each and one message
 * outside both; municipal, regional and anonymous callers read them through the staff routes.
 */
describe.each(BACKENDS)('request scope on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let seeded: SeededDistricts;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    seeded = await seedDistricts(db.sql);
    await addUser(db.sql, 'pest.clerk', 'municipal', PASSWORD, ['Pest']);
    await addUser(db.sql, 'both.clerk', 'municipal', PASSWORD, ['Pest', 'Buda']);
    await addUser(db.sql, 'orphan.clerk', 'municipal', PASSWORD, ['Gone']);
    await addUser(db.sql, 'region', 'regional', PASSWORD);
    app = await buildApp({ db, config: testConfig() });
    for (const login of ['pest.clerk', 'both.clerk', 'orphan.clerk', 'region']) {
      cookie[login] = (await signIn(app, login, PASSWORD)).cookieHeader;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const read = (url: string, login?: string, on: FastifyInstance = app) =>
    on.inject({ url, headers: login ? { cookie: cookie[login] as string } : {} });

  /** The ids of the messages a caller's export lists (every message it may read, one per row). */
  const exportedIds = async (login: string, query = '', on: FastifyInstance = app) => {
    const response = await read(`${EXPORT}${query}`, login, on);
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    return rows.map((row) => Number(row.split(',')[0])).sort((a, b) => a - b);
  };
  const summaryCount = async (login: string, query = '') => {
    const response = await read(`/api/v1/summary${query}`, login);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().count as number;
  };

  test('a municipal user sees only messages in their district when asking for nothing in particular', async () => {
    expect(await exportedIds('pest.clerk')).toEqual([seeded.messages.pest]);
    expect(await summaryCount('pest.clerk')).toBe(1);
    const hexagons = await read('/api/v1/hexagons?res=8', 'pest.clerk');
    expect(hexagons.json().total).toBe(1);
  });

  test('a municipal user asking for another district by id gets 403 and none of its data', async () => {
    for (const url of [`/api/v1/summary?district=${seeded.buda}`, `${EXPORT}?district=${seeded.buda}`]) {
      const response = await read(url, 'pest.clerk');
      expect(response.statusCode, url).toBe(403);
      expect(response.json().message).toMatch(/outside them/);
      expect(response.body).not.toMatch(/"count"|Pothole/);
    }
    const mixed = await read(`/api/v1/summary?district=${seeded.pest},${seeded.buda}`, 'pest.clerk');
    expect(mixed.statusCode).toBe(403);
  });

  test('a municipal user asking for their own district gets it', async () => {
    expect(await exportedIds('pest.clerk', `?district=${seeded.pest}`)).toEqual([seeded.messages.pest]);
    expect(await summaryCount('pest.clerk', `?district=${seeded.pest}`)).toBe(1);
  });

  test('a user with two districts sees both, never messages outside every district', async () => {
    expect(await exportedIds('both.clerk')).toEqual([seeded.messages.buda, seeded.messages.pest]);
    expect(await summaryCount('both.clerk')).toBe(2);
  });

  test('a single message outside the district is the 404 of an unknown one, inside is served', async () => {
    const { buda, pest, outside } = seeded.messages;
    expect((await read(`/api/v1/messages/${buda}`, 'pest.clerk')).statusCode).toBe(404);
    expect((await read(`/api/v1/messages/${outside}`, 'pest.clerk')).statusCode).toBe(404);
    expect((await read(`/api/v1/messages/${outside + 1000}`, 'pest.clerk')).statusCode).toBe(404);
    const own = await read(`/api/v1/messages/${pest}`, 'pest.clerk');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: String(pest), district: 'Pest' });
  });

  test('a regional user sees every message; the public is public and reads only the public routes', async () => {
    const { buda, pest, outside } = seeded.messages;
    expect(await exportedIds('region')).toEqual([buda, pest, outside].sort((a, b) => a - b));
    expect((await read(`/api/v1/messages/${outside}`, 'region')).statusCode).toBe(200);
    expect((await read('/api/v1/auth/me')).json()).toEqual({ role: 'public', publicMap: true });
    for (const url of [EXPORT, '/api/v1/summary', `/api/v1/messages/${pest}`]) {
      expect((await read(url)).statusCode, url).toBe(401);
    }
    expect((await read('/api/v1/public/summary')).statusCode).toBe(200);
  });

  test('a grant naming a district that does not exist grants nothing (fails closed)', async () => {
    expect(await exportedIds('orphan.clerk')).toEqual([]);
    expect(await summaryCount('orphan.clerk')).toBe(0);
    expect((await read(`/api/v1/messages/${seeded.messages.outside}`, 'orphan.clerk')).statusCode).toBe(404);
  });

  test('with the public map switched off, anonymous reads get 401 while sessions still work', async () => {
    const config = testConfig();
    const closed = await buildApp({ db, config: { ...config, auth: { ...config.auth, publicMap: false } } });
    for (const url of ['/api/v1/summary', '/api/v1/public/summary']) {
      const anonymous = await closed.inject({ url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().message).toBe('Sign in to see the map.');
    }
    expect((await closed.inject({ url: '/api/v1/auth/me' })).json()).toEqual({
      role: 'public',
      publicMap: false,
    });
    expect(await exportedIds('pest.clerk', '', closed)).toEqual([seeded.messages.pest]);
    await closed.close();
  });

  test('grants follow the district by name when districts are reloaded with new ids', async () => {
    // Reload without Pest (it is dropped), then with it again: Pest gets a new id.
    const geometry = async (name: string) =>
      JSON.parse(
        (await db.sql<{ g: string }[]>`SELECT ST_AsGeoJSON(geom) AS g FROM districts WHERE name = ${name}`)[0]
          ?.g as string,
      );
    const buda = { name: 'Buda', geometry: await geometry('Buda') };
    const pest = { name: 'Pest', geometry: await geometry('Pest') };
    await replaceDistricts(db.sql, [buda]);
    await replaceDistricts(db.sql, [buda, pest]);
    const fresh = await districtIds(db.sql);
    expect(fresh.pest).not.toBe(seeded.pest);
    const me = await read('/api/v1/auth/me', 'pest.clerk');
    expect(me.json().districts).toEqual([{ id: fresh.pest, name: 'Pest' }]);
    expect(await exportedIds('pest.clerk')).toEqual([seeded.messages.pest]);
    expect(await exportedIds('pest.clerk', `?district=${fresh.pest}`)).toEqual([seeded.messages.pest]);
    expect((await read(`/api/v1/summary?district=${fresh.buda}`, 'pest.clerk')).statusCode).toBe(403);
  });

  test('responses to signed-in requests are never cacheable by shared caches', async () => {
    const response = await read('/api/v1/summary', 'pest.clerk');
    expect(response.headers['cache-control']).toMatch(/^private\b/);
    expect(response.headers['cache-control']).not.toMatch(/\bpublic\b/);
    expect(response.headers.vary).toMatch(/Cookie/);
    const anonymous = await read('/api/v1/public/summary');
    expect(anonymous.headers['cache-control'] ?? '').not.toMatch(/private/);
    expect(anonymous.headers.vary).toMatch(/Cookie/);
  });
});
