import { type Static, Type } from '@sinclair/typebox';
import { Nullable, WindowSchema } from './common';
import { GiBinSchema, NeighbourhoodSchema } from './hotspots';
import { QueryPublicHexagonsSchema } from './public';

/** The public map's filters and resolution (capped by the privacy guard), without medians, plus k. */
export const QueryPublicHotspotsSchema = Type.Composite([
  Type.Omit(QueryPublicHexagonsSchema, ['medians']),
  Type.Object({ k: Type.Optional(NeighbourhoodSchema) }),
]);
export type QueryPublicHotspots = Static<typeof QueryPublicHotspotsSchema>;

export const PublicHotspotsSchema = Type.Object({
  res: Type.Integer(),
  k: Type.Integer(),
  ...WindowSchema,
  cells: Type.Array(
    Type.Object({
      h3: Type.String(),
      bin: GiBinSchema,
      place: Nullable(
        Type.String({
          description:
            '"district, street": the street only when at least 5 of the cell\'s messages (all time, all categories) name it, never a house number',
        }),
      ),
    }),
    {
      description:
        'The significant cells (bin ≠ 0) of the Gi* map over the whole region, bins only: no count, z or p (docs/privacy.md)',
    },
  ),
});
export type PublicHotspots = Static<typeof PublicHotspotsSchema>;
