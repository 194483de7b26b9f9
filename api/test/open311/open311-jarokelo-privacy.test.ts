import type { FastifyInstance } from 'fastify';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { addKey } from '../auth/apikey-helper';
import { findPersonalData, loadRawPersonalData, type RawPersonalData } from '../public/raw-personal-data';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { get } from './open311-fixture';

interface Request {
  service_request_id: string;
  requested_datetime: string;
  lat: number;
  long: number;
}

/** Open311 without a key on the real Járókelő reports: the public rules hold on data with real personal data. */
describe.each(BACKENDS)('Open311 public view of the Járókelő data on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let raw: RawPersonalData;
  let key: string;
  let graffiti: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildApp({ db, config: testConfig() });
    raw = loadRawPersonalData();
    key = await addKey(db, ['--name', 'reader', '--scope', 'read']);
    const services = (await get(app, '/open311/v2/services.json')).json();
    graffiti = services.find((s: { service_name: string }) => s.service_name === 'Graffiti').service_code;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('no author, contact, link or point in any answer; places are public cell centres, times months', async () => {
    const leaks: string[] = [];
    let listed = 0;
    for (const search of [
      // Whole local months: the public answer covers the months a window touches, the key's the window.
      'start_date=2024-03-01T00:00:00%2B01:00&end_date=2024-04-30T23:59:59%2B02:00',
      'start_date=2024-06-01T00:00:00%2B02:00&end_date=2024-07-31T23:59:59%2B02:00&status=closed',
      `start_date=2024-01-01T00:00:00 01:00&end_date=2024-02-29T23:59:59 01:00&service_code=${graffiti}`,
    ]) {
      const publicAnswer = await get(app, `/open311/v2/requests.json?${search}`);
      expect(publicAnswer.statusCode, publicAnswer.body).toBe(200);
      const shown = publicAnswer.json() as Request[];
      listed += shown.length;
      leaks.push(...findPersonalData(publicAnswer.body, raw).map((leak) => `${search}: ${leak}`));
      leaks.push(...findPersonalData((await get(app, `/open311/v2/requests.xml?${search}`)).body, raw));
      for (const r of shown) {
        const centre = cellToLatLng(latLngToCell(r.lat, r.long, 8));
        expect([r.lat, r.long]).toEqual(centre);
        expect(r.requested_datetime).toMatch(/-01T00:00:00\+0[12]:00$/);
      }
      // Every public request is a real one of the window, which a read key finds by its id too …
      const ids = shown.map((r) => r.service_request_id);
      for (let i = 0; i < ids.length; i += 200) {
        const chunk = ids.slice(i, i + 200);
        const found = await get(
          app,
          `/open311/v2/requests.json?api_key=${key}&service_request_id=${chunk.join(',')}`,
        );
        expect(
          found
            .json()
            .map((r: Request) => r.service_request_id)
            .sort(),
        ).toEqual([...chunk].sort());
      }
      // … while the public, asked by id for the newest 100 of the key's view, gets only those in groups of k.
      const full = (await get(app, `/open311/v2/requests.json?${search}&api_key=${key}`)).json() as Request[];
      const asked = full.slice(0, 100).map((r) => r.service_request_id);
      const publicById = (
        await get(app, `/open311/v2/requests.json?service_request_id=${asked.join(',')}`)
      ).json();
      expect(publicById.length).toBeLessThan(asked.length);
      const shownIds = new Set(ids);
      expect(publicById.every((r: Request) => shownIds.has(r.service_request_id))).toBe(true);
    }
    expect(listed).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});
