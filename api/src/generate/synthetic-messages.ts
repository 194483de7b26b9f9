import { localDate } from '@heatmap/geo';
import type { MessageInput } from '../ingest/message-input';
import { wallClockToUtc } from '../ingest/parse-timestamp';
import type { DistrictInput } from '../repositories/districts-repository';
import { DistrictSampler } from './district-sampler';
import { cumulative, SeededRandom } from './seeded-random';
import { CATEGORIES, HOURLY, SOURCES, WEEKLY } from './synthetic-profile';

export interface GenerateOptions {
  count: number;
  seed: number;
  districts: DistrictInput[];
  from: Date;
  to: Date;
  timezone: string;
  /** Share of messages drawn around the generator's own hotspots (default 0.65); 0 spreads all by area. */
  hotspotShare?: number;
}

interface Hotspot {
  lat: number;
  lon: number;
  /** Spread in metres (one standard deviation). */
  sigma: number;
  /** Index of the category most of its messages are about. */
  category: number;
}

const DAY_MS = 86_400_000;
/** Share of messages that come from a hotspot; the rest are spread over the districts. */
const HOTSPOT_SHARE = 0.65;
const METRES_PER_DEGREE = 111_320;
const NEVER_ANSWERED = 0.02;
const SOURCE_WEIGHTS = cumulative(SOURCES.map((s) => s.weight));

/**
 * Deterministic synthetic messages: the same options give the same messages. Hotspots of very
 * different sizes (Pareto weights) inside the districts, each with a dominant category;
 * categories follow their season; times follow the daily and weekly rhythm in the region's zone;
 * first answers are log-normal (median two to seven hours by source), so recent messages are open.
 */
export function* generateMessages(options: GenerateOptions): Generator<MessageInput> {
  const { count, seed, timezone } = options;
  const random = new SeededRandom(seed);
  const sampler = new DistrictSampler(options.districts);
  const fromMs = options.from.getTime();
  const toMs = options.to.getTime();
  if (!(toMs > fromMs)) throw new Error('--to must be after --from');

  const days = localDays(fromMs, toMs, timezone);
  const dayWeights = CATEGORIES.map((c) =>
    cumulative(days.map((d) => (c.season[d.month] ?? 1) * (WEEKLY[d.weekday] ?? 1))),
  );
  const categoryWeights = cumulative(
    CATEGORIES.map((c, i) => c.weight * ((dayWeights[i]?.at(-1) ?? 0) / Math.max(days.length, 1))),
  );
  const hourWeights = cumulative([...HOURLY]);

  const hotspotCount = Math.max(12, Math.round(Math.sqrt(count) / 2));
  const hotspots: Hotspot[] = [];
  for (let i = 0; i < hotspotCount; i++) {
    const p = sampler.point(random);
    hotspots.push({
      lat: p.lat,
      lon: p.lon,
      sigma: 40 * 20 ** random.next(),
      category: random.pick(categoryWeights),
    });
  }
  // Pareto sizes: a few hotspots carry much of the load, most are small.
  const hotspotWeights = cumulative(hotspots.map(() => (1 - random.next()) ** (-1 / 1.1)));

  for (let i = 0; i < count; i++) {
    let lat: number;
    let lon: number;
    let categoryIndex: number;
    if (random.next() < (options.hotspotShare ?? HOTSPOT_SHARE)) {
      const h = hotspots[random.pick(hotspotWeights)] as Hotspot;
      lat = h.lat + (random.normal() * h.sigma) / METRES_PER_DEGREE;
      lon = h.lon + (random.normal() * h.sigma) / (METRES_PER_DEGREE * Math.cos((h.lat * Math.PI) / 180));
      categoryIndex = random.next() < 0.7 ? h.category : random.pick(categoryWeights);
    } else {
      ({ lat, lon } = sampler.point(random));
      categoryIndex = random.pick(categoryWeights);
    }
    const day = days[random.pick(dayWeights[categoryIndex] ?? [])] ?? days[0];
    if (!day) throw new Error('empty time range');
    const wall = day.wallMs + random.pick(hourWeights) * 3_600_000 + random.int(3_600_000);
    const created = Math.min(Math.max(wallClockToUtc(wall, timezone), fromMs), toMs - 1);
    yield syntheticMessage(random, {
      externalId: `gen-${seed}-${i}`,
      number: i + 1,
      categoryIndex,
      created,
      now: toMs,
      lat,
      lon,
    });
  }
}

export interface MessagePlace {
  externalId: string;
  /** The number in the message text. */
  number: number;
  categoryIndex: number;
  created: number;
  /** The end of the generated range: answers after it have not happened yet. */
  now: number;
  lat: number;
  lon: number;
}

/** A message at a given place and time: source, lifecycle, wording and author drawn from `random`. */
export function syntheticMessage(random: SeededRandom, place: MessagePlace): MessageInput {
  const category = CATEGORIES[place.categoryIndex] ?? CATEGORIES[0];
  if (!category) throw new Error('no categories');
  const source = SOURCES[random.pick(SOURCE_WEIGHTS)] ?? SOURCES[0];
  const lifecycle = statusOf(random, place.created, place.now, source.answerMedianMinutes);
  const phrase = category.phrases[random.int(category.phrases.length)] ?? category.name;
  return {
    source: source.name,
    externalId: place.externalId,
    category: category.name,
    title: phrase,
    text: `${phrase}. Обращение №${place.number}.`,
    author: `Житель ${1 + random.int(50_000)}`,
    authorUrl: null,
    address: null,
    executor: category.executor,
    url: null,
    ...lifecycle,
    createdAt: new Date(place.created),
    lat: Math.round(place.lat * 1e6) / 1e6,
    lon: Math.round(place.lon * 1e6) / 1e6,
  };
}

function statusOf(random: SeededRandom, created: number, now: number, answerMedian: number) {
  const answered = created + random.logNormal(answerMedian, 1.1) * 60_000;
  // A few messages are lost in the system and never answered: the open count is never just "recent".
  if (answered > now || random.next() < NEVER_ANSWERED) {
    const inProgress = random.next() < 0.35;
    return {
      status: inProgress ? 'in_progress' : 'new',
      statusRaw: null,
      answeredAt: null,
      resolvedAt: null,
    } as const;
  }
  const outcome = random.next();
  const resolved = answered + random.logNormal(2 * 1440, 1.0) * 60_000;
  if (outcome < 0.62 && resolved <= now) {
    return {
      status: 'resolved',
      statusRaw: null,
      answeredAt: new Date(answered),
      resolvedAt: new Date(resolved),
    } as const;
  }
  if (outcome > 0.93) {
    return {
      status: 'closed_unresolved',
      statusRaw: null,
      answeredAt: new Date(answered),
      resolvedAt: null,
    } as const;
  }
  return { status: 'answered', statusRaw: null, answeredAt: new Date(answered), resolvedAt: null } as const;
}

interface LocalDay {
  /** Local midnight as wall-clock ms (fields as if UTC). */
  wallMs: number;
  month: number;
  weekday: number;
}

/** The local calendar days the range touches. */
function localDays(fromMs: number, toMs: number, timezone: string): LocalDay[] {
  const first = Date.parse(`${localDate(new Date(fromMs), timezone)}T00:00:00Z`);
  const last = Date.parse(`${localDate(new Date(toMs - 1), timezone)}T00:00:00Z`);
  const days: LocalDay[] = [];
  for (let wallMs = first; wallMs <= last; wallMs += DAY_MS) {
    const d = new Date(wallMs);
    days.push({ wallMs, month: d.getUTCMonth(), weekday: d.getUTCDay() });
  }
  return days;
}
