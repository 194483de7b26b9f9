import { describe, expect, test } from 'vitest';
import { holdsAuthorName, knownAuthors, withoutAuthorNames } from './author-names';

describe('knownAuthors', () => {
  test('keeps full names of two to four words, lower case, never the anonymous reporter', () => {
    const known = knownAuthors(['Fülöp Gyöngyi', 'Anonim Járókelő', 'Anna', null, ' Kiss  Éva ']);
    expect([...known.names]).toEqual([
      ['fülöp gyöngyi', [true, true]],
      ['kiss éva', [true, true]],
    ]);
  });
  test('a word needs a capital in a text only where every registered spelling has one', () => {
    const known = knownAuthors(['Budapesti Lakos', 'Budapesti lakos', 'p k']);
    expect([...known.names]).toEqual([
      ['budapesti lakos', [true, false]],
      ['p k', [false, false]],
    ]);
  });
});

describe('withoutAuthorNames', () => {
  test('removes each word of the own author name, in any case, as whole words only', () => {
    expect(
      withoutAuthorNames('Üdvözlettel: Jellasics Kriszta (kriszta a 3. emeletről)', {
        author: 'Jellasics Kriszta',
      }),
    ).toBe('Üdvözlettel: […] […] ([…] a 3. emeletről)');
    expect(withoutAuthorNames('Krisztina utca sarkán', { author: 'Jellasics Kriszta' })).toBe(
      'Krisztina utca sarkán',
    );
  });

  test('removes a registered author full name as one span, in any case, but not one of its words alone', () => {
    const known = knownAuthors(['Fülöp Gyöngyi', 'Nagy Kovács Éva']);
    expect(withoutAuthorNames('Köszönöm, FÜLÖP GYÖNGYI!', { known })).toBe('Köszönöm, […]!');
    expect(withoutAuthorNames('írta Nagy Kovács Éva tegnap', { known })).toBe('írta […] tegnap');
    expect(withoutAuthorNames('a Fülöp utca és Gyöngyi', { known })).toBe('a Fülöp utca és Gyöngyi');
    expect(withoutAuthorNames('Fulop Gyongyi', { known })).toBe('Fulop Gyongyi');
  });

  test('another author full name goes only where it is written as a name, each word with a capital', () => {
    const known = knownAuthors(['Helyi Lakos', 'Mátyás Király', 'M P']);
    expect(withoutAuthorNames('Helyi lakos vagyok, a Mátyás király úton, 5 m p', { known })).toBe(
      'Helyi lakos vagyok, a Mátyás király úton, 5 m p',
    );
    expect(withoutAuthorNames('Üdv: Helyi Lakos', { known })).toBe('Üdv: […]');
    const lower = knownAuthors(['Budapesti lakos', 'Budapesti Lakos']);
    expect(withoutAuthorNames('Budapesti lakos; egy budapesti lakos', { known: lower })).toBe(
      '[…]; egy budapesti lakos',
    );
    expect(withoutAuthorNames('jellasics kriszta', { author: 'Jellasics Kriszta', known })).toBe('[…] […]');
  });

  test('leaves the text alone for anonymous or missing authors and short name parts', () => {
    expect(withoutAuthorNames('Anonim Járókelő írta', { author: 'Anonim Járókelő' })).toBe(
      'Anonim Járókelő írta',
    );
    expect(withoutAuthorNames('a Fő utcán', { author: null })).toBe('a Fő utcán');
    expect(withoutAuthorNames('Li és Wu', { author: 'Li Wu' })).toBe('Li és Wu');
  });

  test('punctuation around the name is not part of it; overlapping matches give one marker', () => {
    expect(withoutAuthorNames('írta: dr. (Kovács)', { author: '(Kovács)' })).toBe('írta: dr. ([…])');
    const known = knownAuthors(['Kovács Péter']);
    expect(withoutAuthorNames('Kovács Péter', { author: 'Kovács Péter', known })).toBe('[…]');
  });
});

describe('holdsAuthorName', () => {
  const known = knownAuthors(['Kiss János', 'Anonim Járókelő', 'Helyi Lakos']);
  test('a street named after a registered author holds the name; other streets do not', () => {
    expect(holdsAuthorName('Kiss János altábornagy utca', known)).toBe(true);
    expect(holdsAuthorName('Üllői út', known)).toBe(false);
    // One word of a name is not the person, nor is the name in lower case in running text.
    expect(holdsAuthorName('Kiss utca', known)).toBe(false);
    expect(holdsAuthorName('helyi lakos utca', known)).toBe(false);
  });
});
