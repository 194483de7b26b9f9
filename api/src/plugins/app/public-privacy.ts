import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { KnownAuthorsCache } from '../../public/known-authors-cache';
import { publicDistricts, publicHexagons, publicTimeline } from '../../public/public-aggregates';
import { PublicCursor } from '../../public/public-cursor';
import { publicCellMessages } from '../../public/public-drilldown';
import {
  type PublicRules,
  publicBucket,
  publicFilter,
  publicResolution,
  publicRules,
} from '../../public/public-rules';
import { publicMeta, publicSummary } from '../../public/public-summary';
import type {
  PublicDistricts,
  PublicHexagons,
  PublicMessagePage,
  PublicMeta,
  PublicSummary,
  PublicTimeline,
  QueryPublicCellMessagesSchema,
  QueryPublicDistrictsSchema,
  QueryPublicHexagons,
  QueryPublicSummarySchema,
  QueryPublicTimeline,
} from '../../schemas/public';

declare module 'fastify' {
  interface FastifyInstance {
    /** The privacy guard: every public route answers through it, so the rules apply in one place. */
    publicMap: PublicMap;
  }
}

export interface PublicMap {
  rules: PublicRules;
  hexagons(query: QueryPublicHexagons): Promise<PublicHexagons>;
  timeline(query: QueryPublicTimeline): Promise<PublicTimeline>;
  districts(query: Static<typeof QueryPublicDistrictsSchema>): Promise<PublicDistricts>;
  summary(query: Static<typeof QueryPublicSummarySchema>): Promise<PublicSummary>;
  meta(): Promise<PublicMeta>;
  cellMessages(h3: string, query: Static<typeof QueryPublicCellMessagesSchema>): Promise<PublicMessagePage>;
}

/**
 * The public map's answers: the staff queries (never narrowed by a session: the public view is one view),
 * then the rules of geo/src/privacy applied by api/src/public/. Routes only validate and cache.
 */
export const publicPrivacyPlugin = fp(
  async (app: FastifyInstance) => {
    const rules = publicRules({ timezone: app.config.timezone, includeText: app.config.publicText });
    const queries = app.heatmapQueries;
    const cursors = new PublicCursor();
    const authorNames = new KnownAuthorsCache();
    app.decorate('publicMap', {
      rules,
      hexagons: (query) =>
        publicHexagons(queries, rules, publicFilter(query, rules), publicResolution(query, rules), {
          medians: query.medians ?? false,
        }),
      timeline: (query) =>
        publicTimeline(
          queries,
          rules,
          publicFilter(query, rules),
          publicResolution(query, rules),
          publicBucket(query.bucket),
        ),
      districts: (query) =>
        publicDistricts(queries, rules, publicFilter(query, rules), { medians: query.medians ?? false }),
      summary: (query) =>
        publicSummary(queries, rules, publicFilter(query, rules), {
          res: publicResolution(query, rules),
          top: query.top ?? 5,
        }),
      meta: () => publicMeta(queries, rules),
      cellMessages: (h3, query) =>
        publicCellMessages(app.db.sql, queries, rules, cursors, authorNames, publicFilter(query, rules), {
          h3,
          limit: query.limit ?? 50,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
    } satisfies PublicMap);
  },
  { name: 'public-privacy', dependencies: ['heatmap-queries'] },
);
