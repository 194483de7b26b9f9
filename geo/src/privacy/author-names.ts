import { SCRUB_MARKER } from './scrub-marker';

/** Registered authors' full names, prepared once for many texts (see `knownAuthors`). */
export interface KnownAuthors {
  /**
   * Lower-case full names of two to four words joined by one space, each with the words that a text must
   * write with a capital: those capitalised in every registered spelling ("Budapesti lakos": the first).
   */
  readonly names: ReadonlyMap<string, readonly boolean[]>;
}

const WORD = /[\p{L}\p{N}'’-]+/gu;
const ANONYMOUS = /^anonim\b/i;
const MAX_NAME_WORDS = 4;

function isPerson(author: string | null | undefined): author is string {
  return typeof author === 'string' && author.trim() !== '' && !ANONYMOUS.test(author.trim());
}

interface Token {
  word: string;
  capital: boolean;
  start: number;
  end: number;
}

function words(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase(),
    capital: /^\p{Lu}/u.test(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The full names of the registered authors (display names of two to four words; "Anonim Járókelő" is no
 * one). A single word of someone else's name is not looked for: surnames and given names are common
 * words of the texts ("Kovács", "Rózsa"), only the whole name is that person.
 */
export function knownAuthors(authors: Iterable<string | null | undefined>): KnownAuthors {
  const names = new Map<string, boolean[]>();
  for (const author of authors) {
    if (!isPerson(author)) continue;
    const parts = words(author);
    if (parts.length < 2 || parts.length > MAX_NAME_WORDS) continue;
    const key = parts.map((p) => p.word).join(' ');
    const capitals = parts.map((p) => p.capital);
    const other = names.get(key);
    names.set(key, other ? capitals.map((capital, k) => capital && other[k] === true) : capitals);
  }
  return { names };
}

/**
 * The text without its own author's name and without any registered author's full name, whole words, with
 * the diacritics as written. Each word of the own author's name (three letters or more) goes wherever it
 * stands, in any case: a reporter signs with a given name alone ("Kriszta") or in lower case. Another
 * author's full name goes where it is written as a name, with a capital wherever the registered name has
 * one ("Fülöp Gyöngyi", "FÜLÖP GYÖNGYI"): display names are also phrases ("Helyi Lakos", "Nem Én",
 * "Mátyás Király"), and "helyi lakos" or "a Mátyás király úton" in running text name nobody.
 */
/**
 * Whether a text holds a registered author's full name as a name (the rule of withoutAuthorNames): a street
 * named after a person who also writes to us ("Kiss János altábornagy utca") would name that author.
 */
export function holdsAuthorName(text: string, known: KnownAuthors): boolean {
  return withoutAuthorNames(text, { known }) !== text;
}

export function withoutAuthorNames(
  text: string,
  options: { author?: string | null; known?: KnownAuthors },
): string {
  const own = new Set(
    isPerson(options.author)
      ? words(options.author)
          .map((w) => w.word)
          .filter((w) => w.length >= 3)
      : [],
  );
  const known = options.known?.names;
  if (own.size === 0 && (!known || known.size === 0)) return text;
  const tokens = words(text);
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let end = own.has(token.word) ? token.end : -1;
    if (known) {
      let name = token.word;
      for (let j = i + 1; j < Math.min(tokens.length, i + MAX_NAME_WORDS); j++) {
        const next = tokens[j] as Token;
        name += ` ${next.word}`;
        const capitals = known.get(name);
        if (capitals?.every((needed, k) => !needed || (tokens[i + k] as Token).capital)) {
          end = Math.max(end, next.end);
        }
      }
    }
    if (end >= 0) spans.push([token.start, end]);
  }
  let result = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    result += text.slice(at, Math.max(at, start)) + (start >= at ? SCRUB_MARKER : '');
    at = end;
  }
  return result + text.slice(at);
}
