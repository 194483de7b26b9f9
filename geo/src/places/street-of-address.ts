/**
 * Words that name a street (Hungarian and Russian, with their usual abbreviations), compared lower-case with
 * a trailing dot dropped: a part holding one of them is the street.
 */
const STREET_WORDS = new Set([
  // Hungarian
  'utca',
  'u',
  'út',
  'útja',
  'tér',
  'tere',
  'körút',
  'krt',
  'köz',
  'sor',
  'fasor',
  'rakpart',
  'sétány',
  'park',
  'lépcső',
  'liget',
  'dűlő',
  'híd',
  'lejtő',
  'lakótelep',
  'ltp',
  'körtér',
  'köre',
  'udvar',
  // Russian
  'ул',
  'улица',
  'проспект',
  'пр-т',
  'просп',
  'пр',
  'пер',
  'переулок',
  'шоссе',
  'ш',
  'бульвар',
  'б-р',
  'бул',
  'наб',
  'набережная',
  'площадь',
  'пл',
  'проезд',
  'тупик',
  'аллея',
  'линия',
  'мкр',
  'микрорайон',
]);

/** Parts that name a place above the street: a city, a district, a region. */
const AREA_WORDS = new Set([
  'budapest',
  'kerület',
  'ker',
  'megye',
  'г',
  'город',
  'район',
  'р-н',
  'область',
  'обл',
  'край',
  'россия',
  'magyarország',
]);

/** A house-number token: digits with letters, slashes or dashes (12, 12/a, 25-27, 28к2, 7А). */
const NUMBER = /^\d[\p{L}\d/.-]*$/u;
/** Words that introduce a house number, a building or a flat ("д. 5", "корп. 2", "hrsz. 123"). */
const NUMBER_WORDS = new Set([
  'д',
  'дом',
  'корп',
  'к',
  'стр',
  'строение',
  'лит',
  'литера',
  'кв',
  'hrsz',
  'sz',
  'szám',
  'em',
  'ajtó',
]);

const word = (token: string) => token.toLowerCase().replace(/\.$/, '');

/** A part of an address without its house numbers and postcodes; '' when nothing else is left. */
function withoutNumbers(part: string): string {
  const tokens = part.split(/\s+/).filter((t) => t !== '');
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (NUMBER.test(token)) continue;
    // "д.5" written together, or "д." followed by its number.
    if (/^\p{L}+\.\d/u.test(token) && NUMBER_WORDS.has(word(token.split('.')[0] as string))) continue;
    if (NUMBER_WORDS.has(word(token)) && NUMBER.test(tokens[i + 1] ?? '')) {
      i++;
      continue;
    }
    kept.push(token);
  }
  return kept.join(' ');
}

/**
 * The street of a free-text address, house numbers stripped: "VIII. kerület, Józsefváros, Bródy Sándor u. 13"
 * → "Bródy Sándor u.", "г. Москва, ул. Тверская, д. 7" → "ул. Тверская". The part (between commas) that holds
 * a street word wins (the last one); else the last part that does not name a city or district. null when
 * nothing is left (an address that is only a postcode and a city).
 */
export function streetOfAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const parts = address
    .split(/[,;\n]/)
    .map(withoutNumbers)
    .filter((part) => part !== '');
  const words = (part: string) => part.split(' ').map(word);
  const street = parts.findLast((part) => words(part).some((w) => STREET_WORDS.has(w)));
  if (street) return street;
  return parts.findLast((part) => !words(part).some((w) => AREA_WORDS.has(w))) ?? null;
}
