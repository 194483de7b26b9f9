import { useEffect, useRef } from 'react';

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
