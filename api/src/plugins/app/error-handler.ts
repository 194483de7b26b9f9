import { GeoError } from '@heatmap/geo';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isConnectionFault } from '../../db/connection-fault';
import { errorBody, HttpError } from '../../errors/http-error';
import { PARAMETER_HINTS } from '../../schemas/common';

const PLACES: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body',
};

/**
 * Every error becomes `{ statusCode, error, message }`. Client errors say what was wrong and what is
 * allowed; server errors say nothing about the inside (no stack, no SQL) and are logged instead.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        return reply.code(400).send(errorBody(400, validationMessage(error)));
      }
      if (error instanceof HttpError)
        return reply.code(error.statusCode).send(errorBody(error.statusCode, error.message));
      if (error instanceof GeoError) return reply.code(400).send(errorBody(400, error.message));
      if (isConnectionFault(error)) {
        // A restart or a network blip: the request was fine and may be sent again (ingest is idempotent).
        request.log.warn({ err: error }, 'database unreachable');
        return reply
          .code(503)
          .header('retry-after', '5')
          .send(errorBody(503, 'The database is unreachable for the moment; try again shortly'));
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) return reply.code(status).send(errorBody(status, error.message));
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(500)
        .send(errorBody(500, 'The server could not answer this request; the error has been logged'));
    });
  },
  { name: 'error-handler' },
);

function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const place = PLACES[error.validationContext ?? ''] ?? 'parameter';
  if (!first) return `Invalid ${place}`;
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const name = missing ?? first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (place === 'body') return `Invalid body${name ? ` at ${name}` : ''}: ${first.message ?? 'not allowed'}`;
  const hint = PARAMETER_HINTS[name];
  if (missing) return `Missing ${place} "${name}"${hint ? `: must be ${hint}` : ''}`;
  // Ajv's own messages already start with "must" ("must NOT have more than 200 characters").
  return `Invalid ${place} "${name}": ${hint ? `must be ${hint}` : (first.message ?? 'must be valid')}`;
}
