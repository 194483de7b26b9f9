import { useCallback, useEffect, useState } from 'react';
import { formatUrlState, parseUrlState, type UrlState } from './url-state';

/**
 * The app's state lives in the query string. Updates replace the history entry (a slider drag must
 * not push hundreds of entries); opening and closing the drill-down pushes one, so Back closes it.
 */
export type SetUrl = (patch: Partial<UrlState>, options?: { push?: boolean }) => void;

export function useUrlState(): [UrlState, SetUrl] {
  const [state, setState] = useState(() => parseUrlState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((patch: Partial<UrlState>, options?: { push?: boolean }) => {
    setState((previous) => {
      const next = { ...previous, ...patch };
      const url = `${window.location.pathname}${formatUrlState(next)}${window.location.hash}`;
      if (options?.push) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      return next;
    });
  }, []);

  return [state, update];
}
