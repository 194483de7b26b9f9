/**
 * A part of a published count (open of count, answered of count): shown only when neither the part nor the
 * rest is a small count, since count − part would reveal the rest just as well.
 */
export function publicPart(part: number, whole: number, minCount: number): number | null {
  const rest = whole - part;
  const safe = (n: number) => n === 0 || n >= minCount;
  return whole >= minCount && safe(part) && safe(rest) ? part : null;
}
