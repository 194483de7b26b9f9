import { useEffect, useState } from 'react';

/**
 * False until `ready` has been true for two animation frames, then true for good.
 *
 * The map's first frame with data is slow under software WebGL: every new layer type compiles its
 * shaders on first draw (the district labels also rasterise a font atlas), about 250 ms on the 2-core
 * machine. Secondary layers gated on this are drawn in the frame after the hexagons instead of
 * holding the hexagons back. Two frames, because MapLibre draws in the first animation frame after a
 * change and a callback queued in the same frame can run before it.
 */
export function useAfterFirstDraw(ready: boolean): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!ready || drawn) return;
    let handle = requestAnimationFrame(() => {
      handle = requestAnimationFrame(() => setDrawn(true));
    });
    return () => cancelAnimationFrame(handle);
  }, [ready, drawn]);
  return drawn;
}
