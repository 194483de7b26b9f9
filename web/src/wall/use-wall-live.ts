import { useEffect, useRef, useState } from 'react';
import { openChangeStream } from '../live/change-stream';
import { type ConnectionState, createLiveLoop, INITIAL_CONNECTION } from './live-loop';
import { type Access, createWallClient } from './wall-client';
import type { WallConfig } from './wall-config';
import { pollWallData, type WallData } from './wall-data';

export interface WallLive {
  data: WallData | null;
  connection: ConnectionState;
  access: Access;
  client: ReturnType<typeof createWallClient>;
}

/**
 * The wall's data kept live for as long as the page is open: reloads when the server pushes a change
 * (polling only while its stream is broken) through the conditional client,
 * keeps the last good data through failures, and stops every timer and request on unmount.
 */
export function useWallLive(config: WallConfig): WallLive {
  const [client] = useState(() => createWallClient());
  const [data, setData] = useState<WallData | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(INITIAL_CONNECTION);
  const [access, setAccess] = useState<Access>('staff');
  const dataRef = useRef<WallData | null>(null);

  useEffect(() => {
    const loop = createLiveLoop({
      intervalMs: config.pollSeconds * 1000,
      backoffMs: 1000,
      maxBackoffMs: Math.min(30_000, Math.max(2000, config.pollSeconds * 1000)),
      timeoutMs: 20_000,
      onChange: setConnection,
      async poll(signal) {
        const next = await pollWallData(client, config, dataRef.current, Date.now(), signal);
        if (signal.aborted) return;
        dataRef.current = next;
        setData(next);
        setAccess(client.access);
      },
    });
    loop.start();
    // While the server pushes changes the interval rests; the stream's own reconnects and the
    // polling fallback cover each other (a public wall gets 401 here and simply keeps polling).
    const closeStream = openChangeStream({
      onOpen: () => loop.setPaused(true),
      onChange: () => loop.pollNow(),
      onBroken: () => loop.setPaused(false),
    });
    // The browser knows before a timer does that the network is back.
    const online = () => loop.pollNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      closeStream();
      loop.stop();
    };
  }, [client, config]);

  return { data, connection, access, client };
}
