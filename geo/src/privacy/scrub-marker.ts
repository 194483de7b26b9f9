/** What replaces removed personal data in public text. */
export const SCRUB_MARKER = '[…]';

/** A replacement step of the scrubber: a global regex and what to put instead of each match. */
export interface ScrubRule {
  name: string;
  pattern: RegExp;
  /** A cheap test that must pass before the rule runs: most texts have no '@', no '/', no Cyrillic. */
  when?: RegExp;
  replace: (match: string, ...groups: (string | undefined)[]) => string;
}
