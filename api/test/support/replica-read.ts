/**
 * Replica read against primary read, same data, same machine (not part of `pnpm bench`):
 * `npx tsx api/test/support/replica-read.ts [messages]`. Makes the test cluster (a primary, its
 * pg_basebackup -R replica: api/test/support/replica-cluster.ts), loads synthetic messages, then asks
 * two apps, one reading from the replica and one from the primary, the same uncached /hexagons
 * windows in turn, and prints p50/p95 of each.
 */

import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { IDENTITY_MAPPING } from '../../src/ingest/field-mapping';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { buildTestApp } from '../routes/app-helper';
import { startReplicaCluster } from './replica-cluster';

const total = Number(process.argv[2] ?? 100_000);
const cluster = await startReplicaCluster();
try {
  const viaReplica = await openDatabase({
    url: cluster.primaryUrl,
    topology: { readUrls: [cluster.replicaUrl], poolMode: 'session' },
  });
  const viaPrimary = await openDatabase({ url: cluster.primaryUrl });
  await migrate(viaPrimary.sql);
  let seed = 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let done = 0; done < total; done += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, total - done) }, (_, i) => ({
      record: {
        id: `b${done + i}`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + random() * 364 * 86_400_000).toISOString(),
        category: ['roads', 'waste', 'lighting', 'parks'][Math.floor(random() * 4)],
        lat: 47.4 + random() * 0.2,
        lon: 18.95 + random() * 0.25,
      },
    }));
    await ingestRecords(viaPrimary.sql, batch, {
      mapping: IDENTITY_MAPPING,
      source: 'bench',
      timezone: 'Europe/Budapest',
    });
  }
  const apps = { replica: await buildTestApp(viaReplica), primary: await buildTestApp(viaPrimary) };
  const replicaSql = viaReplica.replicas?.replicas[0]?.sql;
  if (!replicaSql) throw new Error('no replica');
  // Wait until the replica holds every message.
  for (;;) {
    const [row] = await replicaSql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
    if (row?.n === total) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const times: Record<keyof typeof apps, number[]> = { replica: [], primary: [] };
  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(2025, 1, 1) + (i % 200) * 86_400_000).toISOString().slice(0, 10);
    for (const name of ['replica', 'primary'] as const) {
      // A distinct window per request and app: every one misses the response cache.
      const url = `/api/v1/hexagons?res=8&from=2025-01-0${name === 'replica' ? 1 : 2}&to=${day}&category=roads${i >= 200 ? ',waste' : ''}`;
      const started = performance.now();
      const response = await apps[name].inject({ url });
      times[name].push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.body}`);
    }
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]?.toFixed(1);
  for (const name of ['replica', 'primary'] as const) {
    console.log(
      `${name}: ${times[name].length} uncached /hexagons, p50 ${pct(times[name], 0.5)} ms, p95 ${pct(times[name], 0.95)} ms`,
    );
  }
  await apps.replica.close();
  await apps.primary.close();
  await viaReplica.close();
  await viaPrimary.close();
} finally {
  await cluster.close();
}
