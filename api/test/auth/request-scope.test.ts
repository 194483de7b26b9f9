import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replaceDistricts } from '../../src/repositories/districts-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addUser, buildAuthApp, districtIds, seedDistricts, signIn } from './auth-test-app';

const PASSWORD = 'correct horse battery';

describe.each(BACKENDS)('request scope on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let ids: { pest: number; buda: number };
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    ids = await seedDistricts(db.sql);
    await addUser(db.sql, 'pest.clerk', 'municipal', PASSWORD, ['Pest']);
    await addUser(db.sql, 'both.clerk', 'municipal', PASSWORD, ['Pest', 'Buda']);
    await addUser(db.sql, 'orphan.clerk', 'municipal', PASSWORD, ['Gone']);
    await addUser(db.sql, 'region', 'regional', PASSWORD);
    app = await buildAuthApp(db.sql);
    for (const login of ['pest.clerk', 'both.clerk', 'orphan.clerk', 'region']) {
      cookie[login] = (await signIn(app, login, PASSWORD)).cookieHeader;
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const read = (url: string, login?: string) =>
    app.inject({ url, headers: login ? { cookie: cookie[login] as string } : {} });

  test('a municipal user sees only messages in their district when asking for nothing in particular', async () => {
    const response = await read('/test/messages', 'pest.clerk');
    expect(response.json()).toEqual({
      scope: { role: 'municipal', districtIds: [ids.pest], isPublic: false },
      ids: [2],
    });
  });

  test('a municipal user asking for another district by id gets 403 and none of its data', async () => {
    const response = await read(`/test/messages?district=${ids.buda}`, 'pest.clerk');
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/outside them/);
    expect(response.body).not.toMatch(/"ids"/);
    const mixed = await read(`/test/messages?district=${ids.pest},${ids.buda}`, 'pest.clerk');
    expect(mixed.statusCode).toBe(403);
  });

  test('a municipal user asking for their own district gets it', async () => {
    const response = await read(`/test/messages?district=${ids.pest}`, 'pest.clerk');
    expect(response.json().ids).toEqual([2]);
  });

  test('a user with two districts sees both, never messages outside every district', async () => {
    expect((await read('/test/messages', 'both.clerk')).json().ids).toEqual([1, 2]);
  });

  test('a single message outside the district is the 404 of an unknown one, inside is served', async () => {
    expect((await read('/test/messages/1', 'pest.clerk')).statusCode).toBe(404);
    expect((await read('/test/messages/3', 'pest.clerk')).statusCode).toBe(404);
    expect((await read('/test/messages/2', 'pest.clerk')).json()).toEqual({ id: 2 });
    expect((await read('/test/messages/99', 'pest.clerk')).statusCode).toBe(404);
  });

  test('a regional user and the public see every district, the public flagged as public', async () => {
    expect((await read('/test/messages', 'region')).json()).toEqual({
      scope: { role: 'regional', districtIds: 'all', isPublic: false },
      ids: [1, 2, 3],
    });
    expect((await read('/test/messages')).json().scope).toEqual({
      role: 'public',
      districtIds: 'all',
      isPublic: true,
    });
  });

  test('a grant naming a district that does not exist grants nothing (fails closed)', async () => {
    const response = await read('/test/messages', 'orphan.clerk');
    expect(response.json()).toMatchObject({ scope: { districtIds: [] }, ids: [] });
  });

  test('with the public map switched off, anonymous reads get 401 while sessions still work', async () => {
    const closed = await buildAuthApp(db.sql, { config: { publicMap: false } });
    const anonymous = await closed.inject({ url: '/test/messages' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toBe('Sign in to see the map.');
    expect((await closed.inject({ url: '/api/v1/auth/me' })).json()).toEqual({
      role: 'public',
      publicMap: false,
    });
    const signedIn = await closed.inject({
      url: '/test/messages',
      headers: { cookie: cookie['pest.clerk'] as string },
    });
    expect(signedIn.json().ids).toEqual([2]);
    await closed.close();
  });

  test('grants follow the district by name when districts are reloaded with new ids', async () => {
    // Reload without Pest (it is dropped), then with it again: Pest gets a new id.
    const pestGeometry = await db.sql<
      { g: string }[]
    >`SELECT ST_AsGeoJSON(geom) AS g FROM districts WHERE name = 'Pest'`;
    const budaGeometry = await db.sql<
      { g: string }[]
    >`SELECT ST_AsGeoJSON(geom) AS g FROM districts WHERE name = 'Buda'`;
    const buda = { name: 'Buda', geometry: JSON.parse(budaGeometry[0]?.g as string) };
    await replaceDistricts(db.sql, [buda]);
    await replaceDistricts(db.sql, [
      buda,
      { name: 'Pest', geometry: JSON.parse(pestGeometry[0]?.g as string) },
    ]);
    const fresh = await districtIds(db.sql);
    expect(fresh.pest).not.toBe(ids.pest);
    const me = await read('/api/v1/auth/me', 'pest.clerk');
    expect(me.json().districts).toEqual([{ id: fresh.pest, name: 'Pest' }]);
    const response = await read('/test/messages', 'pest.clerk');
    expect(response.json().scope.districtIds).toEqual([fresh.pest]);
  });

  test('responses to signed-in requests are never cacheable by shared caches', async () => {
    const response = await read('/test/messages', 'pest.clerk');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers.vary).toMatch(/Cookie/);
    const anonymous = await read('/test/messages');
    expect(anonymous.headers['cache-control']).toBeUndefined();
  });
});
