import { SCRUB_MARKER, type ScrubRule } from './scrub-marker';

/**
 * Hungarian public-space types that precede a house number ("Fő utca 12/B", "Pünkösdfürdő u. 20"), in any
 * case, with or without the abbreviation's dot ("Visegrádi u 75", "Hungária krt 113", "Dobó Katica U 15"),
 * and the inflected forms that still take a number ("Süveg utcai 8", "Vörösvári úti 7", "Garay téren 2").
 */
const HUNGARIAN_STREET_TYPES = [
  'utca',
  'utc[aá](?:i|ban|ba|n|nál|ra|ról|tól|hoz)',
  'u\\.?',
  'ú\\.',
  'út',
  'ut',
  'út(?:ja|ján|on|i|nál|ra|hoz|tól)',
  'tér',
  'tere',
  't[eé]r(?:en|én|i|nél|re|hez)',
  'körút',
  'körút(?:ja|ján|on|i|nál)',
  'krt\\.?',
  'köz',
  'köz(?:ben|ön|nél)',
  'sor',
  'sor(?:on|ban)',
  'sétány',
  'sétányon',
  'stny\\.?',
  'rakpart',
  'rakparton',
  'rkp\\.?',
  'fasor',
  'fasor(?:a|ban|on)',
  'park',
  'parkban',
  'liget',
  'lépcső',
  'dűlő',
  'dűlőn',
  'körtér',
  'lakótelep',
  'ltp\\.?',
  'határút',
  'udvar',
  'lejtő',
  'lejtőn',
  'ösvény',
  'part',
  'telep',
  'sugárút',
  'sgt\\.?',
  'árok',
  'átjáró',
  'híd',
  'híd(?:on|nál)',
  'pályaudvar',
  'temető',
  'körönd',
  // written without accents
  'koz',
  'korut',
  'lejto',
  'palyaudvar',
].join('|');

/** Russian street types ("ул. Ленина", "проспект Мира", "пр-кт Победы"). */
const RUSSIAN_STREET_TYPES =
  'ул\\.?|улица|пр-т|пр-кт|просп\\.|пр\\.|проспект|пер\\.|переулок|наб\\.|набережная|бул\\.|бульвар|ш\\.|шоссе|пл\\.|' +
  'площадь|проезд|мкр\\.?|микрорайон|тракт';

// 20, 12/B, 8a, 58-62, 4–6., 12/B. — the number and its building letter, not the words after it.
const HOUSE_NUMBER = String.raw`\d+(?:\s*[-–/]\s*\d+)*(?:\s*/?\s*[A-Za-z](?![\p{L}]))?\.?`;

/** House numbers after a street name; the street stays (it is public and useful), the number goes. */
export const ADDRESS_RULES: readonly ScrubRule[] = [
  {
    name: 'hungarian-house-number',
    pattern: new RegExp(
      `(?<![\\p{L}])(${HUNGARIAN_STREET_TYPES})(?![\\p{L}])(\\.?[ \\t]*,?[ \\t]*)${HOUSE_NUMBER}`,
      'giu',
    ),
    replace: (_match, type, gap) => `${type}${gap}${SCRUB_MARKER}`,
  },
  {
    name: 'russian-house-marker',
    when: /[а-яё]/i,
    // "д. 5", "дом 5а", "кв. 12", "корп. 2", "стр. 1", "д.5/2"
    pattern:
      /(?<![\p{L}])(?:д\.|дом|кв\.|квартира|корп\.|корпус|к\.|стр\.|строение)\s*№?\s*\d+[\p{L}]?(?:\/\d+)?(?![\p{L}\d])/giu,
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'russian-street-number',
    when: /[а-яё]/i,
    // "ул. Ленина 5", "проспект Мира, 12"
    pattern: new RegExp(
      `((?<![\\p{L}])(?:${RUSSIAN_STREET_TYPES})\\s*[\\p{Lu}\\d][\\p{L}\\d-]*(?:\\s+[\\p{Lu}][\\p{L}-]*)?)(,?\\s+)\\d+[\\p{L}]?(?:/\\d+)?(?![\\p{L}\\d])`,
      'gu',
    ),
    replace: (_match, street, gap) => `${street}${gap}${SCRUB_MARKER}`,
  },
];
