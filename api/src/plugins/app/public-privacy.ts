import { randomBytes } from 'node:crypto';
import type { PublicMessage, Resolution } from '@heatmap/geo';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CellKeys } from '../../public/cell-keys';
import { KnownAuthorsCache } from '../../public/known-authors-cache';
import {
  publicDistricts,
  publicHexagons,
  publicTimeline,
  publishedCells,
} from '../../public/public-aggregates';
import { PublicCursor } from '../../public/public-cursor';
import type { PublicData } from '../../public/public-data';
import { publicCellMessages, toPublicMessages } from '../../public/public-drilldown';
import {
  type PublicRules,
  publicBucket,
  publicFilter,
  publicResolution,
  publicRules,
} from '../../public/public-rules';
import { publicMeta, publicSummary } from '../../public/public-summary';
import type { MessageFilter } from '../../queries/message-filter';
import type { PlaceAudience } from '../../queries/places-query';
import { queryPublicAtoms } from '../../queries/public-atoms-query';
import type { PublicCellMessage } from '../../queries/public-messages-query';
import { ensureSetting } from '../../repositories/settings-repository';
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

/** The app_settings key of the cell-key secret (never served: no route reads app_settings but the version). */
export const PUBLIC_NOISE_KEY = 'public_noise_key';

export interface PublicMap {
  rules: PublicRules;
  hexagons(query: QueryPublicHexagons): Promise<PublicHexagons>;
  timeline(query: QueryPublicTimeline): Promise<PublicTimeline>;
  districts(query: Static<typeof QueryPublicDistrictsSchema>): Promise<PublicDistricts>;
  summary(query: Static<typeof QueryPublicSummarySchema>): Promise<PublicSummary>;
  meta(): Promise<PublicMeta>;
  cellMessages(h3: string, query: Static<typeof QueryPublicCellMessagesSchema>): Promise<PublicMessagePage>;
  /** The cells /public/hexagons publishes for a public filter: the gate of every public list of messages. */
  publishedCells(filter: MessageFilter, res: Resolution): Promise<Set<string>>;
  /** Messages as the public may see them; the caller selects only messages in public groups of k. */
  publicMessages(messages: readonly PublicCellMessage[]): Promise<PublicMessage[]>;
  /** Whose places the public map names: the public street rule, with the registered authors to keep out. */
  placeAudience(): Promise<PlaceAudience>;
}

/**
 * The public map's answers: the staff queries (never narrowed by a session: the public view is one view),
 * then the rules of geo/src/privacy applied by api/src/public/. Routes only validate and cache.
 */
export const publicPrivacyPlugin = fp(
  async (app: FastifyInstance) => {
    const rules = publicRules({ timezone: app.config.timezone, includeText: app.config.publicText });
    // The cell-key secret: generated once per database and kept there, so the noise of a record set stays
    // the same across restarts and instances (a new noise per restart could be averaged away). Read on first
    // use, so that the app starts while the database is away.
    let keys: Promise<CellKeys> | undefined;
    // The noise secret is written when missing: the primary's; the rest reads where app.reads sends it.
    const read = app.db.read ?? app.db.sql;
    const data: PublicData = {
      queries: app.heatmapQueries,
      atoms: (filter, unit) => queryPublicAtoms(read, filter, unit),
      keys: () => {
        keys ??= ensureSetting(app.db.sql, PUBLIC_NOISE_KEY, () => randomBytes(32).toString('hex')).then(
          (secret) => new CellKeys(secret),
          (error) => {
            keys = undefined;
            throw error;
          },
        );
        return keys;
      },
    };
    const cursors = new PublicCursor();
    const authorNames = new KnownAuthorsCache();
    app.decorate('publicMap', {
      rules,
      hexagons: (query) =>
        publicHexagons(data, rules, publicFilter(query, rules), publicResolution(query, rules), {
          medians: query.medians ?? false,
        }),
      timeline: (query) =>
        publicTimeline(
          data,
          rules,
          publicFilter(query, rules),
          publicResolution(query, rules),
          publicBucket(query.bucket),
        ),
      districts: (query) =>
        publicDistricts(data, rules, publicFilter(query, rules), { medians: query.medians ?? false }),
      summary: (query) =>
        publicSummary(data, rules, publicFilter(query, rules), {
          res: publicResolution(query, rules),
          top: query.top ?? 5,
        }),
      meta: () => publicMeta(data, rules),
      cellMessages: (h3, query) =>
        publicCellMessages(read, data, rules, cursors, authorNames, publicFilter(query, rules), {
          h3,
          limit: query.limit ?? 50,
          ...(query.cursor ? { cursor: query.cursor } : {}),
        }),
      publishedCells: (filter, res) => publishedCells(data, rules, filter, res),
      publicMessages: (messages) => toPublicMessages(read, rules, authorNames, messages),
      placeAudience: async () => ({ kind: 'public', knownAuthors: await authorNames.get(read) }),
    } satisfies PublicMap);
  },
  { name: 'public-privacy', dependencies: ['heatmap-queries'] },
);
