import { JAROKELO_STATUSES } from '@heatmap/geo';
import type { RecordMapping } from './field-mapping';

/**
 * The Járókelő.hu reports (shared data, see its PROVENANCE.md): dates are Budapest calendar days,
 * the report's number inside its url is the id, coordinates are strings.
 */
export const JAROKELO_MAPPING: RecordMapping = {
  columns: {
    id: 'url',
    createdAt: 'date',
    category: 'category',
    lat: 'latitude',
    lon: 'longitude',
    title: 'title',
    text: 'description',
    status: 'status',
    answeredAt: 'first_authority_response_date',
    resolvedAt: 'resolution_date',
    address: 'address',
    executor: 'institution',
    url: 'url',
    author: 'author',
    authorUrl: 'author_profile',
  },
  statuses: JAROKELO_STATUSES,
  externalId: (url) => /\/bejelentesek\/[^/]+\/(\d+)/.exec(url)?.[1],
  defaultSource: 'jarokelo',
};

const SIGNATURE = ['url', 'date', 'category', 'latitude', 'longitude', 'first_authority_response_date'];

/** A record with the Járókelő columns: the import picks the built-in mapping without flags. */
export function looksLikeJarokelo(record: Record<string, unknown>): boolean {
  return SIGNATURE.every((key) => key in record);
}
