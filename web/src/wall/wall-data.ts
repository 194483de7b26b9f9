import { ApiError } from '../api/http';
import type { SummaryQuery } from '../api/types';
import type {
  WallDistricts as Districts,
  WallHexagons as Hexagons,
  LooseSummary,
  WallMeta as Meta,
  WallTimeline as Timeline,
} from './wall-api-types';
import type { Fetched, WallClient } from './wall-client';
import type { WallConfig } from './wall-config';
import { type WallNewsItem, wallNewsItems } from './wall-news';
import { type WallWindows, wallWindows } from './wall-windows';

/** Everything the wall draws, from one consistent data version. */
export interface WallData {
  /** Changes when the data, the day or the API (staff or public) changes. */
  key: string;
  meta: Meta;
  windows: WallWindows;
  /** Null on the public API (whole months only: no day to show). */
  today: LooseSummary | null;
  recent: LooseSummary;
  all: LooseSummary;
  /** Cells of the recent window at the resolution of recent.topCells. */
  hexagons: Hexagons;
  districts: Districts;
  /** Hourly counts over the last 7 days; null where the API serves none (the public API). */
  timeline: Timeline | null;
  /** New and intensifying hotspots and today's spikes; null on the public API or with `alerts=0`. */
  news: WallNews | null;
}

export interface WallNews {
  items: WallNewsItem[];
  /** The weekly steps the emerging classes were computed over, the last ending with today. */
  weeks: number;
}

/** Weekly steps for the emerging classes: the API's default, about a quarter. */
const NEWS_WEEKS = 12;
/** Lines of each kind (new, intensifying, spike): nine at most, large enough to read across the room. */
const NEWS_PER_KIND = 3;

/**
 * One poll: /meta with If-None-Match (a 304 when nothing was written), and only when the data version
 * or the local day moved on, the rest (each again conditional). Returns the previous data untouched
 * when nothing changed, so React sees the same object and redraws nothing.
 */
export async function pollWallData(
  client: WallClient,
  config: WallConfig,
  previous: WallData | null,
  nowMs: number,
  signal: AbortSignal,
): Promise<WallData> {
  const { body: meta } = await client.get('/meta', {}, signal);
  const windows = wallWindows(nowMs, meta.timezone, config.windowDays, config.at);
  const key = `${client.access}|${meta.dataVersion}|${windows.today.from}`;
  if (previous?.key === key) return previous;

  // The public API takes one district or none, and whole months only (docs/privacy.md): there a wall for
  // several districts reads the headline and hotspots of the first, the district steps from the table of
  // all districts, and shows no figure for today (it would be the month's).
  const isPublic = client.access === 'public';
  const named = config.districts.length > 0 ? config.districts.join(',') : undefined;
  const district = isPublic ? config.districts[0] : named;
  const tableDistrict = isPublic && config.districts.length > 1 ? undefined : district;
  const summary = (query: SummaryQuery): Promise<LooseSummary> =>
    client.get('/summary', { query: { district, ...query } }, signal).then((fetched) => fetched.body);
  const [today, recent, all, districts] = await Promise.all([
    isPublic ? null : summary({ ...windows.today, top: 1 }),
    summary({ ...windows.recent, top: Math.max(1, config.hotspots) }),
    summary({ top: 1 }),
    body(
      client.get(
        '/districts',
        { query: { district: tableDistrict, ...windows.recent, medians: true } },
        signal,
      ),
    ),
  ]);
  const res = recent.res ?? undefined;
  const staffNews = !isPublic && config.news;
  const [hexagons, timeline, alerts, emerging] = await Promise.all([
    body(client.get('/hexagons', { query: { district, ...windows.recent, res, medians: true } }, signal)),
    // The public API refuses hourly buckets: then the wall simply has no playback.
    body(
      client.get('/timeline', { query: { district, ...windows.playback, res, bucket: 'hour' } }, signal),
    ).catch((error) => {
      if (error instanceof ApiError && error.status === 400) return null;
      throw error;
    }),
    // Staff only, and only now that the data or the day changed, like everything above.
    staffNews
      ? client.getStaff(
          '/alerts',
          { query: { day: windows.today.from, res: Math.min(8, Math.max(7, res ?? 8)), district } },
          signal,
        )
      : null,
    staffNews
      ? client.getStaff(
          '/hotspots/emerging',
          { query: { res, step: 'week', steps: NEWS_WEEKS, to: windows.today.to, district } },
          signal,
        )
      : null,
  ]);
  // A 401 on either (the session ended) leaves the client on the public API: no news then.
  const news =
    alerts && emerging
      ? {
          items: wallNewsItems({
            emerging: emerging.body.cells,
            alerts: alerts.body,
            perKind: NEWS_PER_KIND,
          }),
          weeks: NEWS_WEEKS,
        }
      : null;
  return { key, meta, windows, today, recent, all, hexagons, districts, timeline, news };
}

function body<T>(fetched: Promise<Fetched<T>>): Promise<T> {
  return fetched.then((answer) => answer.body);
}
