import { ADDRESS_RULES } from './address-rules';
import { type KnownAuthors, withoutAuthorNames } from './author-names';
import { CONTACT_RULES } from './contact-rules';
import { NAME_RULES } from './name-rules';
import { PLATE_RULES } from './plate-rules';

const RULES = [...CONTACT_RULES, ...PLATE_RULES, ...ADDRESS_RULES, ...NAME_RULES];

export interface ScrubOptions {
  /** The message's own author (display name): each word of it goes wherever it stands. */
  author?: string | null;
  /** Every registered author's full name goes too (`knownAuthors(…)`, built once for many texts). */
  knownAuthors?: KnownAuthors;
}

/**
 * Free text made fit for the public: URLs, e-mail addresses, @handles, coordinates, phone numbers and other
 * long digit runs, licence plates, house numbers, the names of the author and of other registered authors,
 * and personal names where a pattern gives them away are replaced by `[…]`. Hungarian and Russian
 * conventions; the limits and the measured recall are in docs/privacy.md. Pure and idempotent.
 */
export function scrubPersonalData(text: string, options: ScrubOptions = {}): string {
  let result = text;
  for (const rule of RULES) {
    if (rule.when && !rule.when.test(result)) continue;
    result = result.replace(rule.pattern, (match, ...args) =>
      rule.replace(match, ...(args as (string | undefined)[])),
    );
  }
  return withoutAuthorNames(result, {
    author: options.author ?? null,
    ...(options.knownAuthors ? { known: options.knownAuthors } : {}),
  });
}
