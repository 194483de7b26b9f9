import { MESSAGE_STATUSES } from '@heatmap/geo';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { FiltersSchema, Nullable, PARAMETER_HINTS, StringEnum, WindowSchema, ZoomSchema } from './common';
import { MAX_PAGE_LIMIT } from './messages';
import { CellPlaceSchema } from './places';
import { BUCKETS } from './timeline';

/*
 * The public (no sign-in) API. These response schemas are also the filter: Fastify serialises only the
 * fields declared here, so a field the queries return (an author, a point, an address, a message id) cannot
 * reach an anonymous caller even by mistake. What each field may hold is decided in api/src/public/ and
 * docs/privacy.md ("The public API").
 */

const WITHHELD = 'null: withheld (fewer than k messages, or complementary suppression; see docs/privacy.md)';

function Withheld<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()], { description: WITHHELD });
}

/** Checked by the privacy guard, not here, so that its 400 can name the public limit (5 to 8). */
const PublicResolutionSchema = Type.Integer({
  description:
    'H3 resolution 5 to 8 (the public cap, PUBLIC_MAX_RESOLUTION); default: resolutionForZoom(zoom), capped',
});

// Names of categories, sources and districts: letters, digits and the punctuation real names use; no quotes,
// semicolons, equals signs or backslashes, so a probe like `1' OR '1'='1` is a 400, not an empty answer.
const PUBLIC_NAME = '[\\p{L}\\p{N} .()/&+_-]{1,100}';
const PUBLIC_NAME_LIST = `^${PUBLIC_NAME}(,${PUBLIC_NAME}){0,99}$`;
const publicList = (hint: string | undefined) =>
  Type.Optional(Type.String({ pattern: PUBLIC_NAME_LIST, description: hint }));

/** The common filters with stricter name lists; the guard also refuses date-times in from/to. */
const PublicFiltersSchema = Type.Object({
  ...FiltersSchema.properties,
  category: publicList(PARAMETER_HINTS.category),
  source: publicList(PARAMETER_HINTS.source),
  district: publicList(PARAMETER_HINTS.district),
});

export const QueryPublicHexagonsSchema = Type.Composite([
  PublicFiltersSchema,
  Type.Object({
    res: Type.Optional(PublicResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    medians: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Include medianAnswerMinutes (from histograms, within 2 % of the exact median; exact from the messages with a category or source filter, slower); default false',
      }),
    ),
  }),
]);
export type QueryPublicHexagons = Static<typeof QueryPublicHexagonsSchema>;

export const QueryPublicTimelineSchema = Type.Composite([
  PublicFiltersSchema,
  Type.Object({
    res: Type.Optional(PublicResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    bucket: Type.Optional(
      StringEnum(BUCKETS, {
        description: 'month (the default and the only public bucket); day, hour and week are refused',
      }),
    ),
  }),
]);
export type QueryPublicTimeline = Static<typeof QueryPublicTimelineSchema>;

export const QueryPublicDistrictsSchema = Type.Composite([
  PublicFiltersSchema,
  Type.Object({
    medians: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Include medianAnswerMinutes (from histograms, within 2 % of the exact median)',
      }),
    ),
  }),
]);

export const QueryPublicSummarySchema = Type.Composite([
  PublicFiltersSchema,
  Type.Object({
    res: Type.Optional(PublicResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, default: 5, description: PARAMETER_HINTS.top }),
    ),
  }),
]);

export const PublicCellParamsSchema = Type.Object({
  h3: Type.String({ pattern: '^[0-9a-fA-F]{15,16}$', description: 'an H3 cell index of resolution 5 to 8' }),
});

export const QueryPublicCellMessagesSchema = Type.Composite([
  PublicFiltersSchema,
  Type.Object({
    cursor: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9_-]{1,300}$', description: PARAMETER_HINTS.cursor }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 50, description: PARAMETER_HINTS.limit }),
    ),
  }),
]);

const PrivacySchema = Type.Object(
  {
    minCount: Type.Integer({ description: 'k: counts from 1 to k-1 are never shown' }),
    maxResolution: Type.Integer({ description: 'the finest H3 resolution served' }),
    buckets: Type.Array(StringEnum(BUCKETS), { description: 'time buckets the public timeline serves' }),
    text: Type.Boolean({ description: 'whether the drill-down shows scrubbed message text' }),
  },
  { description: 'The privacy rules this server applies (docs/privacy.md)' },
);

const WithheldSchema = Type.Object(
  {
    entries: Type.Integer({ description: 'How many non-empty entries (cells, districts) were withheld' }),
    count: Withheld(Type.Integer({ description: 'Messages in the withheld entries' })),
  },
  { description: 'What suppression left out, safe to show as "N messages in M areas not shown"' },
);

export const PublicCellSchema = Type.Object({
  h3: Type.String({ description: 'H3 cell index' }),
  count: Type.Integer({ description: 'Messages in the cell (always k or more)' }),
  open: Withheld(Type.Integer({ description: 'Messages with no answer yet' })),
  medianAnswerMinutes: Withheld(
    Type.Number({ description: 'Median minutes to first answer (medians=true)' }),
  ),
});

