/**
 * How far a streaming replica falls behind during an import (not part of `pnpm bench`):
 * `npx tsx api/test/support/replica-lag.ts [messages]`. Makes the test cluster (a primary and its
 * pg_basebackup -R replica on this machine: replica-cluster.ts), loads the shipped districts, imports
 * generated city messages into the primary as `heatmap generate` does, and every 250 ms reads the WAL the
 * replica has not replayed yet and the data_version each side holds. Prints the import's rate and WAL, the
 * lag in bytes, how long each data_version took to reach the replica, and how long after the import the
 * replica caught up.
 */

import postgres from 'postgres';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { startReplicaCluster } from './replica-cluster';
import { shippedGenerated } from './store-generated';

const total = Number(process.argv[2] ?? 1_000_000);
const TZ = 'Europe/Budapest';
const cluster = await startReplicaCluster();
try {
  const primary = await openDatabase({ url: cluster.primaryUrl });
  await migrate(primary.sql);
  await loadDistrictsFile(primary.sql, shippedDistrictsFile, 'NAME');
  const replica = postgres(cluster.replicaUrl, { max: 1, onnotice: () => {} });
  const probe = postgres(cluster.primaryUrl, { max: 1, onnotice: () => {} });
  const version = (sql: postgres.Sql) =>
    sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`.then((r) =>
      Number(r[0]?.value ?? 0),
    );
  const [start] = await probe<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  const t0 = performance.now();
  const seenOnPrimary = new Map<number, number>();
  const seenOnReplica = new Map<number, number>();
  const behind: number[] = [];
  let importEnded: number | null = null;
  let caughtUp: number | null = null;
  const sample = async () => {
    const [p] = await probe<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    const primaryVersion = await version(probe);
    const [r] = await replica<{ bytes: string }[]>`
      SELECT pg_wal_lsn_diff(${p?.lsn ?? '0/0'}::pg_lsn, pg_last_wal_replay_lsn())::text AS bytes`;
    const replicaVersion = await version(replica);
    const now = performance.now() - t0;
    if (!seenOnPrimary.has(primaryVersion)) seenOnPrimary.set(primaryVersion, now);
    if (!seenOnReplica.has(replicaVersion)) seenOnReplica.set(replicaVersion, now);
    behind.push(Math.max(0, Number(r?.bytes ?? 0)));
    if (importEnded !== null && replicaVersion === primaryVersion && Number(r?.bytes ?? 1) <= 0)
      caughtUp = now;
  };
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  // Two years to 2025-11-01, the same window as the earlier runs.
  const messages = await shippedGenerated({
    count: total,
    seed: 42,
    from: '2023-11-02T00:00:00Z',
    to: '2025-11-01T00:00:00Z',
    timezone: TZ,
  });
  await upsertGenerated(primary, messages, TZ);
  importEnded = performance.now() - t0;
  while (caughtUp === null) await new Promise((resolve) => setTimeout(resolve, 100));
  sampling = false;
  await sampler;
  const [end] = await probe<{ wal: string }[]>`
    SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ${start?.lsn ?? '0/0'}::pg_lsn)::text AS wal`;
  // How long each data_version the sampler saw on both sides took from the primary to the replica.
  const delays = [...seenOnReplica]
    .filter(([v]) => seenOnPrimary.has(v) && v > 0)
    .map(([v, at]) => at - (seenOnPrimary.get(v) as number));
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const seconds = importEnded / 1000;
  console.log(`${total} messages imported in ${seconds.toFixed(0)} s (${Math.round(total / seconds)} msg/s)`);
  console.log(
    `WAL written: ${mb(Number(end?.wal ?? 0))} MB (${(Number(end?.wal ?? 0) / total).toFixed(0)} B a message)`,
  );
  console.log(
    `replay behind, ${behind.length} samples: p50 ${mb(pct(behind, 0.5))} MB, p95 ${mb(pct(behind, 0.95))} MB, max ${mb(Math.max(...behind))} MB`,
  );
  console.log(
    `data_version primary -> replica, ${delays.length} versions: p50 ${(pct(delays, 0.5) / 1000).toFixed(1)} s, max ${(Math.max(0, ...delays) / 1000).toFixed(1)} s`,
  );
  console.log(
    `replica caught up ${((caughtUp - importEnded) / 1000).toFixed(1)} s after the import's last commit`,
  );
  await replica.end();
  await probe.end();
  await primary.close();
} finally {
  await cluster.close();
}
