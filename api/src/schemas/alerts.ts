import { type Static, Type } from '@sinclair/typebox';
import { FiltersSchema, Nullable } from './common';
import { DaySchema } from './hotspots';

export const QueryAlertsSchema = Type.Object({
  day: Type.Optional(
    Type.String({
      ...DaySchema,
      description: "the local day to test (YYYY-MM-DD); default: the newest message's day",
    }),
  ),
  res: Type.Optional(
    Type.Integer({ minimum: 7, maximum: 8, default: 8, description: 'H3 resolution 7 or 8; default 8' }),
  ),
  district: FiltersSchema.properties.district,
});
export type QueryAlerts = Static<typeof QueryAlertsSchema>;

export const AlertSchema = Type.Object({
  h3: Type.String({ description: 'H3 cell index (hex string)' }),
  categoryId: Type.Integer(),
  category: Type.String({ description: 'Category name' }),
  observed: Type.Integer({ description: 'Messages in the cell and category on the day' }),
  expected: Type.Number({ description: 'Mean of the same weekday over the previous 8 weeks, at least 0.5' }),
  p: Type.Number({
    description: 'P(X ≥ observed): Poisson, or negative binomial when the 8 weeks are overdispersed',
  }),
  series: Type.Array(Type.Integer(), {
    description: 'Messages per day in the cell and category, 14 days, the day last',
  }),
  district: Nullable(Type.String({ description: "The most frequent district among the cell's messages" })),
  place: Nullable(
    Type.String({
      description:
        "District and the most frequent street of the cell's messages over all time (house numbers stripped, spelling variants merged)",
    }),
  ),
});
export type Alert = Static<typeof AlertSchema>;

export const AlertsSchema = Type.Array(AlertSchema, {
  description:
    "The day's alerts, smallest p first: Benjamini–Hochberg at q = 0.01 over the day's tests and observed ≥ 5 (docs/hotspots.md §3)",
});
