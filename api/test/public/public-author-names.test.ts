import type { FastifyInstance } from 'fastify';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { INGEST_TOKEN, testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const CELL = latLngToCell(47.5, 19.05, 8);

function message(id: string, author: string, text: string) {
  return {
    id,
    createdAt: '2024-06-01T10:00:00Z',
    category: 'roads',
    lat: 47.5,
    lon: 19.05,
    author,
    text,
  };
}

/**
 * With HEATMAP_PUBLIC_TEXT on, the drill-down text loses its own author's name and every registered
 * author's full name, including authors registered after the app started (the names are read again when
 * data_version changes).
 */
describe.each(BACKENDS)('public drill-down text without registered authors on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  const ingest = (messages: object[]) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { authorization: `Bearer ${INGEST_TOKEN}` },
      payload: messages,
    });
  const texts = async () => {
    const response = await app.inject({ url: `/api/v1/public/cells/${CELL}/messages?limit=100` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().messages as { text: string }[])
      .map((m) => m.text)
      .filter((text) => !text.startsWith('Filler'))
      .sort();
  };
  // The public drill-down opens a cell of k or more (after noise of up to ±2) and lists groups of k or more
  // (docs/privacy.md): five more messages of the same cell, month, category and status keep it open.
  const fillers = Array.from({ length: 5 }, (_, i) =>
    message(`filler-${i}`, 'Anonim Járókelő', `Filler ${i}`),
  );

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildApp({ db, config: { ...testConfig(), publicText: true } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('the own author goes word by word, another registered author by full name', async () => {
    const first = await ingest([
      ...fillers,
      message('1', 'Fülöp Gyöngyi', 'Kátyú. Üdv, gyöngyi'),
      message('2', 'Jellasics Kriszta', 'Köszönöm, Fülöp Gyöngyi! A Fülöp utca sarkán.'),
      message('3', 'Anonim Járókelő', 'Helyi lakos vagyok'),
      message('4', 'Helyi Lakos', 'Lámpa nem ég'),
      message('5', 'Anonim Járókelő', 'Ugyanitt: MINTA KATA kéri'),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().inserted, first.body).toBe(10);
    expect(await texts()).toEqual([
      'Helyi lakos vagyok',
      'Kátyú. Üdv, […]',
      'Köszönöm, […]! A Fülöp utca sarkán.',
      'Lámpa nem ég',
      'Ugyanitt: MINTA KATA kéri',
    ]);
  });

  test('an author registered later is removed from the older texts too', async () => {
    const later = await ingest([message('6', 'Minta Kata', 'Szemét')]);
    expect(later.statusCode, later.body).toBe(200);
    expect(await texts()).toContain('Ugyanitt: […] kéri');
  });
});
