import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ingestWriterOfHeader } from '../../../../auth/ingest-writer';
import type { Sql } from '../../../../db/database';
import { errorBody } from '../../../../errors/http-error';
import { IDENTITY_MAPPING, MappingError } from '../../../../ingest/field-mapping';
import { bodyRecords, decodeBody } from '../../../../ingest/http-body';
import { ingestRecords } from '../../../../ingest/ingest-records';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { QueryError } from '../../../../queries/query-error';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import { IngestBodySchema, IngestReportSchema } from '../../../../schemas/ingest';
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

  // Only the ingest route below reads a body. Bodies are read as bytes and decoded strictly.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, buffer, done) => {
    let text: string;
    try {
      text = decodeBody(buffer as Buffer);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(request, text, done);
  });
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer' }, (_request, buffer, done) => {
    try {
      done(null, decodeBody(buffer as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.decorateRequest('ingestSource', null);

  app.post(
    '/',
    {
      bodyLimit: 64 * 1024 * 1024,
      // Before the body is read: an unauthenticated caller never gets 64 MB parsed.
      onRequest: async (request, reply) => {
        const writer = await ingestWriterOfHeader(app.db.sql as Sql, request.headers.authorization, {
          token: app.config.ingestToken,
          source: app.config.ingestSource,
        });
        if ('status' in writer) {
          if (writer.status === 401) reply.header('www-authenticate', 'Bearer');
          return reply
            .code(writer.status)
            .send(
              errorBody(
                writer.status,
                `${writer.reason} Send Authorization: Bearer <an API key that writes, or HEATMAP_INGEST_TOKEN>`,
              ),
            );
        }
        request.ingestSource = writer.source;
      },
      // The body schema documents the fields; each record is checked on its own (recordToMessage),
      // so one bad value rejects its row with a reason, and nothing is coerced (`true` is not 1).
      validatorCompiler: () => (value) => ({ value }),
      schema: {
        summary: "Ingest messages (JSON array or NDJSON) into the key's source; idempotent by source and id",
        tags: ['messages'],
        security: [{ ingestToken: [] }],
        body: IngestBodySchema,
        response: { 200: IngestReportSchema, 401: ErrorSchema, 403: ErrorSchema, ...ErrorResponses },
      },
    },
    async (request) => {
      const ndjson = String(request.headers['content-type'] ?? '').startsWith('application/x-ndjson');
      const records = await bodyRecords(request.body, ndjson);
      try {
        return await ingestRecords(app.db.sql as Sql, records, {
          mapping: IDENTITY_MAPPING,
          ownSource: request.ingestSource as string,
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

declare module 'fastify' {
  interface FastifyRequest {
    /** The source the ingest caller may write (its API key's, or HEATMAP_INGEST_SOURCE for the token). */
    ingestSource: string | null;
  }
}
