import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openapiPath, renderOpenapi } from '../../src/openapi/write-openapi';

test('the committed api/openapi.json equals what the route schemas generate (run `pnpm openapi`)', async () => {
  expect(readFileSync(openapiPath, 'utf8')).toBe(await renderOpenapi());
});

test('the OpenAPI document lists every heat map endpoint', async () => {
  const doc = JSON.parse(await renderOpenapi());
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/cells/{h3}/messages',
      '/api/v1/districts',
      '/api/v1/hexagons',
      '/api/v1/messages',
      '/api/v1/messages/{id}',
      '/api/v1/meta',
      '/api/v1/summary',
      '/api/v1/timeline',
      '/healthz',
      '/readyz',
    ]),
  );
});
