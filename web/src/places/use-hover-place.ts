import { useEffect, useRef, useState } from 'react';
import type { MapApi } from '../api/map-api';
import type { CellMessagesQuery } from '../api/types';

/** How long the pointer rests on a cell before its place is asked for: passing over cells asks nothing. */
const HOVER_DELAY_MS = 250;

/**
 * The place in words ("district, street") of the hovered cell, from its drill-down answer (`place`) under the
 * map's filters, for the tooltip's title; null until known, for another cell, or when the answer fails (the
 * public map withholds some cells): the tooltip then keeps the district it has. `queryKey` stands for `query`.
 */
export function useHoverPlace(
  cell: string | undefined,
  api: Pick<MapApi, 'cellMessages'>,
  query: CellMessagesQuery,
  queryKey: string,
): string | null {
  const [known, setKnown] = useState<{ cell: string; label: string | null } | null>(null);
  const current = useRef(query);
  current.current = query;
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the query (read by ref)
  useEffect(() => {
    if (!cell) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.cellMessages(cell, { ...current.current, limit: 1 }, controller.signal).then(
        (page) => setKnown({ cell, label: page.place.label }),
        () => {},
      );
    }, HOVER_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cell, api, queryKey]);
  return known && known.cell === cell ? known.label : null;
}
