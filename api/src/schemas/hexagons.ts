import { type Static, Type } from '@sinclair/typebox';
import {
  FiltersSchema,
  MediansSchema,
  MetricsSchema,
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
