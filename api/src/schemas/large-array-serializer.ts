import fastJson from 'fast-json-stringify';

/**
 * A route's response serializer that writes arrays of 20,000 items or more with JSON.stringify, and the
 * rest from the schema as Fastify does. fast-json-stringify writes an array item by item through the
 * item schema's checks: the 555,000 integers of a res-8 day timeline over a year took 77-200 ms at 5M,
 * JSON.stringify 8 ms, the same text. JSON.stringify skips the schema's filtering, so use it only for
 * schemas whose large arrays hold numbers or strings, never objects (whose undeclared fields it would write).
 */
export function largeArraySerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  return fastJson(schema as Parameters<typeof fastJson>[0], {
    largeArrayMechanism: 'json-stringify',
    largeArraySize: LARGE_ARRAY_SIZE,
  });
}

export const LARGE_ARRAY_SIZE = 20_000;
