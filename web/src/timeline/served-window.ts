import type { WindowLength } from '../url-state/url-state';

/**
 * The window length the map shows for a link: its own where the API serves it, else the shortest one
 * the API does serve (the public timeline has no day buckets, so a shared link asking for days shows weeks).
 */
export function servedWindowLength(asked: WindowLength, served: readonly WindowLength[]): WindowLength {
  return served.includes(asked) ? asked : (served[0] ?? asked);
}
