import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnyMessage, MessagePage } from '../api/types';

export type LoadPage = (cursor: string | null, query: string, signal: AbortSignal) => Promise<MessagePage>;

export interface MessagePages {
  messages: AnyMessage[];
  /** The cell's place in words ("district, street"), from the answer; null until known or when unnamed. */
  place: string | null;
  loading: boolean;
  error: Error | null;
  done: boolean;
  loadMore(): void;
  retry(): void;
}

/** Keyset pages of messages, restarted whenever the loader (cell, filters) or the search changes. */
export function useMessagePages(loadPage: LoadPage, query: string): MessagePages {
  const [messages, setMessages] = useState<AnyMessage[]>([]);
  const [place, setPlace] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const controller = useRef<AbortController | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (from: string | null, reset: boolean) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const mine = generation.current;
      setLoading(true);
      setError(null);
      loadPage(from, query, current.signal).then(
        (page) => {
          if (mine !== generation.current) return;
          setMessages((previous) => (reset ? page.messages : [...previous, ...page.messages]));
          setPlace(page.place.label);
          setCursor(page.nextCursor);
          setDone(page.nextCursor === null);
          setLoading(false);
        },
        (failure: Error) => {
          if (current.signal.aborted || mine !== generation.current) return;
          setError(failure);
          setLoading(false);
        },
      );
    },
    [loadPage, query],
  );

  useEffect(() => {
    generation.current += 1;
    setMessages([]);
    setPlace(null);
    setCursor(null);
    setDone(false);
    fetchPage(null, true);
    return () => controller.current?.abort();
  }, [fetchPage]);

  return {
    messages,
    place,
    loading,
    error,
    done,
    loadMore: () => {
      if (!loading && !done && !error) fetchPage(cursor, false);
    },
    retry: () => fetchPage(cursor, messages.length === 0),
  };
}
