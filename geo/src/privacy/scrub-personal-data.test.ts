import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { sharedDataFile } from '../node/shared-data';
import { knownAuthors } from './author-names';
import { scrubPersonalData } from './scrub-personal-data';

const JAROKELO = sharedDataFile('jarokelo');

// Independent detectors for what must never survive. Phone-like: seven or more digits with at most two
// non-letter, non-punctuation separators between them; ISO dates and year ranges are not phones.
const EMAIL_LIKE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE_LIKE = /(?<!\d)\+?\d(?:[^\p{L}\p{N}\n.,:]{0,2}\d){6,}(?!\d)/gu;
const DATE_OR_YEARS = /^(?:\d{4}-\d{1,2}-\d{1,2}|(?:19|20)\d\d-(?:19|20)\d\d)$/;

describe('scrubPersonalData', () => {
  test.each([
    ['e-mail', 'írjon: andras.lehotzky@gmail.com.', 'írjon: […].'],
    ['e-mail written with kukac', 'kovacs.peter (kukac) freemail.hu', '[…]'],
    ['Hungarian landline', 'Hívja: +36 1 688-6999!', 'Hívja: […]!'],
    ['Hungarian mobile', 'tel: 06-20/534-3220', 'tel: […]'],
    ['Hungarian short form', '30/5105187', '[…]'],
    ['Russian +7', 'звоните +7 912 345 67 89', 'звоните […]'],
    ['Russian 8 (xxx)', 'телефон 8 (495) 123-45-67.', 'телефон […].'],
    ['generic international', 'call +44 20 7946 0958', 'call […]'],
    ['any URL', 'lásd https://www.facebook.com/profile.php?id=100012345, köszönöm', 'lásd […], köszönöm'],
    ['profile without scheme', 'пишите vk.com/id12345 или t.me/ivanov', 'пишите […] или […]'],
    ['handle', 'írj @kovacs_peti', 'írj […]'],
    ['coordinates', 'Pontos helyszín: 47.527634681792286, 19.04019664338278', 'Pontos helyszín: […]'],
    ['Hungarian house number', 'Pünkösdfürdő u. 20 előtt', 'Pünkösdfürdő u. […] előtt'],
    ['house number with letter', 'a Fő utca 12/B sarkán', 'a Fő utca […] sarkán'],
    ['house number range', 'Knézich utca 63-65. előtt', 'Knézich utca […] előtt'],
    ['Russian house', 'ул. Ленина, д. 5, кв. 12', 'ул. Ленина, […], […]'],
    ['Russian street number', 'проспект Мира 12', 'проспект Мира […]'],
    ['street type without its dot', 'Visegrádi u 75 szám előtt', 'Visegrádi u […] szám előtt'],
    ['boulevard without its dot', 'Hungária krt 113', 'Hungária krt […]'],
    ['street type in capitals', 'a Dobó Katica U 15 előtt', 'a Dobó Katica U […] előtt'],
    ['inflected street type', 'a Süveg utcai 8 és a Garay téren 2', 'a Süveg utcai […] és a Garay téren […]'],
    ['square with a full stop', 'a Rózsavölgyi tér. 2', 'a Rózsavölgyi tér. […]'],
    ['Russian avenue', 'пр-кт Победы, 14', 'пр-кт Победы, […]'],
    ['Hungarian plate', 'HCY494 frsz, az NCA-482-es busz', '[…] frsz, az […]-es busz'],
    ['Hungarian plate since 2022', 'az AA-MH-666 és az AB CD-123', 'az […] és az […]'],
    ['lower-case plate before its word', 'a hcy494 rendszámú autó', 'a […] rendszámú autó'],
    ['Russian plate', 'машина А123ВС77 и а 123 вс 777', 'машина […] и […]'],
    ['greeting with a name', 'Tisztelt Varga Tamás Úr! A kérés', 'Tisztelt […]! A kérés'],
    ['greeting with a given name', 'Kedves Anna! Köszönjük', 'Kedves […]! Köszönjük'],
    ['signature line', 'Üdvözlettel:\nHergár Anna\n', 'Üdvözlettel:\n[…]\n'],
    ['signature after a colon', 'oda? Köszönettel: Czotter Sarolta', 'oda? Köszönettel: […]'],
    ['name with a given name', 'Szerintem Kovács Péter is látta', 'Szerintem […] is látta'],
    ['married name', 'bejelentő: Adámi Lászlóné', 'bejelentő: […]'],
    ['title', 'dr. Szabó Éva szerint', '[…] szerint'],
    ['Russian full name', 'С уважением, Иванов Иван Иванович', 'С уважением, […]'],
    ['Russian initials', 'ответил Петров И.И.', 'ответил […]'],
  ])('%s', (_name, input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  test.each([
    ['greeting to a body', 'Tisztelt Budapest Közút! Kérem'],
    ['greeting to a role', 'Tisztelt Járókelő! Tájékoztatjuk'],
    ['street named after a person', 'a Veres Pálné utca és a Hidegkuti Nándor utcában'],
    ['school named after a person', 'az Erzsébet Királyné Szépészeti Technikum előtt'],
    ['dates and year ranges', '2024-03-05-én, a 2023-2024 szezonban, FRISSÍTÉS: 2024.06.22.'],
    ['short numbers', 'a 4-6 os villamos, 12 méterre, 1117 Budapest'],
    ['words and numbers that are not plates', 'még 200 méter, a 4-es busz, FRISSÍTÉS 2024'],
  ])('keeps %s', (_name, input) => {
    expect(scrubPersonalData(input)).toBe(input);
  });

  test('removes its own author name word by word and other registered authors by full name', () => {
    const known = knownAuthors(['Fülöp Gyöngyi', 'Anonim Járókelő', 'Jellasics Kriszta', null]);
    expect(
      scrubPersonalData('Köszönöm, Fülöp Gyöngyi. KRISZTA a 3. emeletről; Fülöp utca', {
        author: 'Jellasics Kriszta',
        knownAuthors: known,
      }),
    ).toBe('Köszönöm, […]. […] a 3. emeletről; Fülöp utca');
  });

  test('is idempotent', () => {
    const once = scrubPersonalData('Tisztelt Kovács Péter! Hívjon: +36 1 688-6999, Fő utca 12.');
    expect(scrubPersonalData(once)).toBe(once);
  });

  test('no e-mail address and no phone-like digit run survives in any Járókelő description', () => {
    const descriptions = gunzipSync(readFileSync(JAROKELO))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => (JSON.parse(line) as { description: string | null }).description ?? '');
    expect(descriptions).toHaveLength(37_869);
    const before = descriptions.filter((text) => EMAIL_LIKE.test(text)).length;
    expect(before).toBeGreaterThan(100); // the detector finds what PROVENANCE.md reports (~136 rows)
    const leaks: string[] = [];
    for (const text of descriptions) {
      const scrubbed = scrubPersonalData(text);
      const email = EMAIL_LIKE.exec(scrubbed);
      if (email) leaks.push(email[0]);
      for (const [digits] of scrubbed.matchAll(PHONE_LIKE))
        if (!DATE_OR_YEARS.test(digits)) leaks.push(digits);
    }
    expect(leaks).toEqual([]);
  }, 30_000);
});
