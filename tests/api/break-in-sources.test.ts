import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BreakInApp, bearer, record, startBreakInApp } from './break-in-app';

/** A writer may only write its own source (issue 9, item 9): the shared token is bound to one. */
describe('ingest writers and other sources (server)', () => {
  let t: BreakInApp;

  beforeAll(async () => {
    t = await startBreakInApp('server');
  });
  afterAll(async () => {
    await t?.close();
  });

  test('an ingest writer cannot take over another source: a Járókelő report keeps its place and its author', async () => {
    type Row = { external_id: string; lat: number; lon: number; author: string; district_id: number };
    const report = async (id: string) =>
      (
        await t.db.sql<Row[]>`
          SELECT m.external_id, m.lat, m.lon, m.author, m.district_id FROM messages m
          JOIN sources s ON s.id = m.source_id WHERE s.name = 'jarokelo' AND m.external_id = ${id}`
      )[0];
    const [victim] = await t.db.sql<{ id: string }[]>`
      SELECT m.external_id AS id FROM messages m JOIN sources s ON s.id = m.source_id
      WHERE s.name = 'jarokelo' AND m.author IS NOT NULL AND m.district_id = ${t.own[0]?.id ?? 0}
      ORDER BY m.id LIMIT 1`;
    const id = victim?.id as string;
    const original = await report(id);
    // Moved into the foreign district's neighbour and stripped of its author, with the shared token.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: [record({ id, source: 'jarokelo', lat: 47.5, lon: 19.07, author: null, category: 'moved' })],
      headers: bearer,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      inserted: 0,
      updated: 0,
      rejected: [
        { index: 0, reason: expect.stringMatching(/^source "jarokelo" is not this writer's source/) },
      ],
    });
    expect(await report(id)).toEqual(original);
  });
});
