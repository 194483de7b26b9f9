import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BasemapSchema } from '../../../../schemas/basemap';
import { ErrorResponses } from '../../../../schemas/common';
import { BASEMAP_PATH } from '../../../basemap/index';

export const BASEMAP_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors (ODbL)</a>, <a href="https://protomaps.com">Protomaps</a>';

export const basemapInfoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'public' },
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
