import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addKey, apikey } from './apikey-helper';
import { type SeededDistricts, seedDistricts } from './auth-helpers';

/**
 * API keys with a scope: `read` reads as a regional account, or with --district as a municipal account of
 * those districts (the same scope rule as sessions); `write` only writes; keys made and removed on the
 * command line take effect on the app already running.
 */
describe.each(BACKENDS)('API key scopes on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let seeded: SeededDistricts;

  const get = (url: string, key?: string) =>
    app.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    seeded = await seedDistricts(db.sql);
    app = await buildApp({ db, config: testConfig() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('add prints the key alone on the last line; list shows name, scope, source and districts', async () => {
    const added = await apikey(db, ['add', '--name', 'portal', '--scope', 'both', '--district', 'Buda']);
    expect(added.code, added.err).toBe(0);
    expect(added.lastLine).toMatch(/^hmk_[A-Za-z0-9_-]{43}$/);
    const listed = await apikey(db, ['list']);
    expect(listed.out).toMatch(/^ID\s+NAME\s+SCOPE\s+SOURCE\s+DISTRICTS\s+CREATED\s+STATE/m);
    expect(listed.out).toMatch(/^\d+\s+portal\s+both\s+portal\s+Buda\s+\d{4}-\d\d-\d\d\s+active$/m);
    expect(listed.out).not.toContain(added.lastLine);
  });

  test('a read key with --district reads as a municipal account of it: other districts are 404 and 403', async () => {
    const key = await addKey(db, ['--name', 'buda-reader', '--scope', 'read', '--district', 'Buda']);
    expect((await get(`/api/v1/messages/${seeded.messages.buda}`, key)).statusCode).toBe(200);
    for (const id of [seeded.messages.pest, seeded.messages.outside]) {
      const response = await get(`/api/v1/messages/${id}`, key);
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toBe(`No message with id ${id}`);
    }
    const hexagons = await get('/api/v1/hexagons?res=8', key);
    expect(hexagons.json().total).toBe(1);
    expect((await get('/api/v1/hexagons?res=8&district=Pest', key)).statusCode).toBe(403);
    expect((await get(`/api/v1/hexagons?res=8&district=${seeded.pest}`, key)).statusCode).toBe(403);
    expect(hexagons.headers['cache-control']).toMatch(/private/);
    expect(String(hexagons.headers.vary)).toMatch(/Authorization/);
  });

  test('a read key without --district reads as a regional account: every district and outside them', async () => {
    const key = await addKey(db, ['--name', 'region-reader', '--scope', 'read']);
    for (const id of Object.values(seeded.messages)) {
      expect((await get(`/api/v1/messages/${id}`, key)).statusCode).toBe(200);
    }
    expect((await get('/api/v1/hexagons?res=8', key)).json().total).toBe(3);
  });

  test('a write-only key reads nothing (403), an unknown key is 401, never the public view', async () => {
    const key = await addKey(db, ['--name', 'writer']);
    expect((await get(`/api/v1/messages/${seeded.messages.buda}`, key)).statusCode).toBe(403);
    expect((await get('/api/v1/hexagons?res=8', `hmk_${'B'.repeat(43)}`)).statusCode).toBe(401);
  });

  test('a read-only key may not write, and its body is never parsed: 403, not the 400 of the broken JSON', async () => {
    const key = await addKey(db, ['--name', 'only-reads', '--scope', 'read']);
    for (const secret of [key, undefined]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        },
        payload: '[{"id": "x", ',
      });
      expect(response.statusCode, response.body).toBe(secret ? 403 : 401);
    }
    const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
    expect(row?.n).toBe(3);
  });

  test('remove --name ends a key on the running app at once; revoke stays as its alias', async () => {
    const key = await addKey(db, ['--name', 'temp', '--scope', 'read']);
    expect((await get('/api/v1/hexagons?res=8', key)).statusCode).toBe(200);
    expect(await apikey(db, ['remove', '--name', 'temp'])).toMatchObject({ code: 0 });
    expect((await get('/api/v1/hexagons?res=8', key)).statusCode).toBe(401);
    expect(await apikey(db, ['remove', '--name', 'temp'])).toMatchObject({ code: 1 });
    // The name is free again once its key is removed.
    const again = await addKey(db, ['--name', 'temp', '--scope', 'read']);
    expect(await apikey(db, ['revoke', '--name', 'temp'])).toMatchObject({ code: 0 });
    expect((await get('/api/v1/hexagons?res=8', again)).statusCode).toBe(401);
  });

  test('bad usage: a taken name, an unknown district, --district on a write key, an unknown scope', async () => {
    await addKey(db, ['--name', 'taken']);
    expect(await apikey(db, ['add', '--name', 'taken'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/taken/),
    });
    expect(
      await apikey(db, ['add', '--name', 'x', '--scope', 'read', '--district', 'Atlantis']),
    ).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Atlantis/),
    });
    expect(await apikey(db, ['add', '--name', 'y', '--district', 'Buda'])).toMatchObject({ code: 2 });
    expect(await apikey(db, ['add', '--name', 'z', '--scope', 'admin'])).toMatchObject({ code: 2 });
  });
});
