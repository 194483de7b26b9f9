import type { UrlState } from '../url-state/url-state';

/**
 * The link's state narrowed to what the public API serves (docs/privacy.md): month buckets only and one
 * value per filter; a public link asking for days, weeks or several values shows months and the first value.
 * The emerging map has no public route: such a link shows the hexagons.
 */
export function publicUrl(url: UrlState): UrlState {
  const first = (values: string[]) => values.slice(0, 1);
  return {
    ...url,
    win: 'month',
    mode: url.mode === 'emerging' ? 'hexagons' : url.mode,
    cat: first(url.cat),
    src: first(url.src),
    status: first(url.status),
    district: first(url.district),
  };
}
