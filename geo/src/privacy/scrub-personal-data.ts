import { ADDRESS_RULES } from './address-rules';
import { CONTACT_RULES } from './contact-rules';
import { NAME_RULES } from './name-rules';

const RULES = [...CONTACT_RULES, ...ADDRESS_RULES, ...NAME_RULES];

/**
 * Free text made fit for the public: URLs, e-mail addresses, @handles, coordinates, phone numbers and other
 * long digit runs, house numbers, and personal names where a pattern gives them away are replaced by `[…]`.
 * Hungarian and Russian conventions; the limits are in docs/privacy.md. Pure and idempotent.
 */
export function scrubPersonalData(text: string): string {
  let result = text;
  for (const rule of RULES) {
    if (rule.when && !rule.when.test(result)) continue;
    result = result.replace(rule.pattern, (match, ...args) =>
      rule.replace(match, ...(args as (string | undefined)[])),
    );
  }
  return result;
}
