import type { paths } from './schema';

/** The 200 JSON body of a route and method, straight from the generated OpenAPI types. */
export type JsonOf<P extends keyof paths, M extends 'get' | 'post' = 'get'> = paths[P] extends {
  [K in M]: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;
/** The query parameters of a GET route. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Query } } }
  ? NonNullable<Query>
  : never;

export type StaffMeta = JsonOf<'/api/v1/meta'>;
export type PublicMeta = JsonOf<'/api/v1/public/meta'>;
/** What the map reads from either audience's API: the public shapes mark withheld numbers as null. */
export type Meta = StaffMeta | PublicMeta;
export type Hexagons = JsonOf<'/api/v1/hexagons'> | JsonOf<'/api/v1/public/hexagons'>;
export type HexagonCell = Hexagons['cells'][number];
export type Timeline = JsonOf<'/api/v1/timeline'> | JsonOf<'/api/v1/public/timeline'>;
export type PlaceSuggestions = JsonOf<'/api/v1/places'>;
export type PlaceSuggestion = PlaceSuggestions['suggestions'][number];
export type StaffMessagePage = JsonOf<'/api/v1/cells/{h3}/messages'>;
export type PublicMessagePage = JsonOf<'/api/v1/public/cells/{h3}/messages'>;
export type MessagePage = StaffMessagePage | PublicMessagePage;
export type StaffMessage = StaffMessagePage['messages'][number];
export type PublicMessage = PublicMessagePage['messages'][number];
/** A staff message (everything the staff API returns); `AnyMessage` also covers the public drill-down's. */
export type Message = StaffMessage;
export type AnyMessage = StaffMessage | PublicMessage;
export type Districts = JsonOf<'/api/v1/districts'> | JsonOf<'/api/v1/public/districts'>;
export type Summary = JsonOf<'/api/v1/summary'> | JsonOf<'/api/v1/public/summary'>;
export type Filters = QueryOf<'/api/v1/districts'>;
export type HexagonsQuery = QueryOf<'/api/v1/hexagons'>;
export type TimelineQuery = QueryOf<'/api/v1/timeline'>;
export type CellMessagesQuery = QueryOf<'/api/v1/cells/{h3}/messages'>;
export type SummaryQuery = QueryOf<'/api/v1/summary'>;
export type ExportQuery = QueryOf<'/api/v1/export/messages.csv'>;
export type Alerts = JsonOf<'/api/v1/alerts'>;
export type Alert = Alerts[number];
export type AlertsQuery = QueryOf<'/api/v1/alerts'>;
export type HotspotsQuery = QueryOf<'/api/v1/hotspots'>;
export type EmergingQuery = QueryOf<'/api/v1/hotspots/emerging'>;
export type Emerging = JsonOf<'/api/v1/hotspots/emerging'>;
export type EmergingCell = Emerging['cells'][number];
/** A Gi* cell as either audience gets it: the public one has the bin only (no count, z, p or place). */
export interface HotspotMapCell {
  h3: string;
  bin: number;
  count?: number;
  z?: number;
  place?: string | null;
}
export interface HotspotMap {
  res: number;
  cells: HotspotMapCell[];
}
