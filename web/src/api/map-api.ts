import {
  type CellMessagesQuery,
  type Districts,
  type Filters,
  fetchCellMessages,
  fetchDistricts,
  fetchHexagons,
  fetchMeta,
  fetchSummary,
  fetchTimeline,
  type Hexagons,
  type HexagonsQuery,
  type MessagePage,
  type Meta,
  type Summary,
  type SummaryQuery,
  type Timeline,
  type TimelineQuery,
} from './client';

export type Audience = 'staff' | 'public';

/**
 * Everything the map screen reads, for one audience. The screen and its components take the staff
 * queries; a public implementation narrows them to what the public API accepts (resolution cap, week or
 * month buckets, no text search) and answers with the public shapes, where withheld numbers are null.
 */
export interface MapApi {
  audience: Audience;
  /** The finest H3 resolution this API serves (the public cap), or null for no cap. */
  maxResolution: number | null;
  /** The closest map zoom worth allowing with that cap, or undefined for the map's own limit. */
  maxZoom?: number;
  /** Whether the drill-down can search message text. */
  textSearch: boolean;
  meta(signal?: AbortSignal): Promise<Meta>;
  districts(query: Filters, signal?: AbortSignal): Promise<Districts>;
  hexagons(query: HexagonsQuery, signal?: AbortSignal): Promise<Hexagons>;
  timeline(query: TimelineQuery, signal?: AbortSignal): Promise<Timeline>;
  summary(query: SummaryQuery, signal?: AbortSignal): Promise<Summary>;
  cellMessages(cell: string, query: CellMessagesQuery, signal?: AbortSignal): Promise<MessagePage>;
}

export const staffMapApi: MapApi = {
  audience: 'staff',
  maxResolution: null,
  textSearch: true,
  meta: fetchMeta,
  districts: fetchDistricts,
  hexagons: fetchHexagons,
  timeline: fetchTimeline,
  summary: fetchSummary,
  cellMessages: fetchCellMessages,
};
