import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

/** GeoReport v2 names the format by the file extension of the path: `requests.json`, `requests.xml`. */
export type Open311Format = 'json' | 'xml';

/** The format of a request's path: `.xml` before the query string, else JSON (the spec's default). */
export function formatOfUrl(url: string): Open311Format {
  return /\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json';
}

/** The root and item elements of each GeoReport v2 list in XML. */
const XML_NAMES = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;
export type Open311List = keyof typeof XML_NAMES;

// The builder escapes text (& < > " '); fields left undefined are left out, as in the JSON answer.
const builder = new XMLBuilder({});

export function toXml(list: Open311List, items: readonly object[]): string {
  const [root, item] = XML_NAMES[list];
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: { [item]: items } })}`;
}

/** A list in the asked format: JSON through the route's response schema, XML built from the same objects. */
export function sendList(reply: FastifyReply, format: Open311Format, list: Open311List, items: object[]) {
  if (format === 'json') return reply.send(items);
  return reply.type('text/xml; charset=utf-8').send(toXml(list, items));
}

/** An error as GeoReport v2 writes it: `[{ code, description }]`, or `<errors><error>` in XML. */
export function errorPayload(format: Open311Format, code: number, description: string): string {
  const errors = [{ code, description }];
  return format === 'json' ? JSON.stringify(errors) : toXml('errors', errors);
}
