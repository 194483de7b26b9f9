import { describe, expect, test } from 'vitest';
import { queryFilters } from './query-filters';

describe('queryFilters', () => {
  test('joins lists and leaves empty ones out', () => {
    expect(queryFilters({ cat: ['Úthiba', 'Köztisztaság'], src: [], status: ['new'], district: [] })).toEqual(
      {
        category: 'Úthiba,Köztisztaság',
        source: undefined,
        status: 'new',
        district: undefined,
      },
    );
  });
});
