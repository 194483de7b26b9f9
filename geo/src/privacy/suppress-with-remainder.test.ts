import { describe, expect, test } from 'vitest';
import { suppressWithRemainder } from './suppress-with-remainder';

describe('suppressWithRemainder', () => {
  test('a small remainder counts as a withheld entry, so a partner goes with it', () => {
    // Districts 40 and 7, 3 messages outside every district: total 50.
    const table = suppressWithRemainder(
      [
        { key: 'a', count: 40 },
        { key: 'b', count: 7 },
      ],
      50,
      5,
    );
    expect([...table.shown]).toEqual(['a']);
    expect(table.withheldCount).toBe(10);
  });

  test('a table under k in all shows nothing and no withheld count', () => {
    const table = suppressWithRemainder([{ key: 'a', count: 2 }], 3, 5);
    expect(table.shown.size).toBe(0);
    expect(table.withheldCount).toBeNull();
  });
});
