import { DEFAULT_NEIGHBOURHOOD_K, EMERGING_PATTERNS, MAX_NEIGHBOURHOOD_K } from '@heatmap/geo';
import { type Static, Type } from '@sinclair/typebox';
import { FiltersSchema, Nullable, StringEnum, WindowSchema } from './common';

const EMERGING_CLASSES = [
  ...EMERGING_PATTERNS.flatMap((pattern) => [`${pattern}-hot`, `${pattern}-cold`]),
  'no-pattern',
] as const;

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

/** At most this many place names per answer. */
export const MAX_HOTSPOT_PLACES = 20;

export const QueryHotspotsSchema = Type.Composite([
  FiltersSchema,
  Type.Object({
    res: Type.Optional(HotspotResolutionSchema),
    k: Type.Optional(NeighbourhoodSchema),
    places: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_HOTSPOT_PLACES,
        default: 0,
        description: `name the places of this many of the strongest hot spots (bin ≥ 2, highest z first): their cells carry \`place\`; 0 to ${MAX_HOTSPOT_PLACES}, default 0`,
      }),
    ),
  }),
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
  place: Type.Optional(
    Nullable(
      Type.String({
        description:
          'Only on the strongest hot spots asked for with `places`: "district, street", the most frequent district and street (house numbers stripped, spelling variants merged) of the cell\'s messages over all time (a municipal account: its districts\' messages); null when none has either',
      }),
    ),
  ),
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

export const EMERGING_STEPS = ['week', 'month'] as const;
export const MAX_EMERGING_STEPS = 104;

/** A local calendar day; checked for existence by the query (2024-02-30 is a 400 there). */
export const DaySchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'a local calendar day YYYY-MM-DD in the region time zone',
});

export const QueryEmergingSchema = Type.Object({
  res: Type.Optional(HotspotResolutionSchema),
  k: Type.Optional(NeighbourhoodSchema),
  step: Type.Optional(StringEnum(EMERGING_STEPS, { description: 'week (default) or month' })),
  steps: Type.Optional(
    Type.Integer({
      minimum: 2,
      maximum: MAX_EMERGING_STEPS,
      default: 12,
      description: `how many steps, the last ending at \`to\`; 2 to ${MAX_EMERGING_STEPS}, default 12`,
    }),
  ),
  to: Type.Optional(
    Type.String({
      ...DaySchema,
      description:
        'the day after the last step (exclusive; months: the last step is the month of the day before); default: the day after the newest message',
    }),
  ),
  category: FiltersSchema.properties.category,
  district: FiltersSchema.properties.district,
});
export type QueryEmerging = Static<typeof QueryEmergingSchema>;

export const EmergingCellSchema = Type.Object({
  h3: Type.String({ description: 'H3 cell index (hex string)' }),
  class: StringEnum(EMERGING_CLASSES, { description: 'Emerging hot/cold spot class (docs/hotspots.md §2)' }),
  trend: Type.Object(
    { z: Type.Number(), p: Type.Number() },
    {
      description: "Mann–Kendall trend of the cell's Gi* z series: Z (continuity-corrected) and two-sided p",
    },
  ),
  bins: Type.Array(GiBinSchema, {
    description: "The Gi* bin per step, oldest first (0 outside the step's study area)",
  }),
  place: Type.Optional(
    Nullable(
      Type.String({
        description:
          'Only on the hot classes (…-hot): "district, street", as `place` on /hotspots (all time, the caller\'s districts)',
      }),
    ),
  ),
});

export const EmergingSchema = Type.Object({
  res: Type.Integer(),
  k: Type.Integer(),
  step: StringEnum(EMERGING_STEPS),
  steps: Type.Integer(),
  ...WindowSchema,
  cells: Type.Array(EmergingCellSchema, { description: "Every cell of any step's study area, sorted by id" }),
});
export type Emerging = Static<typeof EmergingSchema>;
