import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Sql } from '../../src/db/database';
import { IDENTITY_MAPPING } from '../../src/ingest/field-mapping';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { seedDistricts } from '../auth/auth-helpers';

/** The GeoReport v2 shapes, as JSON Schema files written from the specification (not from our code). */
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false }));
const SCHEMA_NAMES = ['services', 'requests', 'post-response', 'errors', 'discovery'] as const;
const validators = Object.fromEntries(
  SCHEMA_NAMES.map((name) => [
    name,
    ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, `${name}.schema.json`), 'utf8'))),
  ]),
) as Record<(typeof SCHEMA_NAMES)[number], ReturnType<typeof ajv.compile>>;

export function expectShape(name: (typeof SCHEMA_NAMES)[number], body: unknown): void {
  const validate = validators[name];
  expect(validate(body), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** An XML answer as objects: every element a list, so one item and many read alike. */
export function parseXml(text: string): Record<string, unknown> {
  const parser = new XMLParser({
    isArray: (name) => ['service', 'request', 'error'].includes(name),
    parseTagValue: false,
  });
  return parser.parse(text);
}

const DAY = 86_400_000;

/**
 * Two districts (Buda, Pest; auth-helpers) and three public groups of 10 (two cells in Buda, one in Pest),
 * all ten days old, plus a lone message (a group of one) in the second Buda cell and a message 200 days old.
 * Every message carries personal data the public must never see.
 */
export async function seedOpen311(sql: Sql) {
  await seedDistricts(sql);
  const recent = Date.now() - 10 * DAY;
  const records: Record<string, unknown>[] = [];
  const group = (name: string, lon: number, lat: number, category: string, status: string, n: number) => {
    for (let i = 0; i < n; i++) {
      records.push({
        id: `${name}-${i}`,
        createdAt: new Date(recent + records.length * 1000).toISOString(),
        category,
        status,
        lat,
        lon,
        source: 'city',
        author: 'Kovács Anna',
        authorUrl: 'https://example.org/anna',
        address: 'Fő utca 1.',
        executor: 'FKF',
        url: `https://example.org/report/${name}-${i}`,
        text: `Kovács Anna writes about ${name}`,
      });
    }
  };
  group('buda-a', 19.03, 47.53, 'Roads', 'new', 10);
  group('buda-c', 19.07, 47.57, 'Roads', 'new', 10);
  group('pest-b', 19.15, 47.55, 'Lights', 'resolved', 10);
  group('lone', 19.07, 47.57, 'Roads', 'answered', 1);
  records.push({ ...records[0], id: 'old', createdAt: new Date(Date.now() - 200 * DAY).toISOString() });
  const report = await ingestRecords(
    sql,
    records.map((record, index) => ({ index, record })),
    { mapping: IDENTITY_MAPPING, timezone: 'Europe/Budapest' },
  );
  if (report.rejected.length > 0) throw new Error(JSON.stringify(report.rejected));
}

export const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
