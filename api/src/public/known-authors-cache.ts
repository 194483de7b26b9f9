import { type KnownAuthors, knownAuthors } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { dataVersion, registeredAuthors } from '../queries/author-names-query';

/**
 * The registered authors' names for the public text scrubber, read again only when the data changed
 * (data_version): one DISTINCT over the authors per change, not per page of the drill-down.
 */
export class KnownAuthorsCache {
  private cached: { version: string; known: KnownAuthors } | null = null;

  async get(sql: Sql): Promise<KnownAuthors> {
    const version = await dataVersion(sql);
    if (this.cached?.version === version) return this.cached.known;
    const read = await registeredAuthors(sql);
    this.cached = { version: read.version, known: knownAuthors(read.authors) };
    return this.cached.known;
  }
}
