import { createServer, type Server, Socket } from 'node:net';

export interface Endpoint {
  host: string;
  port: number;
}

/**
 * How a cut looks to the client: `reset` is a TCP RST (ECONNRESET), `close` a plain FIN
 * (postgres.js: CONNECTION_CLOSED), `shutdown` what a stopping server sends: a FATAL 57P01
 * ErrorResponse ("terminating connection due to administrator command"), then FIN.
 */
export type CutKind = 'reset' | 'close' | 'shutdown';

export interface TcpProxy extends Endpoint {
  /** Live client connections. */
  readonly connections: number;
  /** Cuts every live connection now; answers how many it cut. */
  cutAll(kind?: CutKind): number;
  /**
   * Cuts the connection on which a client next sends bytes containing `marker`, before they reach
   * the database. The wire protocol carries text as UTF-8: a query's SQL (sent only the first time a
   * connection prepares it) or a parameter's value (sent every time). Resolves once cut; one-shot.
   */
  cutOnQuery(marker: string, kind?: CutKind): Promise<void>;
  /**
   * Cuts the connection on which the database next answers bytes containing `marker` (a command tag
   * such as `COMMIT`), before they reach the client: the work is done, the client never hears.
   */
  cutOnReply(marker: string, kind?: CutKind): Promise<void>;
  /** Database down: cuts every connection and stops listening (new connections: ECONNREFUSED). */
  down(kind?: CutKind): Promise<void>;
  /** Database back: listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  /** The last bytes each side sent: a marker split across two TCP chunks is still seen. */
  tail: { query: string; reply: string };
}

type Direction = keyof Pair['tail'];

interface Trigger {
  direction: Direction;
  marker: string;
  kind: CutKind;
  fire: () => void;
}

/** A loopback TCP proxy in front of a database, cutting its connections on command (fault tests). */
export async function startTcpProxy(target: Endpoint): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const triggers: Trigger[] = [];
  let server: Server | undefined;
  let port = 0;

  const cut = (pair: Pair, kind: CutKind) => {
    pairs.delete(pair);
    pair.upstream.destroy();
    if (kind === 'reset') pair.client.resetAndDestroy();
    else if (kind === 'shutdown') pair.client.end(adminShutdown());
    else pair.client.destroy();
  };
  const cutAll = (kind: CutKind = 'reset') => {
    const live = [...pairs];
    for (const pair of live) cut(pair, kind);
    return live.length;
  };

  const accept = (client: Socket) => {
    const upstream = new Socket();
    const pair: Pair = { client, upstream, tail: { query: '', reply: '' } };
    pairs.add(pair);
    client.pause();
    upstream.connect(target.port, target.host, () => client.resume());
    // Answers whether the chunk may pass; a matching trigger cuts everything instead.
    const pass = (direction: Direction, chunk: Buffer) => {
      const tail = pair.tail[direction];
      const text = tail + chunk.toString('latin1');
      // A match must end in the new bytes: the tail alone matched (or not) when it arrived.
      const seen = (marker: string) =>
        text.indexOf(marker, Math.max(0, tail.length - marker.length + 1)) >= 0;
      const hit = triggers.findIndex((t) => t.direction === direction && seen(t.marker));
      const [trigger] = hit >= 0 ? triggers.splice(hit, 1) : [];
      if (trigger) {
        // Only this connection: the client learns of the cut through the query it is running, so
        // the next request deterministically gets a live (or new) connection.
        cut(pair, trigger.kind);
        trigger.fire();
        return false;
      }
      pair.tail[direction] = text.slice(-256);
      return true;
    };
    client.on('data', (chunk: Buffer) => pass('query', chunk) && upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => pass('reply', chunk) && client.write(chunk));
    const drop = () => {
      if (!pairs.delete(pair)) return;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('error', drop);
    upstream.on('error', drop);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(accept);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const address = s.address();
        if (address && typeof address === 'object') port = address.port;
        server = s;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen();
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    get connections() {
      return pairs.size;
    },
    cutAll,
    cutOnQuery(marker, kind = 'reset') {
      return new Promise((fire) => triggers.push({ direction: 'query', marker, kind, fire }));
    },
    cutOnReply(marker, kind = 'reset') {
      return new Promise((fire) => triggers.push({ direction: 'reply', marker, kind, fire }));
    },
    async down(kind = 'reset') {
      const closed = stopListening();
      cutAll(kind);
      await closed;
    },
    up: listen,
    async close() {
      triggers.length = 0;
      const closed = stopListening();
      cutAll('close');
      await closed;
    },
  };
}

/** ErrorResponse FATAL 57P01, as PostgreSQL sends to every session when it shuts down. */
function adminShutdown(): Buffer {
  const fields = [
    ['S', 'FATAL'],
    ['V', 'FATAL'],
    ['C', '57P01'],
    ['M', 'terminating connection due to administrator command'],
  ];
  const payload = Buffer.concat([
    ...fields.map(([k, v]) => Buffer.from(`${k}${v}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(payload.length + 4, 1);
  return Buffer.concat([header, payload]);
}
