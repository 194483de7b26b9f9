import { type Static, Type } from '@sinclair/typebox';
import {
  ExactMediansSchema,
  FiltersSchema,
  MediansSchema,
  MetricsSchema,
  PARAMETER_HINTS,
  ResolutionSchema,
  WindowSchema,
  ZoomSchema,
} from './common';

export const QueryHexagonsSchema = Type.Composite([
  FiltersSchema,
  Type.Object({
    res: Type.Optional(ResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    medians: Type.Optional(MediansSchema),
    exact: Type.Optional(ExactMediansSchema),
    h3: Type.Optional(
      Type.String({
        pattern: '^[0-9a-fA-F]{15,16}$',
        description: `${PARAMETER_HINTS.h3}: only this cell, at its resolution (res, if given, must match)`,
      }),
    ),
  }),
]);
export type QueryHexagons = Static<typeof QueryHexagonsSchema>;

export const CellSchema = Type.Composite([
  Type.Object({ h3: Type.String({ description: 'H3 cell index (hex string)' }) }),
  MetricsSchema,
]);
export type Cell = Static<typeof CellSchema>;

export const HexagonsSchema = Type.Object({
  res: Type.Integer(),
  ...WindowSchema,
  cells: Type.Array(CellSchema),
  total: Type.Integer({ description: 'Sum of count over the cells' }),
});
export type Hexagons = Static<typeof HexagonsSchema>;
