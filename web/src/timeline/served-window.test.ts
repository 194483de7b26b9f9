import { describe, expect, test } from 'vitest';
import { servedWindowLength } from './served-window';

describe('servedWindowLength', () => {
  test('a length the API serves stays', () => {
    expect(servedWindowLength('day', ['day', 'week', 'month'])).toBe('day');
    expect(servedWindowLength('month', ['week', 'month'])).toBe('month');
  });

  test('a length it does not serve shows as the shortest it does (a public link asking for days)', () => {
    expect(servedWindowLength('day', ['week', 'month'])).toBe('week');
  });
});
