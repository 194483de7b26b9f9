import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BasemapSchema } from '../../../../../schemas/basemap';
import { ErrorResponses } from '../../../../../schemas/common';
import { BASEMAP_PATH } from '../../../../basemap/index';

export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors (ODbL)</a>, <a href="https://protomaps.com">Protomaps</a>';

/**
 * Where the street basemap is: registered for each audience (/api/v1/basemap for staff,
 * /api/v1/public/basemap for anyone), as every read is, so a page reads its own API only.
 */
export const basemapInfoRoutes: FastifyPluginAsyncTypebox<{ access: 'public' | 'staff' }> = async (
  app,
  options,
) => {
  app.get(
    '/',
    {
      config: { access: options.access },
      schema: {
        summary:
          'The street basemap under the hexagons: a PMTiles archive on this server, an external style, or none',
        tags: ['meta'],
        response: { 200: BasemapSchema, ...ErrorResponses },
      },
    },
    async () => {
      const { file, lang, styleUrl } = app.config.basemap;
      if (file)
        return { kind: 'pmtiles' as const, url: BASEMAP_PATH, lang, attribution: BASEMAP_ATTRIBUTION };
      if (styleUrl) return { kind: 'style' as const, url: styleUrl };
      return null;
    },
  );
};
