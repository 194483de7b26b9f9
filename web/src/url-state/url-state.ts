/** Everything a link must reproduce: the view, the time window, the filters, the metric and the open cell. */
export const METRICS = ['count', 'open', 'medianAnswer'] as const;
export type Metric = (typeof METRICS)[number];

/** gi: Gi* hot and cold spots; emerging: their trend over recent weeks (docs/hotspots.md). */
export const MAP_MODES = ['hexagons', 'districts', 'gi', 'emerging'] as const;
export type MapMode = (typeof MAP_MODES)[number];

export const WINDOW_LENGTHS = ['day', 'week', 'month'] as const;
export type WindowLength = (typeof WINDOW_LENGTHS)[number];

export interface UrlState {
  lat?: number;
  lon?: number;
  z?: number;
  /** Window start and end as the API takes them: a local date (YYYY-MM-DD) or an ISO datetime. */
  from?: string;
  to?: string;
  cat: string[];
  src: string[];
  status: string[];
  district: string[];
  metric: Metric;
  cell?: string;
  mode: MapMode;
  win: WindowLength;
  cumulative: boolean;
  extrude: boolean;
  lang?: 'ru' | 'en';
}

export const DEFAULT_URL_STATE: UrlState = {
  cat: [],
  src: [],
  status: [],
  district: [],
  metric: 'count',
  mode: 'hexagons',
  win: 'month',
  cumulative: false,
  extrude: false,
};

const H3_CELL = /^[0-9a-f]{15}$/;
const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function finite(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
}

function list(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Reads a query string; anything malformed falls back to the default rather than breaking the page. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {
    ...DEFAULT_URL_STATE,
    cat: list(params.get('cat')),
    src: list(params.get('src')),
    status: list(params.get('status')),
    district: list(params.get('district')),
    metric: oneOf(params.get('metric'), METRICS, DEFAULT_URL_STATE.metric),
    mode: oneOf(params.get('mode'), MAP_MODES, DEFAULT_URL_STATE.mode),
    win: oneOf(params.get('win'), WINDOW_LENGTHS, DEFAULT_URL_STATE.win),
    cumulative: params.get('cum') === '1',
    extrude: params.get('3d') === '1',
  };
  const lat = finite(params.get('lat'), -90, 90);
  const lon = finite(params.get('lon'), -180, 180);
  const z = finite(params.get('z'), 0, 22);
  if (lat !== undefined && lon !== undefined) {
    state.lat = lat;
    state.lon = lon;
  }
  if (z !== undefined) state.z = z;
  const from = params.get('from');
  const to = params.get('to');
  if (from && DATE_OR_DATETIME.test(from)) state.from = from;
  if (to && DATE_OR_DATETIME.test(to)) state.to = to;
  const cell = params.get('cell')?.toLowerCase();
  if (cell && H3_CELL.test(cell)) state.cell = cell;
  const lang = params.get('lang');
  if (lang === 'ru' || lang === 'en') state.lang = lang;
  return state;
}

/** Writes only what differs from the default, in a fixed order, so equal states give equal links. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lat !== undefined && state.lon !== undefined) {
    params.set('lat', state.lat.toFixed(5));
    params.set('lon', state.lon.toFixed(5));
  }
  if (state.z !== undefined) params.set('z', state.z.toFixed(2));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.cat.length) params.set('cat', state.cat.join(','));
  if (state.src.length) params.set('src', state.src.join(','));
  if (state.status.length) params.set('status', state.status.join(','));
  if (state.district.length) params.set('district', state.district.join(','));
  if (state.metric !== DEFAULT_URL_STATE.metric) params.set('metric', state.metric);
  if (state.mode !== DEFAULT_URL_STATE.mode) params.set('mode', state.mode);
  if (state.win !== DEFAULT_URL_STATE.win) params.set('win', state.win);
  if (state.cumulative) params.set('cum', '1');
  if (state.extrude) params.set('3d', '1');
  if (state.cell) params.set('cell', state.cell);
  if (state.lang) params.set('lang', state.lang);
  const query = params.toString().replaceAll('%2C', ',');
  return query ? `?${query}` : '';
}
