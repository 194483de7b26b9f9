import type { Filters } from '../api/types';
import type { UrlState } from '../url-state/url-state';

/** The API's common filters from the link's filter lists (empty lists mean "all"). */
export function queryFilters(state: Pick<UrlState, 'cat' | 'src' | 'status' | 'district'>): Filters {
  const join = (values: string[]) => (values.length ? values.join(',') : undefined);
  return {
    category: join(state.cat),
    source: join(state.src),
    status: join(state.status),
    district: join(state.district),
  };
}
