/**
 * What a wall shows, read once from its URL: a control room sets it up by bookmarking a link, and
 * nobody touches it afterwards, so every value has a safe default and junk falls back to it.
 */
export interface WallConfig {
  /** District names (or ids) the wall covers; empty: the whole region. */
  districts: string[];
  /** Seconds each hotspot or district stays on screen. */
  stepSeconds: number;
  /** Seconds the 7-day playback takes. */
  playbackSeconds: number;
  /** Days in the window the hotspots, districts and headline change are computed over. */
  windowDays: number;
  /** Seconds between checks for new data. */
  pollSeconds: number;
  /** Divides every step and playback duration (tests and soak runs); polling is not sped up. */
  speed: number;
  /** How many of the busiest cells the cycle visits. */
  hotspots: number;
  /** How many of the busiest districts the cycle visits when none are named. */
  topDistricts: number;
  /** The step of new and intensifying hotspots and today's spikes (`alerts=0` turns it off; staff API only). */
  news: boolean;
  /** The wall's "today" as a local date (a replay or demo on old data); absent: the real today. */
  at?: string;
  lang?: 'ru' | 'en';
}

export const DEFAULT_WALL_CONFIG: WallConfig = {
  districts: [],
  stepSeconds: 15,
  playbackSeconds: 30,
  windowDays: 7,
  pollSeconds: 30,
  speed: 1,
  hotspots: 5,
  topDistricts: 5,
  news: true,
};

function bounded(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || value.trim() === '') return fallback;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : fallback;
}

function integer(value: string | null, min: number, max: number, fallback: number): number {
  return Math.round(bounded(value, min, max, fallback));
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readWallConfig(search: string): WallConfig {
  const params = new URLSearchParams(search);
  const d = DEFAULT_WALL_CONFIG;
  const at = params.get('at');
  const lang = params.get('lang');
  return {
    districts: (params.get('district') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    stepSeconds: bounded(params.get('step'), 1, 3600, d.stepSeconds),
    playbackSeconds: bounded(params.get('playback'), 1, 3600, d.playbackSeconds),
    windowDays: integer(params.get('window'), 1, 92, d.windowDays),
    pollSeconds: bounded(params.get('poll'), 0.5, 3600, d.pollSeconds),
    speed: bounded(params.get('speed'), 0.1, 10_000, d.speed),
    hotspots: integer(params.get('hotspots'), 0, 20, d.hotspots),
    topDistricts: integer(params.get('districts'), 0, 50, d.topDistricts),
    news: params.get('alerts') !== '0',
    ...(at !== null && LOCAL_DATE.test(at) && !Number.isNaN(Date.parse(at)) ? { at } : {}),
    ...(lang === 'ru' || lang === 'en' ? { lang } : {}),
  };
}
