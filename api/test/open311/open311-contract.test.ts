import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { addKey } from '../auth/apikey-helper';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { expectShape, FORM, form, get, parseXml, seedOpen311 } from './open311-fixture';

/**
 * Every Open311 answer, JSON and XML, against the GeoReport v2 specification's shapes (the JSON Schema
 * files beside this test), on both backends.
 */
describe.each(BACKENDS)('Open311 GeoReport v2 contract on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let readKey: string;
  let writeKey: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedOpen311(db.sql);
    app = await buildApp({ db, config: testConfig() });
    readKey = await addKey(db, ['--name', 'reader', '--scope', 'read']);
    writeKey = await addKey(db, ['--name', 'portal', '--source', 'portal']);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('discovery.json names this endpoint and its formats', async () => {
    const response = await get(app, '/open311/v2/discovery.json');
    expect(response.statusCode).toBe(200);
    expectShape('discovery', response.json());
    expect(response.json().endpoints[0].url).toMatch(/\/open311\/v2$/);
  });

  test('services.json and services.xml: one realtime service per category, the same in both', async () => {
    const json = await get(app, '/open311/v2/services.json');
    expect(json.statusCode).toBe(200);
    expectShape('services', json.json());
    expect(json.json().map((s: { service_name: string }) => s.service_name)).toEqual(['Lights', 'Roads']);
    expect(json.json()[0]).toMatchObject({
      metadata: false,
      type: 'realtime',
      group: 'Lights',
      keywords: 'lights',
    });
    const xml = await get(app, '/open311/v2/services.xml');
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    const parsed = parseXml(xml.body) as { services: { service: Record<string, string>[] } };
    expect(parsed.services.service.map((s) => ({ ...s, metadata: s.metadata === 'true' }))).toEqual(
      json.json(),
    );
  });

  test('service codes are stable: the same on every backend and every call', async () => {
    const codes = (await get(app, '/open311/v2/services.json'))
      .json()
      .map((s: { service_code: string }) => s.service_code);
    // SHA-256 of the names: fixed, whatever the database.
    expect(codes).toEqual(['18786940ec53', '02e78db22d1c']);
  });

  test('requests.json, public and with a read key, and requests/{id}.json match the spec; XML carries the same', async () => {
    for (const key of [undefined, readKey]) {
      const query = key ? `?api_key=${key}` : '';
      const list = await get(app, `/open311/v2/requests.json${query}`);
      expect(list.statusCode, list.body).toBe(200);
      expectShape('requests', list.json());
      expect(list.json().length).toBeGreaterThan(0);
      const one = await get(app, `/open311/v2/requests/${list.json()[0].service_request_id}.json${query}`);
      expectShape('requests', one.json());
      expect(one.json()).toEqual([list.json()[0]]);
      const xml = parseXml((await get(app, `/open311/v2/requests.xml${query}`)).body) as {
        service_requests: { request: Record<string, string>[] };
      };
      const fromXml = xml.service_requests.request.map((r) => ({
        ...r,
        lat: Number(r.lat),
        long: Number(r.long),
      }));
      expect(fromXml).toEqual(list.json());
    }
  });

  test('POST requests.json and .xml answer [{ service_request_id, service_notice }]', async () => {
    const services = (await get(app, '/open311/v2/services.json')).json();
    const fields = { api_key: writeKey, service_code: services[1].service_code, lat: '47.55', long: '19.05' };
    const json = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: FORM,
      payload: form(fields),
    });
    expect(json.statusCode, json.body).toBe(200);
    expectShape('post-response', json.json());
    const xml = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: FORM,
      payload: form(fields),
    });
    expect(xml.statusCode, xml.body).toBe(200);
    const parsed = parseXml(xml.body) as { service_requests: { request: Record<string, string>[] } };
    expectShape('post-response', parsed.service_requests.request);
  });

  test('errors 400, 403 and 404 are [{ code, description }] in JSON and <errors> in XML', async () => {
    const cases: [string, number, { method?: 'POST'; payload?: string }?][] = [
      ['/open311/v2/requests.FORMAT?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z', 400],
      ['/open311/v2/requests.FORMAT?status=pending', 400],
      [`/open311/v2/requests.FORMAT?api_key=hmk_${'A'.repeat(43)}`, 403],
      [`/open311/v2/requests.FORMAT?api_key=${writeKey}`, 403],
      ['/open311/v2/requests.FORMAT', 403, { method: 'POST', payload: form({ service_code: 'x' }) }],
      ['/open311/v2/requests/0123456789abcdef0123456789abcdef.FORMAT', 404],
      ['/open311/v2/nothing-here.FORMAT', 404],
    ];
    for (const [url, status, options] of cases) {
      for (const format of ['json', 'xml']) {
        const response = await app.inject({
          method: options?.method ?? 'GET',
          url: url.replace('FORMAT', format),
          ...(options?.payload ? { headers: FORM, payload: options.payload } : {}),
        });
        expect(response.statusCode, `${url} ${format}: ${response.body}`).toBe(status);
        const body =
          format === 'json'
            ? response.json()
            : (
                parseXml(response.body) as { errors: { error: { code: string; description: string }[] } }
              ).errors.error.map((e) => ({ code: Number(e.code), description: e.description }));
        expectShape('errors', body);
        expect(body[0].code).toBe(status);
      }
    }
  });
});
