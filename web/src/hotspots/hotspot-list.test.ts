import { describe, expect, test } from 'vitest';
import { HOTSPOT_LIST_LENGTH, hotspotList } from './hotspot-list';

describe('hotspotList', () => {
  test('staff: significant hot spots (bin ≥ 2) by z, with the place and count the API sent', () => {
    const list = hotspotList([
      { h3: 'a', bin: 3, count: 12, z: 3.9, place: 'VIII. kerület, Bródy Sándor u.' },
      { h3: 'b', bin: 1, count: 90, z: 2.1 },
      { h3: 'c', bin: 3, count: 30, z: 5.5, place: null },
      { h3: 'd', bin: -3, count: 0, z: -4 },
      { h3: 'e', bin: 2, count: 7, z: 2.8, place: 'XI. kerület' },
    ]);
    expect(list).toEqual([
      { h3: 'c', count: 30 },
      { h3: 'a', place: 'VIII. kerület, Bródy Sándor u.', count: 12 },
      { h3: 'e', place: 'XI. kerület', count: 7 },
    ]);
  });

  test('public: bins only, ranked by bin then by the count the public map shows; no place', () => {
    const counts = new Map<string, number | null>([
      ['a', 20],
      ['b', 50],
      ['c', null],
    ]);
    const list = hotspotList(
      [
        { h3: 'a', bin: 2 },
        { h3: 'b', bin: 2 },
        { h3: 'c', bin: 3 },
        { h3: 'd', bin: 1 },
        { h3: 'e', bin: -3 },
      ],
      counts,
    );
    expect(list).toEqual([{ h3: 'c' }, { h3: 'b', count: 50 }, { h3: 'a', count: 20 }]);
  });

  test(`at most ${HOTSPOT_LIST_LENGTH}, and an empty answer lists nothing`, () => {
    const cells = Array.from({ length: 25 }, (_, i) => ({ h3: `c${i}`, bin: 3, count: i, z: 3 + i / 10 }));
    expect(hotspotList(cells)).toHaveLength(HOTSPOT_LIST_LENGTH);
    expect(hotspotList(cells)[0]?.h3).toBe('c24');
    expect(hotspotList([])).toEqual([]);
  });
});
