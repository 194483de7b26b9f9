import { useEffect, useState } from 'react';
import type { JsonOf } from '../api/types';

/** What the server draws under the hexagons; null: the offline outline map. */
export type Basemap = JsonOf<'/api/v1/public/basemap'>;

export const STAFF_BASEMAP_PATH = '/api/v1/basemap';
export const PUBLIC_BASEMAP_PATH = '/api/v1/public/basemap';

const pending = new Map<string, Promise<Basemap>>();

/**
 * The server's basemap from the audience's own API, read once per page. A failed read falls back
 * to the offline outline map (a missing street layer must not keep the heat map from showing) and
 * is not kept, so a later map of the page asks again.
 */
export function loadBasemap(path: string): Promise<Basemap> {
  const known = pending.get(path);
  if (known) return known;
  const forget = () => {
    pending.delete(path);
    return null;
  };
  const read = fetch(path, { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? (response.json() as Promise<Basemap>) : forget()))
    .catch(forget);
  pending.set(path, read);
  return read;
}

/** undefined until known (the map is created once, with its final style); a null path: no basemap. */
export function useBasemap(path: string | null | undefined): Basemap | undefined {
  const [basemap, setBasemap] = useState<{ path: string | null; value: Basemap } | undefined>(undefined);
  useEffect(() => {
    if (!path) {
      setBasemap({ path: null, value: null });
      return;
    }
    let live = true;
    void loadBasemap(path).then((value) => {
      if (live) setBasemap({ path, value });
    });
    return () => {
      live = false;
    };
  }, [path]);
  return basemap && basemap.path === (path || null) ? basemap.value : undefined;
}
