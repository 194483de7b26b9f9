import { SCRUB_MARKER } from './scrub-marker';

/** Registered authors' full names, prepared once for many texts (see `knownAuthors`). */
export interface KnownAuthors {
  /** Lower-case full names of two to four words, the words joined by one space. */
  readonly names: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}'’-]+/gu;
const ANONYMOUS = /^anonim\b/i;
const MAX_NAME_WORDS = 4;

function isPerson(author: string | null | undefined): author is string {
  return typeof author === 'string' && author.trim() !== '' && !ANONYMOUS.test(author.trim());
}

function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase(),
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
  const names = new Set<string>();
  for (const author of authors) {
    if (!isPerson(author)) continue;
    const parts = words(author).map((w) => w.word);
    if (parts.length >= 2 && parts.length <= MAX_NAME_WORDS) names.add(parts.join(' '));
  }
  return { names };
}

/**
 * The text without its own author's name and without any registered author's full name, whole words, in
 * any case, with the diacritics as written. Each word of the own author's name (three letters or more)
 * goes wherever it stands: a reporter signs with a given name alone ("Kriszta") or a nickname from it.
 */
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
    const token = tokens[i] as (typeof tokens)[number];
    let end = own.has(token.word) ? token.end : -1;
    if (known) {
      let name = token.word;
      for (let j = i + 1; j < Math.min(tokens.length, i + MAX_NAME_WORDS); j++) {
        const next = tokens[j] as (typeof tokens)[number];
        name += ` ${next.word}`;
        if (known.has(name)) end = Math.max(end, next.end);
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
