import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandlerPlugin } from '../../src/plugins/app/error-handler';
import { finiteNumbersPlugin } from '../../src/plugins/app/finite-numbers';

async function app() {
  const instance = Fastify({ ajv: { customOptions: { coerceTypes: 'array' } } });
  await instance.register(errorHandlerPlugin);
  await instance.register(finiteNumbersPlugin);
  instance.get(
    '/n',
    { schema: { querystring: { type: 'object', properties: { res: { type: 'integer', maximum: 10 } } } } },
    async (request) => ({ res: (request.query as { res?: number }).res ?? null }),
  );
  return instance;
}

describe('finite numbers', () => {
  it('refuses Infinity that type coercion lets past minimum and maximum, naming the parameter', async () => {
    const instance = await app();
    for (const value of ['Infinity', '-Infinity', '9'.repeat(400)]) {
      const response = await instance.inject(`/n?res=${value}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('Invalid query parameter "res": must be a finite number');
    }
    expect((await instance.inject('/n?res=7')).json()).toEqual({ res: 7 });
    await instance.close();
  });
});
