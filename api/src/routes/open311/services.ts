import { createHash } from 'node:crypto';
import type { Open311Service } from '../../schemas/open311';

/**
 * A category's service_code: the first 12 hex digits of the SHA-256 of its name. Stable while the name is:
 * the same on every database holding the category, and unmoved by categories added or removed around it
 * (a row id would differ between two databases loaded in another order).
 */
export function serviceCode(category: string): string {
  return createHash('sha256').update(category).digest('hex').slice(0, 12);
}

/** One service per category (GeoReport v2 "GET Service List"): realtime, no attributes. */
export function toService(category: string): Open311Service {
  const keywords = category
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return {
    service_code: serviceCode(category),
    service_name: category,
    description: `Messages of the category "${category}"`,
    metadata: false,
    type: 'realtime',
    keywords: [...new Set(keywords)].join(','),
    // We have no hierarchy of categories: each is its own group.
    group: category,
  };
}

/** The categories by service_code, for filters and posts that name one. */
export function categoryOfCode<T extends { name: string }>(
  categories: readonly T[],
  code: string,
): T | undefined {
  return categories.find((c) => serviceCode(c.name) === code);
}
