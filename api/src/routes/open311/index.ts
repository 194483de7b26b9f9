import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Sql } from '../../db/database';
import { queryCategories } from '../../queries/open311-query';
import { QueryError } from '../../queries/query-error';
import { ensureSetting } from '../../repositories/settings-repository';
import {
  Open311DiscoverySchema,
  Open311KeyQuerySchema,
  Open311PostBodySchema,
  Open311PostResultSchema,
  Open311RequestParamsSchema,
  Open311RequestsQuerySchema,
  Open311RequestsSchema,
  Open311ServicesSchema,
} from '../../schemas/open311';
import { open311Reader, open311Writer, presentedKey } from './open311-access';
import { errorPayload, formatOfUrl, sendList } from './open311-format';
import { postRequest } from './open311-post';
import { findRequests } from './open311-requests';
import { RequestIds } from './request-ids';
import { toService } from './services';

const FORMATS = ['json', 'xml'] as const;
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When this server's list of endpoints last changed (discovery's changeset). */
const CHANGESET = '2026-11-30T00:00:00Z';
const ERRORS =
  'Errors (400, 403 for a missing or wrong api_key, 404) are [{ code, description }], in XML <errors>.';

/**
 * Open311 GeoReport v2 at /open311/v2: services (one per category), requests (search, one, post). Every
 * answer in JSON or XML by the path's extension; every error in the spec's shape (the app's error handler
 * words it, the onSend hook below reshapes it).
 */
export const open311Routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  app.decorateRequest('open311Source', null);
  // The key that enciphers service_request_ids, made once per database (request-ids.ts); read on first use.
  let requestIds: Promise<RequestIds> | undefined;
  const ids = () => {
    requestIds ??= ensureSetting(app.db.sql as Sql, 'open311_request_id_key', () =>
      randomBytes(32).toString('hex'),
    ).then(
      (secret) => new RequestIds(secret),
      (error) => {
        requestIds = undefined;
        throw error;
      },
    );
    return requestIds;
  };

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    let message: unknown;
    try {
      message = (JSON.parse(payload) as { message?: unknown }).message;
    } catch {
      return payload;
    }
    if (typeof message !== 'string') return payload;
    const format = formatOfUrl(request.url);
    reply.type(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
    return errorPayload(format, reply.statusCode, message);
  });
  app.setNotFoundHandler((request) => {
    throw new QueryError(404, `No Open311 resource at ${request.method} ${request.url.split('?')[0]}`);
  });

  app.get(
    '/discovery.json',
    {
      schema: {
        summary: 'Open311 discovery: this endpoint and its formats',
        tags: ['open311'],
        response: { 200: Open311DiscoverySchema },
      },
    },
    async (request) => ({
      changeset: CHANGESET,
      contact: 'The operator of this heat map',
      key_service:
        'An api_key is issued by the operator: pnpm heatmap apikey add --name NAME --scope write|read|both',
      endpoints: [
        {
          specification: SPEC,
          url: `${request.protocol}://${request.host}/open311/v2`,
          changeset: CHANGESET,
          type: 'production' as const,
          formats: ['application/json', 'text/xml'],
        },
      ],
    }),
  );

  for (const format of FORMATS) {
    app.get(
      `/services.${format}`,
      {
        schema: {
          summary: `Open311 service list (${format}): one service per category`,
          description: ERRORS,
          tags: ['open311'],
          querystring: Open311KeyQuerySchema,
          response: { 200: Open311ServicesSchema },
        },
      },
      async (request, reply) => {
        // The categories are public on the public map, staff-only without it.
        await open311Reader(app, request);
        const categories = await queryCategories(app.db.sql as Sql);
        return sendList(
          reply,
          format,
          'services',
          categories.map((c) => toService(c.name)),
        );
      },
    );

    app.get(
      `/requests.${format}`,
      {
        schema: {
          summary: `Open311 request search (${format}), newest first, at most 1000`,
          description: `Without api_key: the public view (privacy rules of the public map). ${ERRORS}`,
          tags: ['open311'],
          querystring: Open311RequestsQuerySchema,
          response: { 200: Open311RequestsSchema },
        },
      },
      async (request, reply) => {
        const reader = await open311Reader(app, request);
        const found = await findRequests(app, await ids(), reader, request.query, new Date());
        return sendList(reply, format, 'requests', found);
      },
    );

    app.post(
      `/requests.${format}`,
      {
        // The key, when in the query string or Authorization header, is checked before the body is read:
        // a body sent with a wrong key is never parsed. A key in the form itself (as the spec has it) is
        // checked before any other field.
        onRequest: async (request) => {
          const secret = presentedKey(request);
          if (secret !== undefined) request.open311Source = await open311Writer(app, secret);
        },
        preValidation: async (request) => {
          if (request.open311Source !== null) return;
          const body = request.body as { api_key?: unknown } | undefined;
          const secret = typeof body?.api_key === 'string' ? body.api_key : undefined;
          request.open311Source = await open311Writer(app, secret);
        },
        validatorCompiler: () => (value) => ({ value }),
        schema: {
          summary: `Open311 post a service request (${format}, form-encoded): on the map at once`,
          description: `Needs an api_key that writes; contact fields are kept as personal data. ${ERRORS}`,
          tags: ['open311'],
          querystring: Open311KeyQuerySchema,
          body: Open311PostBodySchema,
          response: { 200: Open311PostResultSchema },
        },
      },
      async (request, reply) => {
        const posted = await postRequest(app, await ids(), request.open311Source as string, request.body);
        return sendList(reply, format, 'requests', [posted]);
      },
    );
  }

  app.get(
    '/requests/:file',
    {
      schema: {
        summary: 'Open311 one request: /requests/{service_request_id}.json or .xml',
        description: ERRORS,
        tags: ['open311'],
        params: Open311RequestParamsSchema,
        querystring: Open311KeyQuerySchema,
        response: { 200: Open311RequestsSchema },
      },
    },
    async (request, reply) => {
      const match = /^([^.]+)\.(json|xml)$/.exec(request.params.file);
      if (!match) throw new QueryError(404, 'Ask for /requests/{service_request_id}.json or .xml');
      const [, id, format] = match as unknown as [string, string, 'json' | 'xml'];
      const reader = await open311Reader(app, request);
      const found = await findRequests(app, await ids(), reader, { service_request_id: id }, new Date());
      if (found.length === 0) throw new QueryError(404, `No request ${id}`);
      return sendList(reply, format, 'requests', found);
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The source an Open311 POST writes (its api_key's). */
    open311Source: string | null;
  }
}
