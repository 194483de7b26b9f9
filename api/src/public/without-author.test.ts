import { describe, expect, test } from 'vitest';
import { withoutAuthor } from './without-author';

describe('withoutAuthor', () => {
  test('removes each word of the author name, in any case, as whole words only', () => {
    expect(
      withoutAuthor('Üdvözlettel: Jellasics Kriszta (kriszta a 3. emeletről)', 'Jellasics Kriszta'),
    ).toBe('Üdvözlettel: […] […] ([…] a 3. emeletről)');
    expect(withoutAuthor('Krisztina utca sarkán', 'Jellasics Kriszta')).toBe('Krisztina utca sarkán');
  });

  test('leaves the text alone for anonymous or missing authors and short name parts', () => {
    expect(withoutAuthor('Anonim Járókelő írta', 'Anonim Járókelő')).toBe('Anonim Járókelő írta');
    expect(withoutAuthor('a Fő utcán', null)).toBe('a Fő utcán');
    expect(withoutAuthor('Li és Wu', 'Li Wu')).toBe('Li és Wu');
  });

  test('punctuation around the name is not part of it', () => {
    expect(withoutAuthor('írta: dr. (Kovács)', '(Kovács)')).toBe('írta: dr. ([…])');
  });
});
