import { type Static, Type } from '@sinclair/typebox';

export const MAX_INGEST_RECORDS = 10_000;

export const IngestBodySchema = Type.Union(
  [
    Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
          createdAt: Type.Optional(
            Type.String({ description: 'ISO 8601; naive times are read in the region zone' }),
          ),
          category: Type.Optional(Type.String()),
          lat: Type.Optional(Type.Union([Type.Number(), Type.String()])),
          lon: Type.Optional(Type.Union([Type.Number(), Type.String()])),
          title: Type.Optional(Type.String()),
          text: Type.Optional(Type.String()),
          status: Type.Optional(Type.String()),
          answeredAt: Type.Optional(Type.String()),
          resolvedAt: Type.Optional(Type.String()),
          source: Type.Optional(Type.String()),
          address: Type.Optional(Type.String()),
          executor: Type.Optional(Type.String()),
          url: Type.Optional(Type.String()),
          author: Type.Optional(Type.String()),
          authorUrl: Type.Optional(Type.String()),
        },
        { additionalProperties: true, description: 'Required: createdAt, category, lat, lon' },
      ),
      {
        maxItems: MAX_INGEST_RECORDS,
        description: 'A JSON array (application/json) of up to 10,000 messages',
      },
    ),
    Type.String({ description: 'NDJSON (application/x-ndjson): one message object per line, up to 10,000' }),
  ],
  { description: 'Rows that fail validation are rejected one by one; the good rows go in' },
);

export const IngestReportSchema = Type.Object({
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Array(
    Type.Object({
      line: Type.Optional(Type.Integer({ description: 'NDJSON line, 1-based' })),
      index: Type.Optional(Type.Integer({ description: 'JSON array index, 0-based' })),
      reason: Type.String(),
    }),
  ),
});
export type IngestReportBody = Static<typeof IngestReportSchema>;
