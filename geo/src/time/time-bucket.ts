/** The time slots counts are grouped by; weeks are ISO weeks (Monday to Sunday). */
export const TIME_BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];
