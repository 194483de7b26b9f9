import { type Static, Type } from '@sinclair/typebox';
import { ExactMediansSchema, FiltersSchema, MediansSchema, MetricsSchema, WindowSchema } from './common';

export const QueryDistrictsSchema = Type.Composite([
  FiltersSchema,
  Type.Object({ medians: Type.Optional(MediansSchema), exact: Type.Optional(ExactMediansSchema) }),
]);

export const DistrictFeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Integer(),
  geometry: Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
  }),
  properties: Type.Composite([Type.Object({ id: Type.Integer(), name: Type.String() }), MetricsSchema]),
});

export const DistrictsSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  ...WindowSchema,
  features: Type.Array(DistrictFeatureSchema),
});
export type Districts = Static<typeof DistrictsSchema>;
