import { useEffect, useRef, useState } from 'react';
import { nextIndex, type ScheduledStep } from './cycle-schedule';

export interface CyclePosition {
  entry: ScheduledStep;
  index: number;
  /** Steps shown since the page opened. */
  steps: number;
  /** Completed loops through the cycle. */
  cycles: number;
  /** When the current step began (performance.now()). */
  startedAt: number;
}

/**
 * Walks the cycle on one timer: each step for its duration divided by `speed`. A new cycle (fresh
 * data) takes effect at the next step, continuing after the step on screen rather than restarting.
 */
export function useCycle(cycle: readonly ScheduledStep[], speed: number): CyclePosition | null {
  const cycleRef = useRef(cycle);
  cycleRef.current = cycle;
  const [position, setPosition] = useState<CyclePosition | null>(null);
  const hasSteps = cycle.length > 0;

  useEffect(() => {
    if (!hasSteps) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let current: CyclePosition | null = null;
    const advance = () => {
      const steps = cycleRef.current;
      const { index, wrapped } = nextIndex(steps, current?.entry.key ?? null);
      const entry = steps[index] as ScheduledStep;
      current = {
        entry,
        index,
        steps: (current?.steps ?? 0) + 1,
        cycles: (current?.cycles ?? 0) + (wrapped ? 1 : 0),
        startedAt: performance.now(),
      };
      setPosition(current);
      timer = setTimeout(advance, Math.max(16, entry.durationMs / speed));
    };
    advance();
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }, [hasSteps, speed]);

  return position;
}
