import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { type PlantedTruth, plantClusters } from '../../src/generate/planted-clusters';
import { scorePlanted } from '../../src/generate/planted-score';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';

const TZ = 'Europe/Budapest';
const BACKGROUND = 30_000;
// Sixteen weeks ending on a Monday: the emerging steps are the twelve weeks before it.
const FROM = '2024-09-02';
const TO = '2024-12-23';

describe.each(BACKENDS)('planted clusters found through the API on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let truth: PlantedTruth;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
    const range = { from: new Date(`${FROM}T00:00:00+02:00`), to: new Date(`${TO}T00:00:00+01:00`) };
    const planted = plantClusters({
      clusters: 3,
      seed: 11,
      districts,
      backgroundCount: BACKGROUND,
      ...range,
    });
    truth = planted.truth;
    const background = generateMessages({
      count: BACKGROUND,
      seed: 11,
      districts,
      timezone: TZ,
      hotspotShare: 0,
      ...range,
    });
    await upsertGenerated(db, [...background, ...planted.messages], TZ);
    app = await buildTestApp(db);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('recall ≥ 0.9 at FDP ≤ 0.1 for bins ≥ 2, and ≥ 0.8 of emerging cells new, consecutive or intensifying', async () => {
    const hot = await app.inject({ url: `/api/v1/hotspots?res=8&k=1&from=${FROM}&to=${TO}` });
    expect(hot.statusCode, hot.body).toBe(200);
    const emerging = await app.inject({
      url: `/api/v1/hotspots/emerging?res=8&k=1&step=week&steps=12&to=${TO}`,
    });
    expect(emerging.statusCode, emerging.body).toBe(200);
    const score = scorePlanted(truth, 1, hot.json().cells, emerging.json().cells);
    expect(score.recall, JSON.stringify(score)).toBeGreaterThanOrEqual(0.9);
    expect(score.fdp, JSON.stringify(score)).toBeLessThanOrEqual(0.1);
    expect(score.emergingShare, JSON.stringify(score)).toBeGreaterThanOrEqual(0.8);
  });
});
