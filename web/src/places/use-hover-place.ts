import { useEffect, useState } from 'react';
import type { MessagePage } from '../api/types';

/** How long the pointer rests on a cell before its place is asked for: passing over cells asks nothing. */
const HOVER_DELAY_MS = 250;

/**
 * The place in words ("district, street") of the hovered cell, from its drill-down answer's first message
 * (`place`), for the tooltip's title; null until known, for another cell, or when the answer fails (the
 * public map withholds some cells): the tooltip then keeps the district it has.
 */
export function useHoverPlace(
  cell: string | undefined,
  loadFirst: (cell: string, signal: AbortSignal) => Promise<MessagePage>,
): string | null {
  const [known, setKnown] = useState<{ cell: string; label: string | null } | null>(null);
  useEffect(() => {
    if (!cell) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      loadFirst(cell, controller.signal).then(
        (page) => setKnown({ cell, label: page.place.label }),
        () => {},
      );
    }, HOVER_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [cell, loadFirst]);
  return known && known.cell === cell ? known.label : null;
}
