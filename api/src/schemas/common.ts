import { MAX_BBOX_CELLS, MESSAGE_STATUSES } from '@heatmap/geo';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** A string enum as plain JSON Schema `enum` (TypeBox unions become anyOf, which reads badly in docs). */
export function StringEnum<T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$';
// No control characters: PostgreSQL text cannot hold NUL, and no name needs them.
const ID_OR_NAME_LIST = '^[^,\\u0000-\\u001f]{1,200}(,[^,\\u0000-\\u001f]{1,200}){0,199}$';
export const NO_CONTROL_CHARACTERS = '^[^\\u0000-\\u001f]*$';
const STATUS_LIST = `^(${MESSAGE_STATUSES.join('|')})(,(${MESSAGE_STATUSES.join('|')}))*$`;
const NUMBER = '-?\\d+(\\.\\d+)?';

/**
 * What each parameter allows, in words: validation errors quote it, so a 400 names the
 * parameter and what it accepts instead of an Ajv schema path.
 */
export const PARAMETER_HINTS: Record<string, string> = {
  from: 'an ISO 8601 date (2024-05-01, local midnight in the region time zone) or date-time (2024-05-01T10:00:00+02:00)',
  to: 'an ISO 8601 date (2024-05-01, local midnight in the region time zone) or date-time (2024-05-01T10:00:00+02:00)',
  category: 'a comma-separated list of category ids or names',
  source: 'a comma-separated list of source ids or names',
  district: 'a comma-separated list of district ids or names',
  status: `a comma-separated list of statuses: ${MESSAGE_STATUSES.join(', ')}`,
  bbox: 'west,south,east,north in degrees (longitude -180..180, latitude -90..90, south <= north)',
  res: 'an integer H3 resolution from 5 to 10',
  bucket: 'one of hour, day, week, month',
  limit: 'an integer from 1 to 500',
  cursor: 'the nextCursor value of a previous page',
  q: 'a search text of 1 to 200 characters',
  h3: 'an H3 cell index (15 hex digits) of resolution 5 to 10',
  id: 'a message id (a positive integer)',
  top: 'an integer from 1 to 50',
  zoom: 'a web-map zoom from 0 to 24',
};

export const FiltersSchema = Type.Object({
  from: Type.Optional(Type.String({ pattern: INSTANT_PATTERN, description: PARAMETER_HINTS.from })),
  to: Type.Optional(
    Type.String({ pattern: INSTANT_PATTERN, description: `${PARAMETER_HINTS.to}; exclusive` }),
  ),
  category: Type.Optional(Type.String({ pattern: ID_OR_NAME_LIST, description: PARAMETER_HINTS.category })),
  source: Type.Optional(Type.String({ pattern: ID_OR_NAME_LIST, description: PARAMETER_HINTS.source })),
  status: Type.Optional(Type.String({ pattern: STATUS_LIST, description: PARAMETER_HINTS.status })),
  district: Type.Optional(Type.String({ pattern: ID_OR_NAME_LIST, description: PARAMETER_HINTS.district })),
  bbox: Type.Optional(
    Type.String({
      pattern: `^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`,
      description: `${PARAMETER_HINTS.bbox}; west > east crosses the antimeridian. Aggregates per cell (/hexagons, /timeline) keep the cells whose hexagon overlaps it, with all their messages (a cell cut by the viewport edge keeps its full count; beyond ${MAX_BBOX_CELLS} cells, the messages whose point lies inside); everything else keeps the messages whose point lies inside.`,
    }),
  ),
});
export type Filters = Static<typeof FiltersSchema>;

export const ResolutionSchema = Type.Integer({
  minimum: 5,
  maximum: 10,
  description: `${PARAMETER_HINTS.res}; default: resolutionForZoom(zoom)`,
});

/** A web-map zoom: the default `res` is resolutionForZoom(zoom), the function the web app uses. */
export const ZoomSchema = Type.Number({
  minimum: 0,
  maximum: 24,
  default: 11,
  description: 'a web-map zoom from 0 to 24; picks res when res is absent',
});

/** Medians from the histograms of the pre-aggregates (within 2 %), or exactly from the messages: only on request. */
export const MediansSchema = Type.Boolean({
  default: false,
  description:
    'true: also compute medianAnswerMinutes/medianResolveMinutes. Without a category, source or status filter ' +
    'they come from log-bucket histograms kept in the pre-aggregates: within 2 % of the exact median ' +
    '(|estimate - exact| <= 0.02 × exact; medians under about 25 minutes are exact); with one, exactly from ' +
    'every message in the window (slower). Default false: they are null.',
});

/** The exact median, for one cell or one district (the drill-down): reads every message of the window. */
export const ExactMediansSchema = Type.Boolean({
  default: false,
  description:
    'true (with medians=true): exact medians from the messages instead of the histograms (within 2 %); ' +
    'allowed only for one cell (/hexagons with h3) or one district (/districts with one district)',
});

/** The metrics every aggregate (cell, district, summary) carries; defined in api/src/queries/metrics-sql.ts. */
export const MetricsSchema = Type.Object({
  count: Type.Integer({ description: 'Messages created in the window' }),
  open: Type.Integer({ description: 'Messages with no first answer yet (count - answered)' }),
  answered: Type.Integer({ description: 'Messages with a first-answer time' }),
  resolved: Type.Integer({ description: 'Messages with a resolution time' }),
  medianAnswerMinutes: Nullable(
    Type.Number({
      description:
        'Median of whole minutes (rounded down) from creation to first answer, exact (percentile_cont 0.5)',
    }),
  ),
  medianResolveMinutes: Nullable(
    Type.Number({
      description:
        'Median of whole minutes (rounded down) from creation to resolution, exact (percentile_cont 0.5)',
    }),
  ),
});
export type Metrics = Static<typeof MetricsSchema>;

export const ErrorSchema = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
  },
  { description: 'Error: the message names the parameter and what it allows; never a stack trace or SQL' },
);
export type ErrorBody = Static<typeof ErrorSchema>;

/** Time window as resolved by the server: ISO instants, null when unbounded. */
export const WindowSchema = {
  from: Nullable(Type.String({ format: 'date-time' })),
  to: Nullable(Type.String({ format: 'date-time' })),
};

export const ErrorResponses = {
  400: ErrorSchema,
  404: ErrorSchema,
  500: ErrorSchema,
};
