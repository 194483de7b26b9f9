import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataVersion } from '../live/live-data-version';

export interface Remote<T> {
  data: T | null;
  loading: boolean;
  error: Error | null;
  retry(): void;
}

/**
 * Loads `load` whenever `key` changes (null = do not load), aborting the previous request.
 * The last good data stays visible while the next loads, so the map never blinks empty. Inside
 * LiveDataVersion (the staff app) it also loads again when the server's data changed.
 */
export function useRemote<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const dataVersion = useDataVersion();

  // biome-ignore lint/correctness/useExhaustiveDependencies: key, attempt and the data version trigger a load
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      },
      (failure: Error) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, attempt, dataVersion]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, loading, error, retry };
}
