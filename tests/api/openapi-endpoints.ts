import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One parameter of one operation, as api/openapi.json declares it. */
export interface EndpointParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: {
    type?: string;
    pattern?: string;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    maxLength?: number;
    default?: unknown;
  };
}

/** One method on one path of the committed OpenAPI document. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  parameters: EndpointParameter[];
  /** Anonymous callers may read it: the privacy-filtered public map. */
  isPublic: boolean;
  /** Sign-in, sign-out, "who am I": not data. */
  isAuth: boolean;
  /** Needs a signed-in caller (or, for writes, its own credentials): every other /api/v1 route. */
  isStaff: boolean;
  changesState: boolean;
}

const openapiFile = resolve(new URL('../../api/openapi.json', import.meta.url).pathname);

/**
 * Every operation of the committed api/openapi.json. The break-in suite walks this list, so a new
 * endpoint is attacked as soon as `pnpm openapi` writes it (the drift test keeps the file current).
 */
export function loadEndpoints(): Endpoint[] {
  const doc = JSON.parse(readFileSync(openapiFile, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { parameters?: (Omit<EndpointParameter, 'in'> & { in: string })[] }>
    >;
  };
  const endpoints: Endpoint[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const upper = method.toUpperCase() as Endpoint['method'];
      const isPublic = path.startsWith('/api/v1/public/');
      const isAuth = path.startsWith('/api/v1/auth/');
      endpoints.push({
        method: upper,
        path,
        // Query and path parameters only: a header (the stream's Last-Event-ID) is not part of a URL.
        parameters: (operation.parameters ?? [])
          .filter((p): p is EndpointParameter => p.in === 'query' || p.in === 'path')
          .map((p) => ({ ...p, required: p.required ?? false })),
        isPublic,
        isAuth,
        isStaff: path.startsWith('/api/v1/') && !isPublic && !isAuth,
        changesState: upper !== 'GET',
      });
    }
  }
  return endpoints;
}

/** Valid values the suite knows for parameters by name; an unknown required one falls back to its schema. */
export type KnownValues = Record<string, string>;

/** A value the parameter's schema accepts: a known one, else its default, first enum value or minimum. */
export function validValue(parameter: EndpointParameter, known: KnownValues): string | undefined {
  if (known[parameter.name] !== undefined) return known[parameter.name];
  const { schema } = parameter;
  if (schema.default !== undefined) return String(schema.default);
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  if (schema.minimum !== undefined) return String(schema.minimum);
  return undefined;
}

/**
 * The URL of a request to `endpoint` with every required parameter valid, then `overrides`
 * (raw, already URL-encoded query or path values; an array repeats the query parameter).
 */
export function urlFor(
  endpoint: Endpoint,
  known: KnownValues,
  overrides: Record<string, string | string[]> = {},
): string {
  let path = endpoint.path;
  const query: string[] = [];
  for (const parameter of endpoint.parameters) {
    const override = overrides[parameter.name];
    const fallback = parameter.required ? validValue(parameter, known) : undefined;
    const raw = override ?? (fallback === undefined ? undefined : encodeURIComponent(fallback));
    if (parameter.in === 'path') {
      path = path.replace(`{${parameter.name}}`, String(raw ?? 'missing'));
    } else if (raw !== undefined) {
      for (const value of [raw].flat()) query.push(`${parameter.name}=${value}`);
    }
  }
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}
