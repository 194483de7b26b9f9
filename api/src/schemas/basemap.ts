import { Type } from '@sinclair/typebox';

/** What the map draws under the hexagons; null: the offline district outlines. */
export const BasemapSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('pmtiles'),
    /** The archive on this server, read by byte ranges. */
    url: Type.String(),
    /** The language of street and place labels. */
    lang: Type.String(),
    attribution: Type.String(),
  }),
  Type.Object({
    kind: Type.Literal('style'),
    /** An external MapLibre style the deployment opted in to (HEATMAP_BASEMAP_STYLE). */
    url: Type.String(),
  }),
  Type.Null(),
]);
