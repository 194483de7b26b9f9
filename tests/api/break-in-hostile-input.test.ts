import { NO_CONTROL_CHARACTERS } from '@heatmap/api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodedPayload, NEUTRAL, PAYLOADS, type Payload } from './attack-payloads';
import { type Answer, asUser, type BreakInApp, dataState, jsonOf, startBreakInApp } from './break-in-app';
import { findInternals, isJsonClientError } from './internals-scan';
import { type Endpoint, type EndpointParameter, loadEndpoints, urlFor } from './openapi-endpoints';

const reads = loadEndpoints().filter((e) => e.method === 'GET' && e.parameters.length > 0);
/** Every parameter of every read endpoint. */
const cases = reads.flatMap((e) => e.parameters.map((p) => ({ endpoint: e, parameter: p })));

// Server only: every parameter x every payload. The embedded backend runs the municipal suite; its
// start (~25 s for the seeded snapshot) is paid once per run.
describe('SQL injection and oversized input in every GET parameter (server)', () => {
  let t: BreakInApp;
  const findings: string[] = [];

  const send = (e: Endpoint, url: string): Promise<Answer> =>
    t.app.inject(asUser(e.isPublic ? undefined : t.admin, { url }));

  beforeAll(async () => {
    t = await startBreakInApp('server');
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the OpenAPI document gives the suite parameters to attack on staff and public routes', () => {
    expect(cases.length).toBeGreaterThan(80);
    expect(new Set(cases.map((c) => c.parameter.name))).toEqual(
      new Set(
        ['from', 'to', 'category', 'source', 'status', 'district', 'bbox', 'res', 'zoom'].concat([
          'medians',
          // the exact median of one cell or one district instead of the histograms' estimate
          'exact',
          'bucket',
          'cursor',
          'limit',
          'q',
          'h3',
          'id',
          'top',
          // the hotspot statistics: /hotspots, /hotspots/emerging, /alerts
          'k',
          'step',
          'steps',
          'day',
          // the named places of the strongest hot spots
          'places',
          // Open311 GeoReport v2 (/open311/v2): its own names, as the spec gives them
          'jurisdiction_id',
          'api_key',
          'service_request_id',
          'service_code',
          'start_date',
          'end_date',
          'file',
        ]),
      ),
    );
  });

  test.each(reads.map((e) => [e.path, e] as const))(
    '%s: every parameter gets a 4xx with a message or the answer to a harmless value, and nothing changes',
    async (_, e) => {
      const before = await dataState(t.db);
      for (const { parameter } of cases.filter((c) => c.endpoint === e)) {
        const base = { res: '8' };
        const neutral = await send(e, urlFor(e, t.known, { ...base, [parameter.name]: NEUTRAL }));
        for (const payload of PAYLOADS) {
          const url = urlFor(e, t.known, { ...base, [parameter.name]: encodedPayload(payload) });
          const response = await send(e, url);
          const what = `${e.path} ${parameter.name} ${payload.name}: ${response.statusCode} ${response.body.slice(0, 160)}`;
          findings.push(
            ...check(response, neutral, parameter, payload).map((problem) => `${what} -> ${problem}`),
          );
        }
      }
      expect(findings.filter((f) => f.startsWith(`${e.path} `))).toEqual([]);
      expect(await dataState(t.db)).toEqual(before);
    },
  );
});

/**
 * A hostile value may be refused (4xx, JSON with a message) or read as the literal it is: then the
 * answer equals the one for a value no data matches. Never a 5xx, never the server's internals.
 * One exception: a free-text search (a string with no pattern but the no-control-characters one, `q`) may find a number such as -1 in
 * message texts; injection strings must still find nothing.
 */
function check(response: Answer, neutral: Answer, parameter: EndpointParameter, payload: Payload): string[] {
  const problems = findInternals(response).map((leak) => `shows ${leak}`);
  if (response.statusCode >= 500) problems.push('server error');
  else if (response.statusCode >= 400) {
    if (!isJsonClientError(response)) problems.push('4xx without a JSON message');
  } else if (response.statusCode === 200) {
    if (neutral.statusCode !== 200)
      problems.push(`accepted, while a harmless value gets ${neutral.statusCode}`);
    else if (
      JSON.stringify(jsonOf(response)) !== JSON.stringify(jsonOf(neutral)) &&
      !isTextSearch(parameter, payload)
    ) {
      problems.push('answered differently from a harmless value');
    }
  } else problems.push(`unexpected status ${response.statusCode}`);
  return problems;
}

function isTextSearch(parameter: EndpointParameter, payload: Payload): boolean {
  const { type, pattern, enum: values } = parameter.schema;
  // Free text refuses only control characters; any other pattern shapes the value.
  const freeText = !pattern || pattern === NO_CONTROL_CHARACTERS;
  return type === 'string' && freeText && !values && payload.kind === 'oversized';
}
