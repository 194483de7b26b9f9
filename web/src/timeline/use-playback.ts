import { useCallback, useEffect, useRef } from 'react';
import type { UrlState } from '../url-state/url-state';
import type { BucketWindow, TimelineCube } from './timeline-cube';
import { windowToUrl } from './window-from-url';

/** Calls `step` every 1/(2*speed) s while playing; `step` returns false at the end to stop. */
export function usePlayback(playing: boolean, speed: number, step: () => boolean, stop: () => void): void {
  const stepRef = useRef(step);
  stepRef.current = step;
  const stopRef = useRef(stop);
  stopRef.current = stop;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      if (!stepRef.current()) stopRef.current();
    }, 500 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}

export interface WindowPlaybackInput {
  cube: TimelineCube | null;
  window: BucketWindow;
  playing: boolean;
  setPlaying(playing: boolean): void;
  speed: number;
  setUrl(patch: Partial<UrlState>): void;
  timeZone: string;
}

/**
 * The slider's window in the link, and playback moving it one bucket per step: `setWindow` writes a window to
 * the link; `onPlayingChange` starts (from the start when the window already sits at the end) or stops.
 */
export function useWindowPlayback({
  cube,
  window,
  playing,
  setPlaying,
  speed,
  setUrl,
  timeZone,
}: WindowPlaybackInput) {
  const setWindow = useCallback(
    (next: BucketWindow) => {
      if (cube) setUrl(windowToUrl(cube, next, timeZone));
    },
    [cube, setUrl, timeZone],
  );

  usePlayback(
    playing,
    speed,
    () => {
      if (!cube || window.end >= cube.bucketCount) return false;
      setWindow({ start: window.start + 1, end: window.end + 1 });
      return true;
    },
    () => setPlaying(false),
  );

  const onPlayingChange = (next: boolean) => {
    if (next && cube && window.end >= cube.bucketCount)
      setWindow({ start: 0, end: window.end - window.start });
    setPlaying(next);
  };
  return { setWindow, onPlayingChange };
}
