import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { connectEmbedded, type Sql } from '../../src/db/database';
import { PGliteSessionServer } from '../../src/db/pglite-session-server';

/** A bare wire-protocol client: sends single messages and reads the replies, to stop mid-request. */
class RawClient {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | undefined;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
  }

  static async connect(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const client = new RawClient(socket);
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8 + params.length);
    startup.writeInt32BE(startup.length, 0);
    startup.writeInt32BE(196608, 4);
    params.copy(startup, 8);
    socket.write(startup);
    await client.readUntil('Z');
    return client;
  }

  send(type: string, ...fields: (string | number)[]): void {
    const parts = fields.map((f) => {
      if (typeof f === 'number') {
        const b = Buffer.alloc(2);
        b.writeInt16BE(f);
        return b;
      }
      return Buffer.from(`${f}\0`);
    });
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(4 + body.length, 1);
    this.socket.write(Buffer.concat([head, body]));
  }

  /** Message types and bodies up to and including the first of type `last`. */
  async readUntil(last: string): Promise<{ type: string; body: Buffer }[]> {
    const messages: { type: string; body: Buffer }[] = [];
    for (;;) {
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const length = this.buffer.readInt32BE(1);
        const message = {
          type: String.fromCharCode(this.buffer[0] as number),
          body: this.buffer.subarray(5, 1 + length),
        };
        this.buffer = this.buffer.subarray(1 + length);
        messages.push(message);
        if (message.type === last) return messages;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}

describe('PGlite session server: one connection at a time, whole requests and transactions', () => {
  let db: PGlite;
  let server: PGliteSessionServer;
  let other: Sql;
  let raw: RawClient | undefined;

  beforeEach(async () => {
    db = await PGlite.create({ dataDir: 'memory://' });
    await db.exec('CREATE TABLE t (x int)');
    server = await PGliteSessionServer.start(db, 4);
    other = connectEmbedded(server.port);
  });
  afterEach(async () => {
    raw?.socket.destroy();
    await other.end({ timeout: 1 });
    await server.stop();
    await db.close();
  });

  test("another connection's query does not run between a Bind and its Execute", async () => {
    raw = await RawClient.connect(server.port);
    raw.send('P', '', "SELECT 'mine' AS who", 0);
    raw.send('B', '', '', 0, 0, 0);
    raw.send('H');
    expect((await raw.readUntil('2')).map((m) => m.type)).toEqual(['1', '2']);
    // On pglite-socket's own queue this query ran here, replacing the unnamed portal above.
    const theirs = other`SELECT 'theirs' AS who`;
    await Promise.race([theirs, new Promise((resolve) => setTimeout(resolve, 1000))]);
    raw.send('E', '', 0, 0);
    raw.send('S');
    // ParameterStatus ('S') may come at any time; the rest must be this query's own answer.
    const reply = (await raw.readUntil('Z')).filter((m) => m.type !== 'S');
    expect(reply.map((m) => m.type)).toEqual(['D', 'C', 'Z']);
    expect(reply[0]?.body.toString()).toContain('mine');
    expect(await theirs).toEqual([{ who: 'theirs' }]);
  });

  test('a connection gone between an Execute and its Sync commits nothing', async () => {
    raw = await RawClient.connect(server.port);
    raw.send('P', '', 'INSERT INTO t VALUES (1)', 0);
    raw.send('B', '', '', 0, 0, 0);
    raw.send('E', '', 0, 0);
    raw.send('H');
    expect((await raw.readUntil('C')).map((m) => m.type)).toEqual(['1', '2', 'C']);
    raw.socket.destroy();
    expect(await other`SELECT count(*)::int AS n FROM t`).toEqual([{ n: 0 }]);
  });

  test('a connection gone inside a transaction block: rolled back, the session is free', async () => {
    raw = await RawClient.connect(server.port);
    raw.send('Q', 'BEGIN; INSERT INTO t VALUES (2)');
    await raw.readUntil('Z');
    raw.socket.destroy();
    expect(await other`SELECT count(*)::int AS n FROM t`).toEqual([{ n: 0 }]);
    await other`INSERT INTO t VALUES (3)`;
    expect(await other`SELECT x FROM t`).toEqual([{ x: 3 }]);
  });
});
