import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { openChangeStream } from './change-stream';

/** The data version the page should show; '' until the first change. Every remote load keys on it. */
const DataVersionContext = createContext('');

export function useDataVersion(): string {
  return useContext(DataVersionContext);
}

export interface LiveDataVersionProps {
  /** Reads the server's current data version (GET /meta): the fallback while the stream is broken. */
  readVersion(signal: AbortSignal): Promise<string>;
  /** Fallback polling interval; default 60 s. */
  pollMs?: number;
  /** Changes closer together than this reload once; default 2 s (a busy import commits often). */
  settleMs?: number;
  children: ReactNode;
}

/**
 * Keeps a signed-in page's data current: the server pushes changes over its event stream, and only
 * while that stream is broken does this poll /meta instead. A change reloads whatever the page shows
 * (useRemote keys on the version); changes within settleMs of each other reload once.
 */
export function LiveDataVersion({
  readVersion,
  pollMs = 60_000,
  settleMs = 2000,
  children,
}: LiveDataVersionProps) {
  const [version, setVersion] = useState('');
  useEffect(() => {
    let broken = true;
    let latest = '';
    let settle: ReturnType<typeof setTimeout> | undefined;
    const bump = (next: string) => {
      if (next === latest) return;
      latest = next;
      settle ??= setTimeout(() => {
        settle = undefined;
        setVersion(latest);
      }, settleMs);
    };
    const close = openChangeStream({
      onOpen: () => {
        broken = false;
      },
      onChange: (change) => bump(change.dataVersion),
      onBroken: () => {
        broken = true;
      },
    });
    const controller = new AbortController();
    let known: string | undefined;
    const poll = setInterval(() => {
      if (!broken) return;
      readVersion(controller.signal).then(
        (current) => {
          if (known !== undefined && current !== known) bump(current);
          known = current;
        },
        () => {},
      );
    }, pollMs);
    return () => {
      close();
      clearInterval(poll);
      clearTimeout(settle);
      controller.abort();
    };
  }, [readVersion, pollMs, settleMs]);
  return <DataVersionContext.Provider value={version}>{children}</DataVersionContext.Provider>;
}
