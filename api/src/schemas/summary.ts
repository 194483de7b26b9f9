import { type Static, Type } from '@sinclair/typebox';
import {
  FiltersSchema,
  MetricsSchema,
  Nullable,
  PARAMETER_HINTS,
  ResolutionSchema,
  WindowSchema,
  ZoomSchema,
} from './common';

export const QuerySummarySchema = Type.Composite([
  FiltersSchema,
  Type.Object({
    res: Type.Optional(ResolutionSchema),
    zoom: Type.Optional(ZoomSchema),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, default: 5, description: PARAMETER_HINTS.top }),
    ),
  }),
]);
export type QuerySummary = Static<typeof QuerySummarySchema>;

export const PeriodSchema = Type.Composite([
  Type.Object(WindowSchema),
  MetricsSchema,
  Type.Object({
    answeredShare: Nullable(Type.Number({ description: 'answered / count' })),
    answeredInTimeShare: Nullable(
      Type.Number({
        description:
          'Answered within answerLimitMinutes, out of the messages due now (answered, or unanswered past the limit)',
      }),
    ),
  }),
]);

export const SummarySchema = Type.Composite([
  PeriodSchema,
  Type.Object({
    previous: Nullable(PeriodSchema),
    change: Nullable(
      Type.Object(
        {
          count: Nullable(Type.Number()),
          open: Nullable(Type.Number()),
          medianAnswerMinutes: Nullable(Type.Number()),
        },
        { description: 'Relative change versus the previous period: (current - previous) / previous' },
      ),
    ),
    topCategories: Type.Array(
      Type.Object({ id: Type.Integer(), name: Type.String(), count: Type.Integer() }),
    ),
    topCells: Type.Array(Type.Object({ h3: Type.String(), count: Type.Integer() })),
    res: Type.Integer({ description: 'Resolution of topCells' }),
    answerLimitMinutes: Type.Integer({ description: 'The answer-in-time limit (one working day: 1,440)' }),
  }),
]);
export type Summary = Static<typeof SummarySchema>;