export const PublicHexagonsSchema = Type.Object({
  res: Type.Integer(),
  ...WindowSchema,
  cells: Type.Array(PublicCellSchema, { description: 'Published cells in the bbox (all when no bbox)' }),
  total: Withheld(
    Type.Integer({ description: 'Messages matching the filters in the whole region (bbox aside)' }),
  ),
  withheld: WithheldSchema,
});
export type PublicHexagons = Static<typeof PublicHexagonsSchema>;

export const PublicTimelineSchema = Type.Object({
  res: Type.Integer(),
  bucket: StringEnum(BUCKETS),
  timezone: Type.String(),
  edges: Type.Array(Type.String({ format: 'date-time' }), {
    description: 'Bucket i is [edges[i], edges[i+1])',
  }),
  totals: Type.Array(Withheld(Type.Integer()), { description: 'Messages per bucket in the whole region' }),
  cells: Type.Object(
    {
      h3: Type.Array(Type.String()),
      offsets: Type.Array(Type.Integer()),
      buckets: Type.Array(Type.Integer()),
      counts: Type.Array(Type.Integer(), { description: 'Published values only: each k or more' }),
    },
    { description: 'Per-cell counts per bucket (compressed sparse rows); a missing value is 0 or withheld' },
  ),
});
export type PublicTimeline = Static<typeof PublicTimelineSchema>;

const PublicMetricsSchema = Type.Object({
  count: Withheld(Type.Integer()),
  open: Withheld(Type.Integer()),
  medianAnswerMinutes: Withheld(Type.Number()),
});

export const PublicDistrictsSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  ...WindowSchema,
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: Type.Object({
        type: Type.Literal('MultiPolygon'),
        coordinates: Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
      }),
      properties: Type.Composite([
        Type.Object({ id: Type.Integer(), name: Type.String() }),
        PublicMetricsSchema,
      ]),
    }),
  ),
  withheld: WithheldSchema,
});
export type PublicDistricts = Static<typeof PublicDistrictsSchema>;

export const PublicPeriodSchema = Type.Object({
  ...WindowSchema,
  count: Withheld(Type.Integer()),
  open: Withheld(Type.Integer()),
  answered: Withheld(Type.Integer()),
  resolved: Withheld(Type.Integer()),
  answeredShare: Withheld(Type.Number()),
  answeredInTimeShare: Withheld(Type.Number()),
  medianAnswerMinutes: Withheld(Type.Number()),
  medianResolveMinutes: Withheld(Type.Number()),
});
export type PublicPeriod = Static<typeof PublicPeriodSchema>;

export const PublicSummarySchema = Type.Composite([
  PublicPeriodSchema,
  Type.Object({
    previous: Nullable(PublicPeriodSchema),
    change: Nullable(
      Type.Object({
        count: Nullable(Type.Number()),
        open: Nullable(Type.Number()),
        medianAnswerMinutes: Nullable(Type.Number()),
      }),
    ),
    topCategories: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), count: Type.Integer() }),
    ),
    topCells: Type.Array(Type.Object({ h3: Type.String(), count: Type.Integer() })),
    res: Type.Integer(),
    answerLimitMinutes: Type.Integer(),
  }),
]);
export type PublicSummary = Static<typeof PublicSummarySchema>;

const PublicNamedCountSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  count: Withheld(Type.Integer()),
});

export const PublicMetaSchema = Type.Object({
  timezone: Type.String(),
  categories: Type.Array(PublicNamedCountSchema),
  sources: Type.Array(PublicNamedCountSchema),
  statuses: Type.Array(Type.Object({ id: StringEnum(MESSAGE_STATUSES), count: Withheld(Type.Integer()) })),
  districts: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
      count: Withheld(Type.Integer()),
    }),
  ),
  extent: Type.Object({
    from: Nullable(Type.String({ format: 'date', description: 'Local day of the earliest message' })),
    to: Nullable(Type.String({ format: 'date', description: 'Local day of the latest message (inclusive)' })),
    bbox: Nullable(
      Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'Rounded outwards to 0.01°' }),
    ),
  }),
  resolutions: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  total: Withheld(Type.Integer()),
  dataVersion: Type.String(),
  privacy: PrivacySchema,
  liveDemo: Type.Optional(
    Type.Boolean({
      description: "true: a demo server replaying last year's messages as live ones (source demo-live)",
    }),
  ),
});
export type PublicMeta = Static<typeof PublicMetaSchema>;

export const PublicMessageSchema = Type.Object({
  category: Nullable(Type.String()),
  month: Type.String({
    pattern: '^\\d{4}-\\d{2}$',
    description: 'Local month of creation, YYYY-MM (the public bucket: never the day or the time)',
  }),
  status: StringEnum(MESSAGE_STATUSES),
  text: Type.Optional(
    Type.String({ description: 'Scrubbed of personal data; only where HEATMAP_PUBLIC_TEXT=on' }),
  ),
});

export const PublicMessagePageSchema = Type.Object({
  messages: Type.Array(PublicMessageSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last' })),
  place: CellPlaceSchema,
});
export type PublicMessagePage = Static<typeof PublicMessagePageSchema>;
