import { describe, expect, test } from 'vitest';
import { summariseCell } from './use-cell-detail';

describe('summariseCell', () => {
  test('counts the categories, busiest first, and keeps the newest titled messages', () => {
    const detail = summariseCell('881e031b3bfffff', [
      { category: 'Köztisztaság', title: 'Szemét a járdán', createdAt: '2025-09-30T08:00:00Z' },
      { category: 'Közművek', title: null, createdAt: '2025-09-29T08:00:00Z' },
      { category: 'Köztisztaság', title: 'Illegális hulladék', createdAt: '2025-09-28T08:00:00Z' },
      { category: 'Forgalomtechnika', title: 'Kátyú', createdAt: '2025-09-27T08:00:00Z' },
      { category: 'Parkok', title: 'Kidőlt fa', createdAt: '2025-09-26T08:00:00Z' },
    ]);
    expect(detail.categories).toEqual([
      { name: 'Köztisztaság', count: 2 },
      { name: 'Forgalomtechnika', count: 1 },
      { name: 'Közművek', count: 1 },
    ]);
    expect(detail.latest.map((message) => message.title)).toEqual([
      'Szemét a járdán',
      'Illegális hulladék',
      'Kátyú',
    ]);
  });

  test('public messages (category only) give categories and no examples', () => {
    const detail = summariseCell('881e031b3bfffff', [{ category: 'Közművek' }, { category: 'Közművek' }]);
    expect(detail).toEqual({
      h3: '881e031b3bfffff',
      categories: [{ name: 'Közművek', count: 2 }],
      latest: [],
    });
  });
});
