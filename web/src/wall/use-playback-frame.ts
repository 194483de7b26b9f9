import { useEffect, useState } from 'react';

/**
 * The bucket the playback shows: runs from the first to the last of `bucketCount` buckets over
 * `durationMs`, on requestAnimationFrame while `active`. React state changes only when the bucket does,
 * so a 7-day hourly playback re-renders 168 times, whatever the frame rate.
 */
export function usePlaybackFrame(active: boolean, bucketCount: number, durationMs: number): number | null {
  const [bucket, setBucket] = useState<number | null>(null);
  useEffect(() => {
    if (!active || bucketCount <= 0) {
      setBucket(null);
      return;
    }
    const started = performance.now();
    let frame = 0;
    const tick = () => {
      const share = Math.min(1, (performance.now() - started) / Math.max(1, durationMs));
      setBucket(Math.min(bucketCount - 1, Math.floor(share * bucketCount)));
      if (share < 1) frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [active, bucketCount, durationMs]);
  return bucket;
}
