import { MESSAGE_STATUSES } from '@heatmap/geo';
import { type Static, Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from './common';

const NamedCountSchema = Type.Object({ id: Type.Integer(), name: Type.String(), count: Type.Integer() });

export const MetaSchema = Type.Object({
  timezone: Type.String({ description: 'The region IANA time zone: dates and buckets are local to it' }),
  categories: Type.Array(NamedCountSchema),
  sources: Type.Array(NamedCountSchema),
  statuses: Type.Array(Type.Object({ id: StringEnum(MESSAGE_STATUSES), count: Type.Integer() })),
  districts: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'west, south, east, north' }),
      count: Type.Integer(),
    }),
  ),
  extent: Type.Object({
    from: Nullable(Type.String({ format: 'date-time', description: 'Earliest created time' })),
    to: Nullable(Type.String({ format: 'date-time', description: 'Latest created time' })),
    bbox: Nullable(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 })),
  }),
  resolutions: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  total: Type.Integer(),
  dataVersion: Type.String({ description: 'Changes with every write to messages or districts' }),
  liveDemo: Type.Optional(
    Type.Boolean({
      description: "true: a demo server replaying last year's messages as live ones (source demo-live)",
    }),
  ),
});
export type Meta = Static<typeof MetaSchema>;
