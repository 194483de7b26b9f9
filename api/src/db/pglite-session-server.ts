import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol request
const QUERY = 0x51; // 'Q': a simple query is a whole request
const TERMINATE = 0x58; // 'X'
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);
const ROLLBACK_MESSAGE = simpleQuery('ROLLBACK');

/**
 * PGlite is one session; every connection's messages run in it. pglite-socket's own queue keeps
 * a transaction block to one connection but interleaves the messages of requests outside one, so
 * another connection's Bind could replace the unnamed portal between a Bind and its Execute, or
 * its error make PGlite skip the other's messages until Sync. Here a connection keeps the session
 * from its first message until a request ends (Sync, a simple query, the startup packet) outside a
 * transaction block: whole requests and whole transactions, never pieces.
 */
export class SessionQueue {
  private readonly queue: Pending[] = [];
  private owner: number | undefined;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const pending = this.queue[i] as Pending;
      if (pending.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      pending.reject(new Error('Handler disconnected'));
    }
  }

  /** A connection gone mid-request or mid-transaction: roll its work back and free the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      // As if its backend ended: ROLLBACK aborts a transaction block or a request's implicit
      // transaction; after an error PGlite skips it, and Sync then ends the failed request.
      await this.db.execProtocolRaw(ROLLBACK_MESSAGE);
      await this.db.execProtocolRaw(SYNC_MESSAGE);
      if (this.db.isInTransaction()) await this.db.execProtocolRaw(ROLLBACK_MESSAGE);
    });
    this.owner = undefined;
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner === undefined ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        const next = index >= 0 ? this.queue[index] : undefined;
        if (!next) return;
        this.queue.splice(index, 1);
        this.owner = next.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (error) {
          // The handler drops its connection on this; clearTransactionIfNeeded frees the session.
          next.reject(error);
          continue;
        }
        if (endsRequest(next.message) && !this.db.isInTransaction()) this.owner = undefined;
        next.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`);
  const message = Buffer.alloc(5 + body.length);
  message[0] = QUERY;
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

function endsRequest(message: Uint8Array): boolean {
  const type = message[0];
  // A startup packet begins with its length (< 16 MB), so its first byte is 0, never a type letter.
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

/**
 * PGlite on a loopback port for postgres.js: this process's pool and, through the data directory's
 * lock file, other heatmap processes (see data-dir-lock.ts).
 */
export class PGliteSessionServer {
  private readonly handlers = new Set<PGLiteSocketHandler>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(db: PGlite, maxConnections: number): Promise<PGliteSessionServer> {
    const queue = new SessionQueue(db);
    const server = createServer();
    server.maxConnections = maxConnections;
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('PGlite socket did not listen');
    const sessions = new PGliteSessionServer(server, address.port);
    server.on('connection', (socket) => {
      const handler = new PGLiteSocketHandler({
        // The handler calls only enqueue, clearQueueForHandler and clearTransactionIfNeeded.
        queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'],
        closeOnDetach: true,
      });
      sessions.handlers.add(handler);
      const forget = () => sessions.handlers.delete(handler);
      handler.addEventListener('close', forget);
      handler.addEventListener('error', forget);
      void handler.attach(socket);
    });
    return sessions;
  }

  get connections(): number {
    return this.handlers.size;
  }

  /**
   * Stops taking connections, waits for those still open (another process's command running
   * through this one) to end, then closes. The caller ends its own pool first.
   */
  async stop(onWait?: (connections: number) => void): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.handlers.size > 0) onWait?.(this.handlers.size);
    while (this.handlers.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await closed;
  }
}
