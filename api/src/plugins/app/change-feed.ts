import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ChangeFeed } from '../../live/change-feed';

declare module 'fastify' {
  interface FastifyInstance {
    changeFeed: ChangeFeed;
  }
}

export interface ChangeFeedPluginOptions {
  /** How often open streams' data_version is checked; default 500 ms. */
  intervalMs?: number;
}

/** The one data_version watcher every open stream listens to; stopped with the app. */
export const changeFeedPlugin = fp(
  async (app: FastifyInstance, options: ChangeFeedPluginOptions) => {
    const feed = new ChangeFeed(app.db.sql, {
      ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }),
      onError: (error) => app.log.warn({ err: error }, 'change feed: reading data_version failed'),
      // A client told of a change reads it next: no replica that has not replayed it may answer.
      onVersion: (version) => app.reads.atLeast(version),
    });
    app.decorate('changeFeed', feed);
    app.addHook('onClose', async () => feed.close());
  },
  { name: 'change-feed', dependencies: ['database', 'read-routing'] },
);
