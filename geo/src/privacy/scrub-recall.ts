/**
 * How much of what the scrubber must remove it does remove, measured against truth taken from the data
 * itself rather than from the scrubber's own patterns (docs/privacy.md, "Recall"):
 * - author names: every word (three letters or more) of a text's own author's name (whole words, any case),
 *   and every registered author's full name written as a name in any text (a capital wherever every
 *   registered spelling has one);
 * - addresses: a street named in the data's address fields (a gazetteer), then one word (its type, in any
 *   spelling: `u`, `u.`, `krt`, `utca`, …), then a number: "Visegrádi u 75", "Hungária krt 113";
 * - licence plates: `ABC-123`, `ABC123`, `AA BB-123` (upper case), and the Russian `А123ВС77`.
 * An occurrence counts as removed when it no longer occurs in the scrubbed text.
 */
export interface RecallRecord {
  text: string;
  author: string | null;
  /** The message's address: "III. kerület, Óbuda-Békásmegyer, Pünkösdfürdő u. 20". */
  address: string | null;
}

export interface Recall {
  truth: number;
  removed: number;
  recall: number;
}

const WORD = /[\p{L}\p{N}'’-]+/gu;
const PLATE =
  /(?<![\p{L}\p{N}])(?:[A-Z]{3}[- ]?\d{3}|[A-Z]{2}[ -]?[A-Z]{2}[- ]?\d{3}|[АВЕКМНОРСТУХ]\s?\d{3}\s?[АВЕКМНОРСТУХ]{2}\s?\d{2,3})(?![\p{L}\p{N}])/gu;
const ANONYMOUS = /^anonim\b/i;

function isRegisteredAuthor(author: string | null): author is string {
  return author !== null && author.trim() !== '' && !ANONYMOUS.test(author.trim());
}

/** The words of a name as the scrubber and the truth compare them: lower case, three letters or more. */
function nameWords(name: string): string[] {
  return [...name.matchAll(WORD)].map((m) => m[0].toLowerCase()).filter((w) => w.length >= 3);
}

function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0].toLowerCase());
}

function capitals(text: string): boolean[] {
  return [...text.matchAll(WORD)].map((m) => /^\p{Lu}/u.test(m[0]));
}

/** Occurrences of the own author's name words and of every registered author's full name. */
function authorOccurrences(
  text: string,
  author: string | null,
  fullNames: ReadonlyMap<string, boolean[]>,
): number {
  const words = wordsOf(text);
  const own = new Set(isRegisteredAuthor(author) ? nameWords(author) : []);
  let count = words.filter((w) => own.has(w)).length;
  const capital = capitals(text);
  for (let i = 0; i + 1 < words.length; i++) {
    for (let n = 2; n <= 4 && i + n <= words.length; n++) {
      const needed = fullNames.get(words.slice(i, i + n).join(' '));
      if (needed?.every((must, k) => !must || capital[i + k])) count++;
    }
  }
  return count;
}

/** The street names of the data's address fields: the words before the street type ("Bródy Sándor"). */
function streetGazetteer(addresses: Iterable<string | null>): Set<string> {
  const names = new Set<string>();
  for (const address of addresses) {
    const street = address?.split(',').at(-1)?.trim() ?? '';
    const words = street.split(/\s+/);
    const firstNumber = words.findIndex((w) => /\d/.test(w));
    const named = (firstNumber === -1 ? words : words.slice(0, firstNumber)).slice(0, -1);
    if (named.length > 0 && named.every((w) => /^\p{Lu}/u.test(w))) names.add(named.join(' ').toLowerCase());
  }
  return names;
}

// A capitalised run of up to four words, one more word (the street type in any spelling), a house number.
const STREET_NUMBER =
  /((?:\p{Lu}[\p{L}.'’-]*[ \t]+){1,4})[\p{L}]{1,10}\.?[ \t]*,?[ \t]*\d{1,3}(?![\d.,]?\d)/gu;

function addressOccurrences(text: string, streets: ReadonlySet<string>): number {
  let count = 0;
  for (const match of text.matchAll(STREET_NUMBER)) {
    const words = (match[1] ?? '')
      .trim()
      .toLowerCase()
      .split(/[ \t]+/);
    if (words.some((_, i) => streets.has(words.slice(i).join(' ')))) count++;
  }
  return count;
}

function plateOccurrences(text: string): number {
  return [...text.matchAll(PLATE)].length;
}

function ratio(truth: number, left: number): Recall {
  const removed = truth - left;
  return { truth, removed, recall: truth === 0 ? 1 : removed / truth };
}

/** Recall of `scrub` over the records, per kind of personal data. */
export function scrubRecall(
  records: readonly RecallRecord[],
  scrub: (record: RecallRecord) => string,
): { authors: Recall; addresses: Recall; plates: Recall } {
  const fullNames = new Map<string, boolean[]>();
  for (const { author } of records) {
    if (!isRegisteredAuthor(author)) continue;
    const words = wordsOf(author);
    if (words.length < 2 || words.length > 4) continue;
    const capital = capitals(author);
    const key = words.join(' ');
    const seen = fullNames.get(key);
    fullNames.set(key, seen ? capital.map((c, k) => c && seen[k] === true) : capital);
  }
  const streets = streetGazetteer(records.map((r) => r.address));
  const found = { authors: 0, addresses: 0, plates: 0 };
  const left = { authors: 0, addresses: 0, plates: 0 };
  for (const record of records) {
    const scrubbed = scrub(record);
    found.authors += authorOccurrences(record.text, record.author, fullNames);
    left.authors += authorOccurrences(scrubbed, record.author, fullNames);
    found.addresses += addressOccurrences(record.text, streets);
    left.addresses += addressOccurrences(scrubbed, streets);
    found.plates += plateOccurrences(record.text);
    left.plates += plateOccurrences(scrubbed);
  }
  return {
    authors: ratio(found.authors, left.authors),
    addresses: ratio(found.addresses, left.addresses),
    plates: ratio(found.plates, left.plates),
  };
}
