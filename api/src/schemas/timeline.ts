import { type Static, Type } from '@sinclair/typebox';
import { FiltersSchema, ResolutionSchema, StringEnum, ZoomSchema } from './common';

export const BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const QueryTimelineSchema = Type.Composite([
  FiltersSchema,
  Type.Object({
    res: Type.Optional(ResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    bucket: Type.Optional(
      StringEnum(BUCKETS, {
        description: 'Bucket width, aligned in the region time zone (weeks start Monday)',
      }),
    ),
  }),
]);
export type QueryTimeline = Static<typeof QueryTimelineSchema>;

export const TimelineSchema = Type.Object({
  res: Type.Integer(),
  bucket: StringEnum(BUCKETS),
  timezone: Type.String({ description: 'IANA zone the buckets are aligned in' }),
  edges: Type.Array(Type.String({ format: 'date-time' }), {
    description: 'Bucket edges as instants: bucket i is [edges[i], edges[i+1]); length = buckets + 1',
  }),
  totals: Type.Array(Type.Integer(), { description: 'Messages per bucket over all cells' }),
  cells: Type.Object(
    {
      h3: Type.Array(Type.String(), { description: 'Cell indexes' }),
      offsets: Type.Array(Type.Integer(), {
        description: 'Cell i owns entries offsets[i] .. offsets[i+1]-1 of buckets/counts; length = cells + 1',
      }),
      buckets: Type.Array(Type.Integer(), { description: 'Bucket index of each entry, ascending per cell' }),
      counts: Type.Array(Type.Integer(), { description: 'Messages of the cell in that bucket (never 0)' }),
    },
    { description: 'Per-cell counts per bucket in compressed sparse rows' },
  ),
});
export type Timeline = Static<typeof TimelineSchema>;
