import { generateMessages, type MessageInput } from '@heatmap/api';
import { BENCH_FROM, BENCH_TIMEZONE, BENCH_TO } from '../api/bench-dataset';
import type { Country } from './country-districts';

/**
 * The api bench's zone and two years, so that its windows (a day and a month of 2025, all time) and its
 * signed-in app apply unchanged; one zone for the whole country, as the app has one region zone.
 */
export const SCALE_TIMEZONE = BENCH_TIMEZONE;
/** Share of messages from the countryside, spread evenly by area; the rest come from the cities. */
export const RURAL_SHARE = 0.05;

/**
 * `count` deterministic messages over a country: 95% from its cities (the generator's hotspots and
 * spread over the urban districts, seed 7), 5% anywhere by area (seed 8, no hotspots), interleaved
 * evenly so that every transaction sees both. External ids of the two streams differ by their seed.
 */
export function* countryMessages(country: Country, count: number): Generator<MessageInput> {
  const rural = Math.round(count * RURAL_SHARE);
  const range = {
    from: new Date(`${BENCH_FROM}T00:00:00+01:00`),
    to: new Date(`${BENCH_TO}T00:00:00+01:00`),
    timezone: SCALE_TIMEZONE,
  };
  const cities = generateMessages({ count: count - rural, seed: 7, districts: country.urban, ...range });
  const countryside = generateMessages({
    count: rural,
    seed: 8,
    districts: country.all,
    hotspotShare: 0,
    ...range,
  });
  for (let i = 0; i < count; i++) {
    const fromCountryside = Math.floor(((i + 1) * rural) / count) > Math.floor((i * rural) / count);
    const next = (fromCountryside ? countryside : cities).next();
    if (!next.done) yield next.value;
  }
}
