import { SCRUB_MARKER } from '@heatmap/geo';

const ANONYMOUS = /^anonim\b/i;

/**
 * The text without its own author's name. The scrubber finds names only by pattern (greetings, sign-offs,
 * common given names) and misses, say, "Jellasics Kriszta" signing her own report; the author field says
 * exactly which name to look for. Each word of the name (three letters or more) goes, wherever it stands.
 */
export function withoutAuthor(text: string, author: string | null): string {
  if (!author || ANONYMOUS.test(author.trim())) return text;
  const words = author
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((word) => word.length >= 3)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, SCRUB_MARKER);
}
