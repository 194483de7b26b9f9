import { STAFF_BASEMAP_PATH } from '../map/use-basemap';
import { type UrlState, WINDOW_LENGTHS, type WindowLength } from '../url-state/url-state';
import { api, exportMessagesCsvUrl } from './client';
import { bodyOf } from './http';
import type {
  Alerts,
  AlertsQuery,
  CellMessagesQuery,
  Districts,
  Emerging,
  EmergingQuery,
  ExportQuery,
  Filters,
  Hexagons,
  HexagonsQuery,
  HotspotMap,
  HotspotsQuery,
  MessagePage,
  Meta,
  PlaceSuggestions,
  Summary,
  SummaryQuery,
  Timeline,
  TimelineQuery,
} from './types';

/**
 * Everything the map screen reads, for one audience. The screen and its components take the staff
 * queries; a public implementation narrows them to what the public API accepts (resolution cap, month
 * buckets, one value per filter, no text search, no export) and answers with the public shapes, where withheld numbers are null.
 */
export interface MapApi {
  /** The finest H3 resolution this API serves (the public cap), or null for no cap. */
  maxResolution: number | null;
  /** The closest map zoom worth allowing with that cap, or undefined for the map's own limit. */
  maxZoom?: number;
  /** Whether the drill-down can search message text. */
  textSearch: boolean;
  /** The window lengths its timeline serves, shortest first. */
  windowLengths: readonly WindowLength[];
  /** Where the messages behind a view download as CSV; absent where the audience gets no export. */
  exportUrl?(query: ExportQuery): string;
  /** The link's state narrowed to what this API serves (identity for staff). */
  servedUrl(url: UrlState): UrlState;
  /** Whether each filter takes one value only (the public API: lists would allow complements). */
  oneValuePerFilter: boolean;
  /** The drill-down lists only groups of at least this many messages (public), so it says so. */
  groupMinimum?: number;
  /** Where this audience reads the street basemap's whereabouts; absent: the offline outline map. */
  basemapPath?: string;
  meta(signal?: AbortSignal): Promise<Meta>;
  districts(query: Filters, signal?: AbortSignal): Promise<Districts>;
  hexagons(query: HexagonsQuery, signal?: AbortSignal): Promise<Hexagons>;
  timeline(query: TimelineQuery, signal?: AbortSignal): Promise<Timeline>;
  summary(query: SummaryQuery, signal?: AbortSignal): Promise<Summary>;
  cellMessages(cell: string, query: CellMessagesQuery, signal?: AbortSignal): Promise<MessagePage>;
  /** The day's spikes (staff only: the public API has none, and the public map shows no spikes panel). */
  alerts?(query: AlertsQuery, signal?: AbortSignal): Promise<Alerts>;
  /** Gi* bins of the whole region (no bbox: docs/hotspots.md); staff also get counts, z and `places` names. */
  hotspots(query: HotspotsQuery, signal?: AbortSignal): Promise<HotspotMap>;
  /** Districts and streets matching typed text, with bounds to fly to (the map's search box). */
  searchPlaces(query: string, signal?: AbortSignal): Promise<PlaceSuggestions>;
  /** Emerging hot spot classes; absent where the audience has no such route (public). */
  emerging?(query: EmergingQuery, signal?: AbortSignal): Promise<Emerging>;
}

export const staffMapApi: MapApi = {
  maxResolution: null,
  textSearch: true,
  windowLengths: WINDOW_LENGTHS,
  exportUrl: exportMessagesCsvUrl,
  servedUrl: (url) => url,
  oneValuePerFilter: false,
  basemapPath: STAFF_BASEMAP_PATH,
  meta: (signal) => bodyOf(api.GET('/api/v1/meta', { signal })),
  districts: (query, signal) => bodyOf(api.GET('/api/v1/districts', { params: { query }, signal })),
  hexagons: (query, signal) => bodyOf(api.GET('/api/v1/hexagons', { params: { query }, signal })),
  timeline: (query, signal) => bodyOf(api.GET('/api/v1/timeline', { params: { query }, signal })),
  summary: (query, signal) => bodyOf(api.GET('/api/v1/summary', { params: { query }, signal })),
  cellMessages: (h3, query, signal) =>
    bodyOf(api.GET('/api/v1/cells/{h3}/messages', { params: { path: { h3 }, query }, signal })),
  alerts: (query, signal) => bodyOf(api.GET('/api/v1/alerts', { params: { query }, signal })),
  hotspots: (query, signal) => bodyOf(api.GET('/api/v1/hotspots', { params: { query }, signal })),
  searchPlaces: (q, signal) => bodyOf(api.GET('/api/v1/places', { params: { query: { q } }, signal })),
  emerging: (query, signal) => bodyOf(api.GET('/api/v1/hotspots/emerging', { params: { query }, signal })),
};
