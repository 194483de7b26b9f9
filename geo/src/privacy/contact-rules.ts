import { SCRUB_MARKER, type ScrubRule } from './scrub-marker';

const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Keep sentence punctuation that the greedy URL pattern swallowed. */
function markKeepingPunctuation(match: string): string {
  return SCRUB_MARKER + (TRAILING_PUNCTUATION.exec(match)?.[0] ?? '');
}

// Dates and year ranges have the digit count of a phone number but name no one.
const NOT_A_PHONE = [/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/, /^(?:1[89]|20)\d\d\s*[-–/]\s*(?:1[89]|20)\d\d$/];

/**
 * Contact details and exact locations, in the order they must run: URLs first (they contain @ and digits),
 * then e-mail addresses, @handles, coordinates, and what is left of long digit runs (phones, IDs).
 */
export const CONTACT_RULES: readonly ScrubRule[] = [
  {
    name: 'url',
    when: /\/|www\./i,
    pattern:
      /(?:\b(?:https?:\/\/|www\.)|(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+(?:hu|ru|com|org|net|eu|me|io|ly|gl|su|рф)\/)[^\s<>"'„”«»)\]]*/giu,
    replace: markKeepingPunctuation,
  },
  {
    name: 'email',
    when: /@|kukac|[([]\s*at\s*[)\]]/i,
    // Also "name (kukac) host.hu" and "name [at] host.ru", the usual ways of hiding an address from robots.
    pattern:
      /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+(?:\s*@\s*|\s*[([]\s*(?:at|kukac)\s*[)\]]\s*|\s+kukac\s+)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu,
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'handle',
    when: /@/,
    pattern: /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_.]{3,}/gu,
    replace: markKeepingPunctuation,
  },
  {
    name: 'coordinates',
    pattern: /-?\d{1,3}[.,]\d{4,}(?:\s*[,;/ ]\s*-?\d{1,3}[.,]\d{4,})?/g,
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'phone',
    // Seven or more digits with at most two separators between them: +36 1 688-6999, 06-20/534-3220,
    // 30/5105187, 8 (495) 123-45-67, +7 912 345 67 89, 688-6999. Long IDs go too.
    pattern: /(?<!\d)(?:\+\s?)?\d(?:[ \t\u00a0\-–/()]{0,2}\d){6,}(?!\d)/gu,
    replace: (match) => (NOT_A_PHONE.some((date) => date.test(match)) ? match : SCRUB_MARKER),
  },
];
