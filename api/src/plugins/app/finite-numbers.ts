import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../../errors/http-error';

/**
 * Ajv's type coercion turns "Infinity" (or a 400-digit number) into Infinity and its minimum and
 * maximum checks let it through; no parameter of ours means infinity, so refuse it after validation.
 */
export const finiteNumbersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', async (request, reply) => {
      for (const [place, values] of [
        ['query parameter', request.query],
        ['path parameter', request.params],
      ] as const) {
        if (!values || typeof values !== 'object') continue;
        for (const [name, value] of Object.entries(values)) {
          if (typeof value === 'number' && !Number.isFinite(value)) {
            return reply
              .code(400)
              .send(errorBody(400, `Invalid ${place} "${name}": must be a finite number`));
          }
        }
      }
    });
  },
  { name: 'finite-numbers' },
);
