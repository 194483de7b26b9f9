import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Sql } from '../../../../db/database';
import { IDENTITY_MAPPING, MappingError } from '../../../../ingest/field-mapping';
import { ingestRecords, type SourceRecord } from '../../../../ingest/ingest-records';
import { ndjsonRecords } from '../../../../ingest/ndjson-records';
import { InputFileError } from '../../../../ingest/text-stream';
import { body } from '../../../../plugins/app/error-handler';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { QueryError } from '../../../../queries/query-error';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import { IngestBodySchema, IngestReportSchema, MAX_INGEST_RECORDS } from '../../../../schemas/ingest';
import { MessageParamsSchema, MessageSchema } from '../../../../schemas/messages';

export const messagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:id',
    {
      schema: {
        summary: 'One message',
        tags: ['messages'],
        params: MessageParamsSchema,
        response: { 200: MessageSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () => {
        const message = await app.heatmapQueries.message(
          request.params.id,
          requestFilter(app, { query: {}, filterScope: request.filterScope }),
        );
        if (!message) throw new QueryError(404, `No message with id ${request.params.id}`);
        return message;
      }),
  );

  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, text, done) =>
    done(null, text),
  );

  app.post(
    '/',
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        summary: 'Ingest messages (JSON array or NDJSON); idempotent by source and id',
        tags: ['messages'],
        security: [{ ingestToken: [] }],
        body: IngestBodySchema,
        response: { 200: IngestReportSchema, 401: ErrorSchema, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      if (!authorised(request.headers.authorization, app.config.ingestToken)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send(
            body(401, 'Send Authorization: Bearer <HEATMAP_INGEST_TOKEN> (ingest is off when none is set)'),
          );
      }
      const records =
        typeof request.body === 'string' ? await ndjsonList(request.body) : arrayRecords(request.body);
      if (records.length > MAX_INGEST_RECORDS) {
        throw new QueryError(400, `Invalid body: at most ${MAX_INGEST_RECORDS} records per request`);
      }
      try {
        return await ingestRecords(app.db.sql as Sql, records, {
          mapping: IDENTITY_MAPPING,
          source: 'api',
          timezone: app.config.timezone,
        });
      } catch (error) {
        if (error instanceof MappingError) throw new QueryError(400, `Invalid body: ${error.message}`);
        throw error;
      } finally {
        app.responseCache.clear();
      }
    },
  );
};

function arrayRecords(items: unknown[]): SourceRecord[] {
  return items.map((item, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? { index, record: item as Record<string, unknown> }
      : { index, record: {}, reason: 'the item is not a JSON object' },
  );
}

async function ndjsonList(text: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  try {
    const chunks = (async function* () {
      yield text;
    })();
    for await (const record of ndjsonRecords(chunks, 'body')) records.push(record);
  } catch (error) {
    if (error instanceof InputFileError) throw new QueryError(400, `Invalid body: ${error.message}`);
    throw error;
  }
  return records;
}

function authorised(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}
