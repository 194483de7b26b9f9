import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Sql } from '../../db/database';
import { IDENTITY_MAPPING } from '../../ingest/field-mapping';
import { ingestRecords } from '../../ingest/ingest-records';
import { messageIdOf, queryCategories } from '../../queries/open311-query';
import { badParameter, QueryError } from '../../queries/query-error';
import type { RequestIds } from './request-ids';
import { categoryOfCode } from './services';

/** GeoReport v2 POST fields we read; the rest of the spec's fields are accepted and not kept. */
const KEPT = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'description',
  'media_url',
  'first_name',
  'last_name',
  'email',
  'phone',
] as const;
const NOT_KEPT = ['api_key', 'jurisdiction_id', 'address_id', 'device_id', 'account_id'];
export const MAX_DESCRIPTION = 4000;
const NUMBER = /^-?\d{1,3}(\.\d{1,15})?$/;

type Form = Partial<Record<(typeof KEPT)[number], string>>;

/**
 * A GeoReport v2 "POST Service Request" as one message of the writer's source, written by the one ingest
 * path (ingestRecords: validated, in a transaction, the pre-aggregates current at commit), so it is on
 * the map when this returns. Contact fields are kept as the message's author (name and e-mail) and author
 * link (tel:): personal data, shown to staff only. Every problem is a 400 naming the field; nothing is
 * written then.
 */
export async function postRequest(
  app: FastifyInstance,
  ids: RequestIds,
  source: string,
  body: unknown,
): Promise<{ service_request_id: string; service_notice: string }> {
  const sql = app.db.sql as Sql;
  const form = readForm(body);
  if (!form.service_code) throw badParameter('service_code', 'the service_code of a service is required');
  const category = categoryOfCode(await queryCategories(sql), form.service_code);
  if (!category) throw badParameter('service_code', `no service has the code "${form.service_code}"`);
  const place = location(form);
  if ((form.description?.length ?? 0) > MAX_DESCRIPTION) {
    throw badParameter(
      'description',
      `at most ${MAX_DESCRIPTION} characters, got ${form.description?.length}`,
    );
  }
  const name = [form.first_name, form.last_name].filter((p) => p?.trim()).join(' ');
  const author = form.email ? (name ? `${name} <${form.email}>` : form.email) : name;
  const externalId = `open311-${randomUUID()}`;
  const record = {
    id: externalId,
    createdAt: new Date().toISOString(),
    category: category.name,
    ...place,
    status: 'new',
    ...(form.description ? { text: form.description } : {}),
    ...(form.address_string ? { address: form.address_string } : {}),
    ...(form.media_url ? { url: form.media_url } : {}),
    ...(author ? { author } : {}),
    ...(form.phone ? { authorUrl: `tel:${form.phone}` } : {}),
  };
  const report = await ingestRecords(sql, [{ index: 0, record }], {
    mapping: IDENTITY_MAPPING,
    source,
    ownSource: source,
    timezone: app.config.timezone,
  });
  app.responseCache.clear();
  const rejected = report.rejected[0];
  if (rejected) throw new QueryError(400, `The request was not accepted: ${rejected.reason}`);
  const id = await messageIdOf(sql, source, externalId);
  if (id === undefined) throw new Error('a request just written is missing');
  return { service_request_id: ids.encode(id), service_notice: 'Received: the request is on the map.' };
}

function readForm(body: unknown): Form {
  if (body === null || typeof body !== 'object') {
    throw new QueryError(400, 'Send the request as application/x-www-form-urlencoded fields');
  }
  const form: Form = {};
  for (const [field, value] of Object.entries(body)) {
    if (/^attribute\[.*\]$/.test(field)) {
      throw badParameter(field, 'no service of this server has attributes (metadata false)');
    }
    if (NOT_KEPT.includes(field)) continue;
    if (!(KEPT as readonly string[]).includes(field)) {
      throw badParameter(field, 'not a GeoReport v2 field of POST requests');
    }
    if (typeof value !== 'string') throw badParameter(field, 'given more than once');
    form[field as keyof Form] = value;
  }
  return form;
}

function location(form: Form): { lat: number; lon: number } {
  if (form.lat === undefined && form.long === undefined) {
    throw form.address_string
      ? badParameter(
          'lat',
          'this server places a request by lat and long only (it has no geocoder); address_string is kept beside them',
        )
      : badParameter('lat', 'lat and long (WGS84 degrees) are required');
  }
  const lat = coordinate('lat', form.lat, 90);
  const lon = coordinate('long', form.long, 180);
  return { lat, lon };
}

function coordinate(field: 'lat' | 'long', value: string | undefined, limit: number): number {
  if (value === undefined) throw badParameter(field, 'lat and long go together');
  const number = Number(value.trim());
  if (!NUMBER.test(value.trim()) || Math.abs(number) > limit) {
    throw badParameter(field, `a number of degrees from -${limit} to ${limit}, got "${value}"`);
  }
  return number;
}
