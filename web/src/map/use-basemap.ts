import { useEffect, useState } from 'react';
import type { JsonOf } from '../api/types';

/** What the server draws under the hexagons (/api/v1/basemap); null: the offline outline map. */
export type Basemap = JsonOf<'/api/v1/basemap'>;

let pending: Promise<Basemap> | null = null;

/**
 * The server's basemap, read once per page (every map of the page shares it). A failed read falls
 * back to the offline outline map: a missing street layer must not keep the heat map from showing.
 */
export function loadBasemap(): Promise<Basemap> {
  pending ??= fetch('/api/v1/basemap', { headers: { accept: 'application/json' } })
    .then((response) => {
      if (response.ok) return response.json() as Promise<Basemap>;
      // Not kept: a 401 before signing in (HEATMAP_PUBLIC_MAP=off) must not hide the streets after.
      pending = null;
      return null;
    })
    .catch(() => {
      pending = null;
      return null;
    });
  return pending;
}

/** undefined until known: the map is created once, with its final style. */
export function useBasemap(): Basemap | undefined {
  const [basemap, setBasemap] = useState<Basemap | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadBasemap().then((value) => {
      if (live) setBasemap(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return basemap;
}
