import { GIVEN_NAMES } from './given-names';
import { SCRUB_MARKER, type ScrubRule } from './scrub-marker';

const WORD = String.raw`[\p{Lu}][\p{Ll}'’-]+`;
const GIVEN = `(?:${[...GIVEN_NAMES].join('|')})`;

// Capitalised words that address a role or a body, not a person: "Tisztelt Illetékes!", "Tisztelt Budapest Közút!".
const NOT_A_PERSON =
  /^(?:Járókelő\p{L}*|Illetékes\p{L}*|Ügyintéző\p{L}*|Bejelentő\p{L}*|Hölgy\p{L}*|Uram|Uraim|Látogató\p{L}*|Ügyfel\p{L}*|Lakó\p{L}*|Kolléga\p{L}*|Címzett\p{L}*|Felhasználó\p{L}*|Partner\p{L}*|Polgármester\p{L}*|Alpolgármester\p{L}*|Képviselő\p{L}*|Munkatárs\p{L}*|Szakember\p{L}*|Budapest\p{L}*|Főváros\p{L}*|Közút\p{L}*|Önkormányzat\p{L}*|Hivatal\p{L}*|Kerület\p{L}*|Városgazd\p{L}*|Közterület\p{L}*|Rendészet\p{L}*|Felügyelet\p{L}*|Osztály\p{L}*|Igazgatóság\p{L}*|Szolgálat\p{L}*|Ügyfélszolgálat\p{L}*|Művek|Közművek|Vízművek|Csatornázási|Társaság|Rendőrség|Zrt|Kft|Nonprofit|Коллег\p{L}*|Администраци\p{L}*|Жител\p{L}*|Сотрудник\p{L}*)$/u;

// A pair followed by a street word (inflected too: "utcában", "úti", "téren") or by another proper-name word is
// a street or a body named after someone ("Veres Pálné utca", "Erzsébet Királyné Szépészeti Technikum").
// Sticky, so the check reads at the end of the match instead of copying the rest of the text.
const STREET_AFTER =
  /[ \t]*(?:u\.|utc\p{L}*|út\p{L}*|tér\p{L}*|ter[eé]\p{L}*|körút\p{L}*|krt\.|köz|sor\p{L}*|sétány\p{L}*|rakpart\p{L}*|rkp\.|fasor\p{L}*|park\p{L}*|liget\p{L}*|lépcső\p{L}*|dűlő\p{L}*|lakótelep\p{L}*|ltp\.|sugárút\p{L}*|híd\p{L}*|király\p{L}*|iskol\p{L}*|gimnázium\p{L}*|megálló\p{L}*|улиц\p{L}*|проспект\p{L}*|переул\p{L}*)(?![\p{L}])/uy;
const PROPER_WORD_AFTER = /[ \t]+([\p{Lu}][\p{L}'’-]*)/uy;

function isPartOfLongerName(text: string, at: number): boolean {
  STREET_AFTER.lastIndex = at;
  if (STREET_AFTER.test(text)) return true;
  PROPER_WORD_AFTER.lastIndex = at;
  const next = PROPER_WORD_AFTER.exec(text)?.[1];
  return next !== undefined && !isGivenName(next);
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase();
}

function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word) || (word.endsWith('né') && GIVEN_NAMES.has(word.slice(0, -2)));
}

function looksLikePerson(words: string[]): boolean {
  return words.length > 0 && !words.some((word) => NOT_A_PERSON.test(word) || isAllCaps(word));
}

/**
 * Personal names, where a pattern gives them away. Names are not detectable in general: a surname alone in the
 * middle of a sentence survives (see docs/privacy.md). Run after the contact and address rules.
 */
export const NAME_RULES: readonly ScrubRule[] = [
  {
    name: 'russian-full-name',
    when: /[а-яё]/i,
    // Иванов Иван Иванович, Иван Иванович Иванов, Иванов И. И., И.И. Иванов
    pattern: new RegExp(
      `(?:${WORD}[ \\t]+)?${WORD}[ \\t]+[\\p{Lu}][\\p{Ll}]+(?:ович|евич|ьич|ична|овна|евна)(?:[ \\t]+${WORD})?` +
        `|[А-ЯЁ][а-яё]+[ \\t]+[А-ЯЁ]\\.[ \\t]?[А-ЯЁ]\\.|[А-ЯЁ]\\.[ \\t]?[А-ЯЁ]\\.[ \\t]?[А-ЯЁ][а-яё]+`,
      'gu',
    ),
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'title',
    pattern: new RegExp(`(?<![\\p{L}])(?:dr|Dr|DR|ifj|id|özv)\\.[ \\t]*${WORD}(?:[ \\t]+${WORD}){0,2}`, 'gu'),
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'greeting',
    // "Tisztelt Kovács Péter!", "Kedves Anna,", "Tisztelt Nagy Úr!", "Уважаемая Мария Петровна"
    pattern: new RegExp(
      `((?:Tisztelt|Kedves|Dear|Уважаем(?:ый|ая|ые)|Здравствуйте,?|Добрый день,?)[ \\t]+)(${WORD}(?:[ \\t]+${WORD}){0,2})(?=[ \\t]*(?:[!,]|[úÚ]r(?![\\p{L}])|[aA]sszony|$))`,
      'gmu',
    ),
    replace: (match, greeting = '', name = '') => {
      const words = name.split(/[ \t]+/);
      const addressed = /^[ \t]*(?:[úÚ]r|[aA]sszony)/u;
      const person =
        looksLikePerson(words) && (words.length > 1 || words.some(isGivenName) || addressed.test(name));
      return person ? `${greeting}${SCRUB_MARKER}` : match;
    },
  },
  {
    name: 'signature',
    // A sign-off, then a short line of capitalised words: "Üdvözlettel:\nHergár Anna", "С уважением, Иван Петров"
    pattern: new RegExp(
      `((?:Üdvözlettel|Tisztelettel|Köszönettel|Üdv|Best regards|Kind regards|Regards|С уважением|Спасибо)[ \\t]*[,:!.–-]*[ \\t]*(?:\\r?\\n[ \\t]*)*)(${WORD}(?:[ \\t]+(?:${WORD}|[\\p{Lu}]\\.)){0,3})(?=[ \\t]*(?:[,.–-][^\\n]*)?(?:\\r?\\n|$))`,
      'gu',
    ),
    replace: (match, signOff = '', name = '') =>
      looksLikePerson(name.split(/[ \t]+/)) ? `${signOff}${SCRUB_MARKER}` : match,
  },
  {
    name: 'given-name-pair',
    // Kovács Péter, Adámi Lászlóné, Péter Kovács; not Veres Pálné utca, not Erzsébet Királyné Technikum.
    pattern: new RegExp(
      `(?<![\\p{L}])(?:${WORD}[ \\t]+${GIVEN}(?:né)?|${GIVEN}[ \\t]+${WORD})(?![\\p{L}])`,
      'gu',
    ),
    replace: (match, ...rest) => {
      const offset = rest[rest.length - 2] as unknown as number;
      const text = rest[rest.length - 1] as unknown as string;
      if (!looksLikePerson(match.split(/[ \t]+/))) return match;
      return isPartOfLongerName(text, offset + match.length) ? match : SCRUB_MARKER;
    },
  },
];
