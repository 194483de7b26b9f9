import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import postgres from 'postgres';

/** PostgreSQL's server binaries (Debian's layout) and PgBouncer, as .ci/run installs them. */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PGBOUNCER = process.env.PGBOUNCER ?? '/usr/sbin/pgbouncer';

/** Whether this machine can run the cluster; CI sets HEATMAP_TEST_REPLICAS=required, so it never skips there. */
export function replicaClusterAvailable(): boolean {
  const found =
    ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => existsSync(join(PG_BIN, b))) && existsSync(PGBOUNCER);
  if (!found && process.env.HEATMAP_TEST_REPLICAS === 'required') {
    throw new Error(`replica tests need ${PG_BIN}/{initdb,pg_ctl,pg_basebackup} and ${PGBOUNCER}`);
  }
  return found;
}

export interface ReplicaCluster {
  /** The `heatmap` database on the primary, directly. */
  primaryUrl: string;
  /** The same database on the streaming replica. */
  replicaUrl: string;
  /** The same database through PgBouncer in transaction pooling mode, in front of the primary. */
  bouncerUrl: string;
  /** A superuser connection to the replica's `heatmap` database (pause and resume its replay). */
  replicaAdmin(): postgres.Sql;
  stopReplica(): void;
  startReplica(): void;
  close(): Promise<void>;
}

/**
 * A primary of its own (initdb in a temporary directory), a streaming replica of it made with
 * `pg_basebackup -R`, and PgBouncer (pool_mode = transaction) in front of the primary, each on a free
 * loopback port; the servers run as the `postgres` user when the tests run as root (CI, here).
 * Not a replica of the shared test server: that one holds every other test's and bench's
 * databases, and a base backup copies the whole cluster.
 */
export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const dir = mkdtempSync('/tmp/heatmap-replicas-');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const run = (file: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' })
      : execFileSync(file, args, { stdio: 'pipe' });
  const [primaryPort, replicaPort, bouncerPort] = [await freePort(), await freePort(), await freePort()];
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  let bouncer: ChildProcess | undefined;
  const pgCtl = (data: string, action: string[]) =>
    run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', `${data}.log`, '-w', '-t', '60', ...action]);
  try {
    run(join(PG_BIN, 'initdb'), ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '-N']);
    appendConf(primary, [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      // A test cluster: losing it in a crash costs nothing.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
    ]);
    pgCtl(primary, ['start']);
    run(join(PG_BIN, 'pg_basebackup'), [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres'],
      ...['-D', replica, '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    appendConf(replica, [`port = ${replicaPort}`]);
    pgCtl(replica, ['start']);
    const admin = postgres({
      host: '127.0.0.1',
      port: primaryPort,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      onnotice: () => {},
    });
    await admin`CREATE DATABASE heatmap`;
    await admin.end();

    writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n');
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `heatmap = host=127.0.0.1 port=${primaryPort} dbname=heatmap`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'userlist.txt')}`,
        'pool_mode = transaction',
        // Few server connections, handed out in turn: a client's next transaction lands on another
        // one, as under load, so anything that leans on the session would fail here.
        'default_pool_size = 3',
        'server_round_robin = 1',
        `logfile = ${join(dir, 'pgbouncer.log')}`,
        '',
      ].join('\n'),
    );
    if (asRoot) chownSync(join(dir, 'pgbouncer.ini'), postgresUser().uid, postgresUser().gid);
    bouncer = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' })
      : spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
    await waitForPort(bouncerPort);
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function stopAll() {
    bouncer?.kill('SIGTERM');
    for (const data of [replica, primary]) {
      if (existsSync(join(data, 'postmaster.pid'))) {
        try {
          pgCtl(data, ['stop', '-m', 'immediate']);
        } catch {
          // Already stopped (a test stopped the replica).
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }

  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/heatmap`;
  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    bouncerUrl: url(bouncerPort),
    replicaAdmin: () => postgres(url(replicaPort), { max: 1, onnotice: () => {} }),
    stopReplica: () => pgCtl(replica, ['stop', '-m', 'fast']),
    startReplica: () => pgCtl(replica, ['start']),
    close: stopAll,
  };
}

function appendConf(dataDir: string, lines: string[]): void {
  writeFileSync(join(dataDir, 'postgresql.conf'), `\n${lines.join('\n')}\n`, { flag: 'a' });
}

function postgresUser(): { uid: number; gid: number } {
  const [uid, gid] = execFileSync('id', ['-u', 'postgres'])
    .toString()
    .trim()
    .split('\n')
    .concat(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const sql = postgres({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'heatmap',
      max: 1,
      prepare: false,
      connect_timeout: 1,
      onnotice: () => {},
    });
    try {
      await sql`SELECT 1`;
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await sql.end();
    }
  }
  throw new Error(`nothing answers on port ${port}`);
}
