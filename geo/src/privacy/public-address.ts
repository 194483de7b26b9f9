// A part that is only a district name: "III. kerület", "15. kerület", "Октябрьский район".
const DISTRICT_PART = /^[\p{L}\d. -]*(?:kerület|район|округ)$/iu;
// What is left of "d. 5", "sz. 12", "hrsz. 3533/11" once the number is cut.
const DANGLING_MARKER = /(?:^|\s)(?:д|дом|кв|корп|к|стр|sz|szám|hrsz|No|№)\.?$/iu;

/**
 * An address fit for the public: the street without the house number ("III. kerület, Óbuda-Békásmegyer,
 * Pünkösdfürdő u."), or with `level: 'district'` only the district part ("III. kerület"; the first part
 * naming a kerület/район/округ, else the first part). Null for a missing or empty address.
 *
 * Rule: a part that is only a district name stays whole; any other part is cut at its first word containing a digit,
 * which removes house numbers in any spelling ("Sas u 1", "12/B", "58-62"), plus codes ("GXQ3+74"),
 * parcel numbers and postcodes, at the price of streets named by a number ("2. utca" becomes empty).
 */
export function publicAddress(
  address: string | null | undefined,
  options: { level?: 'street' | 'district' } = {},
): string | null {
  const parts = (address ?? '')
    .split(',')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  if (options.level === 'district')
    return parts.find((part) => DISTRICT_PART.test(part)) ?? (parts[0] as string);
  const kept = parts
    .map((part) => (DISTRICT_PART.test(part) ? part : withoutNumbers(part)))
    .filter((part) => part.length > 0);
  return kept.length > 0 ? kept.join(', ') : null;
}

function withoutNumbers(part: string): string {
  const words = part.split(' ');
  const firstNumber = words.findIndex((word) => /\d/.test(word));
  const street = (firstNumber === -1 ? words : words.slice(0, firstNumber)).join(' ');
  return street.replace(DANGLING_MARKER, '').replace(/[\s(,;:-]+$/u, '');
}
