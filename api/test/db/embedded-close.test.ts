import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCK_FILE, type LockHolder } from '../../src/db/data-dir-lock';
import { connectEmbedded, openDatabase } from '../../src/db/database';

/** Resolves once the port refuses new connections. */
async function refusing(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('closing an embedded database another process is using', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'heatmap-close-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("waits for the other connection's transaction to finish, then closes and unlocks", async () => {
    const holder = await openDatabase({ dataDir: dir });
    await holder.sql`CREATE TABLE t (x int)`;
    const { port } = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder;
    const guest = connectEmbedded(port as number);
    let closing: Promise<void> | undefined;
    await guest.begin(async (tx) => {
      await tx`INSERT INTO t VALUES (1)`;
      closing = holder.close();
      // The holder takes no new connections now, and this one carries on.
      await refusing(port as number);
      await tx`INSERT INTO t VALUES (2)`;
    });
    await guest.end();
    await closing;
    const reopened = await openDatabase({ dataDir: dir });
    expect(await reopened.sql`SELECT x FROM t ORDER BY x`).toEqual([{ x: 1 }, { x: 2 }]);
    await reopened.close();
  });
});
