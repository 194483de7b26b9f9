import { useEffect, useState } from 'react';
import type { BucketWindow, TimelineCube } from './timeline-cube';
import { windowToUrl } from './window-from-url';

const SETTLE_MS = 400;

export interface SettledWindowInput {
  cube: TimelineCube | null;
  window: BucketWindow;
  /** Playing or dragging: the window is moving, hold the requests. */
  held: boolean;
  timeZone: string;
  cumulative: boolean;
}

/**
 * The window the per-window requests (/hexagons, /summary, /districts) follow: it catches up only once
 * the shown window stops moving (400 ms after the last change), never per frame of a drag or playback.
 */
export function useSettledWindow({ cube, window, held, timeZone, cumulative }: SettledWindowInput) {
  const [settled, setSettled] = useState<{ from?: string; to?: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: settled only decides the first delay
  useEffect(() => {
    if (!cube || cube.bucketCount === 0 || held) return;
    const link = windowToUrl(cube, window, timeZone);
    const next = { from: cumulative ? undefined : link.from, to: link.to };
    const handle = setTimeout(() => setSettled(next), settled ? SETTLE_MS : 0);
    return () => clearTimeout(handle);
  }, [cube, window, held, timeZone, cumulative]);
  const settledKey = settled ? `${settled.from}|${settled.to}` : null;
  const windowLink = cube && cube.bucketCount > 0 ? windowToUrl(cube, window, timeZone) : null;
  const settling =
    windowLink !== null && settledKey !== `${cumulative ? undefined : windowLink.from}|${windowLink.to}`;
  return { settled, settledKey, settling };
}
