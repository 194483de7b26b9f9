import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from './common';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2), the JSON shapes; the XML answers carry the
 * same fields (routes/open311/open311-format.ts). A response schema is also a filter: Fastify serialises
 * only the fields declared here, so nothing else of a message can leave through these routes.
 */

const Text = (description: string, maxLength = 200) => Type.String({ description, maxLength });

export const Open311ErrorsSchema = Type.Array(
  Type.Object({
    code: Type.Integer({ description: 'The HTTP status' }),
    description: Type.String(),
  }),
  { description: 'GeoReport v2 errors' },
);

export const Open311DiscoverySchema = Type.Object({
  changeset: Type.String({ description: 'When this list last changed' }),
  contact: Type.String(),
  key_service: Type.String({ description: 'Where to get an api_key' }),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: StringEnum(['production', 'test'] as const),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const Open311ServiceSchema = Type.Object({
  service_code: Type.String({ description: 'Stable: derived from the category name' }),
  service_name: Type.String({ description: 'The category' }),
  description: Type.String(),
  metadata: Type.Boolean({ description: 'Always false: no service has attributes' }),
  type: StringEnum(['realtime', 'batch', 'blackbox'] as const),
  keywords: Type.String({ description: 'Comma-separated' }),
  group: Type.String(),
});
export const Open311ServicesSchema = Type.Array(Open311ServiceSchema);
export type Open311Service = Static<typeof Open311ServiceSchema>;

export const Open311RequestSchema = Type.Object({
  service_request_id: Type.String({ description: 'Opaque and stable' }),
  status: StringEnum(['open', 'closed'] as const),
  status_notes: Type.Optional(
    Type.String({ description: 'The status as the source wrote it (key readers)' }),
  ),
  service_name: Type.String(),
  service_code: Type.String(),
  description: Type.Optional(
    Type.String({ description: 'Key readers; public: scrubbed, with HEATMAP_PUBLIC_TEXT only' }),
  ),
  agency_responsible: Type.Optional(Type.String({ description: 'The executor (key readers)' })),
  requested_datetime: Type.String({
    description: 'ISO 8601 with offset; public: the first moment of the local month',
  }),
  updated_datetime: Type.Optional(
    Type.String({ description: 'Created, answered or resolved, the latest (key readers)' }),
  ),
  address: Type.Optional(Type.String({ description: 'Key readers' })),
  lat: Type.Number({ description: 'Public: the centre of the H3 cell at the public resolution' }),
  long: Type.Number(),
  media_url: Type.Optional(Type.String({ description: 'Key readers' })),
});
export const Open311RequestsSchema = Type.Array(Open311RequestSchema);
export type Open311Request = Static<typeof Open311RequestSchema>;

export const Open311PostResultSchema = Type.Array(
  Type.Object({ service_request_id: Type.String(), service_notice: Type.String() }),
);

export const Open311KeyQuerySchema = Type.Object({
  jurisdiction_id: Type.Optional(Text('Ignored: this server is one jurisdiction')),
  api_key: Type.Optional(Text('A key with read scope: the full records of its scope; none: the public view')),
});

export const Open311RequestsQuerySchema = Type.Composite([
  Open311KeyQuerySchema,
  Type.Object({
    service_request_id: Type.Optional(
      Text('Comma-separated service_request_ids; overrides every other filter', 33 * 1000),
    ),
    service_code: Type.Optional(Text('One service_code')),
    start_date: Type.Optional(Text('ISO 8601 date-time; default: end_date minus 90 days')),
    end_date: Type.Optional(Text('ISO 8601 date-time; default: now (or start_date plus 90 days)')),
    status: Type.Optional(Text('open, closed, or both comma-separated')),
  }),
]);
export type Open311RequestsQuery = Static<typeof Open311RequestsQuerySchema>;

export const Open311RequestParamsSchema = Type.Object({
  file: Type.String({ description: '{service_request_id}.json or .xml', maxLength: 100 }),
});

/** Documents the form; each field is checked by the route (attribute[CODE] keys cannot be declared). */
export const Open311PostBodySchema = Type.Object({
  api_key: Type.Optional(Type.String({ description: 'Or in the query string or Authorization: Bearer' })),
  service_code: Type.String(),
  lat: Type.Optional(Type.String()),
  long: Type.Optional(Type.String()),
  address_string: Type.Optional(Type.String()),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  media_url: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
});
