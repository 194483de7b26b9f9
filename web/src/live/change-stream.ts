/** What the server says changed (GET /api/v1/stream, event `change`). */
export interface DataChange {
  dataVersion: string;
  /** Local days whose data changed; null: anything may have. */
  days: string[] | null;
}

export interface ChangeStreamHandlers {
  /** The stream is open: the server will push changes (polling may rest). */
  onOpen(): void;
  /** Data changed: `ready` after a (re)connect counts too, as something may have changed meanwhile. */
  onChange(change: DataChange): void;
  /** The stream broke (network, server restart, signed out): poll until it is back. */
  onBroken(): void;
}

export const STREAM_URL = '/api/v1/stream';

/**
 * The staff app's pushed updates. EventSource reconnects by itself with Last-Event-ID, so the
 * server resends what was missed; while it reconnects the caller is told the stream is broken.
 * Returns the close function.
 */
export function openChangeStream(handlers: ChangeStreamHandlers, url = STREAM_URL): () => void {
  if (typeof EventSource === 'undefined') {
    handlers.onBroken();
    return () => {};
  }
  const source = new EventSource(url);
  let seenReady = false;
  source.addEventListener('ready', (event) => {
    handlers.onOpen();
    // The first ready only confirms what the page just loaded; a later one follows a gap.
    if (seenReady) handlers.onChange({ dataVersion: parseVersion(event), days: null });
    seenReady = true;
  });
  source.addEventListener('change', (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as DataChange;
    handlers.onChange(change);
  });
  source.addEventListener('error', () => handlers.onBroken());
  return () => source.close();
}

function parseVersion(event: Event): string {
  return (JSON.parse((event as MessageEvent<string>).data) as { dataVersion: string }).dataVersion;
}
