import { SCRUB_MARKER, type ScrubRule } from './scrub-marker';

// Letters of Russian plates: those with a Latin twin, written in either alphabet.
const RU = '[АВЕКМНОРСТУХABEKMHOPCTYX]';

/**
 * Vehicle registration numbers, which name a car's keeper: Hungarian `ABC-123` / `ABC123` / `ABC 123`
 * (old), `AA BB-123` / `AABB123` (since 2022), in capitals; any case right before "frsz" / "rsz" /
 * "rendszám" ("hcy494 frsz"); and Russian `А123ВС77` / `а 123 вс 777` in any case.
 */
export const PLATE_RULES: readonly ScrubRule[] = [
  {
    name: 'hungarian-plate',
    pattern: /(?<![\p{L}\p{N}])(?:[A-Z]{3}[- ]?\d{3}|[A-Z]{2}[ -]?[A-Z]{2}[- ]?\d{3})(?![\p{L}\p{N}])/gu,
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'plate-before-its-word',
    when: /rsz|rendszám/i,
    pattern: /(?<![\p{L}\p{N}])[a-z]{3}-?\d{3}(?=[ \t]*(?:-\p{L}+[ \t]*)?(?:f?rsz|rendszám))/giu,
    replace: () => SCRUB_MARKER,
  },
  {
    name: 'russian-plate',
    when: /\d{3}/,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${RU}[ \\t]?\\d{3}[ \\t]?${RU}{2}[ \\t]?\\d{2,3}(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    replace: () => SCRUB_MARKER,
  },
];
