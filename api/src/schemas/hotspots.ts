import { DEFAULT_NEIGHBOURHOOD_K, MAX_NEIGHBOURHOOD_K } from '@heatmap/geo';
import { type Static, Type } from '@sinclair/typebox';
import { FiltersSchema, WindowSchema } from './common';

export const HotspotResolutionSchema = Type.Integer({
  minimum: 5,
  maximum: 10,
  default: 8,
  description: 'an integer H3 resolution from 5 to 10 (as /hexagons); default 8',
});

export const NeighbourhoodSchema = Type.Integer({
  minimum: 1,
  maximum: MAX_NEIGHBOURHOOD_K,
  default: DEFAULT_NEIGHBOURHOOD_K,
  description: `Gi* neighbourhood: the cells within grid distance k (1: 7 cells, 2: 19, 3: 37); 1 to ${MAX_NEIGHBOURHOOD_K}, default ${DEFAULT_NEIGHBOURHOOD_K}`,
});

export const QueryHotspotsSchema = Type.Composite([
  FiltersSchema,
  Type.Object({ res: Type.Optional(HotspotResolutionSchema), k: Type.Optional(NeighbourhoodSchema) }),
]);
export type QueryHotspots = Static<typeof QueryHotspotsSchema>;

export const GiBinSchema = Type.Integer({
  minimum: -3,
  maximum: 3,
  description:
    'sign(z) × 1, 2 or 3: significant at 90, 95 or 99 % (Benjamini–Hochberg FDR 0.10, 0.05, 0.01 over all cells of the answer); 0: not significant',
});

export const HotspotCellSchema = Type.Object({
  h3: Type.String({ description: 'H3 cell index (hex string)' }),
  count: Type.Integer({
    description: 'Messages in the cell (as /hexagons counts them); 0 for a ring or district cell',
  }),
  z: Type.Number({ description: 'Getis-Ord Gi* z-score (binary weights, gridDisk k), unadjusted' }),
  p: Type.Number({ description: 'Two-sided p-value of z, unadjusted' }),
  bin: GiBinSchema,
});

export const HotspotsSchema = Type.Object({
  res: Type.Integer(),
  k: Type.Integer(),
  ...WindowSchema,
  cells: Type.Array(HotspotCellSchema, {
    description:
      'Every cell of the study area, sorted by id: cells with messages, their k-rings (zeros), and the cells whose centre lies in a district in scope (see docs/hotspots.md)',
  }),
});
export type Hotspots = Static<typeof HotspotsSchema>;
