/**
 * Abbreviations and spellings of street types, folded (lower case, no accents or dots), and the one word
 * each stands for: "u." and "utca", "krt." and "körút", "ул." and "улица" are one street.
 */
const STREET_TYPES = new Map<string, string>([
  // Hungarian
  ['utca', 'utca'],
  ['u', 'utca'],
  ['ut', 'ut'],
  ['utja', 'utja'],
  ['ter', 'ter'],
  ['tere', 'tere'],
  ['korut', 'korut'],
  ['krt', 'korut'],
  ['koz', 'koz'],
  ['sor', 'sor'],
  ['fasor', 'fasor'],
  ['rakpart', 'rakpart'],
  ['rkp', 'rakpart'],
  ['setany', 'setany'],
  ['park', 'park'],
  ['lepcso', 'lepcso'],
  ['liget', 'liget'],
  ['dulo', 'dulo'],
  ['hid', 'hid'],
  ['lejto', 'lejto'],
  ['lakotelep', 'lakotelep'],
  ['ltp', 'lakotelep'],
  ['korter', 'korter'],
  ['kore', 'kore'],
  ['udvar', 'udvar'],
  // Russian
  ['улица', 'улица'],
  ['ул', 'улица'],
  ['проспект', 'проспект'],
  ['пр-т', 'проспект'],
  ['просп', 'проспект'],
  ['пр', 'проспект'],
  ['переулок', 'переулок'],
  ['пер', 'переулок'],
  ['шоссе', 'шоссе'],
  ['ш', 'шоссе'],
  ['бульвар', 'бульвар'],
  ['б-р', 'бульвар'],
  ['бул', 'бульвар'],
  ['набережная', 'набережная'],
  ['наб', 'набережная'],
  ['площадь', 'площадь'],
  ['пл', 'площадь'],
  ['проезд', 'проезд'],
  ['тупик', 'тупик'],
  ['аллея', 'аллея'],
  ['линия', 'линия'],
  ['микрорайон', 'микрорайон'],
  ['мкр', 'микрорайон'],
]);

/** Lower case without accents ("Bródy" and "BRODY" are one word; ё is е), words split at punctuation. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.(?=\p{L})/gu, '. ')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w !== '');
}

/**
 * A street name's merged form, the key its spelling variants share: folded words, street types spelled
 * out, and the type after the name, where Hungarian puts it and Russian may ("ул. Тверская" and
 * "Тверская улица" → "тверская улица"; "Bródy Sándor u." and "bródy  sándor utca" → "brody sandor utca").
 */
export function streetKey(street: string): string {
  const words = foldedWords(street);
  const types = words.flatMap((w) => {
    const type = STREET_TYPES.get(w);
    return type ? [type] : [];
  });
  const name = words.filter((w) => !STREET_TYPES.has(w));
  // A street named by its type alone ("Park") keeps it as its name.
  return (name.length > 0 ? [...name, ...types] : types).join(' ');
}

/**
 * What a typed search matches in street keys: its words folded, street types dropped, so "ул. Тв" finds
 * "тверская улица" and "brody u" finds "brody sandor utca"; '' when nothing but types is typed.
 */
export function streetSearchWords(query: string): string[] {
  return foldedWords(query).filter((w) => !STREET_TYPES.has(w));
}
