import type { Sql } from '../db/database';
import {
  maintenanceVersions,
  type RelaidTable,
  recordMaintenance,
  relayPreAggregates,
} from '../repositories/pre-aggregate-layout';

export interface MaintainOptions {
  /** See RelayOptions.lockTimeoutMs. */
  lockTimeoutMs?: number;
  out: (line: string) => void;
}

/**
 * `maintain`: re-lays the pre-aggregates in key order when messages changed since the last time, so a
 * nightly cron line costs nothing on a quiet night. A table another transaction holds (an import) is
 * skipped and the run is not recorded: the next one does it again.
 */
export async function maintainCommand(sql: Sql, options: MaintainOptions): Promise<void> {
  const { maintained, current } = await maintenanceVersions(sql);
  if (maintained === current) {
    options.out(`nothing changed since the last maintenance (data version ${current})`);
    return;
  }
  const started = performance.now();
  const results = await relayPreAggregates(sql, {
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
    onTable: (result) => options.out(describe(result)),
  });
  const busy = results.filter((r) => 'busy' in r);
  const relaid = results.filter((r): r is Exclude<RelaidTable, { busy: true }> => !('busy' in r));
  const before = relaid.reduce((sum, r) => sum + r.pagesBefore, 0);
  const after = relaid.reduce((sum, r) => sum + r.pagesAfter, 0);
  const seconds = (performance.now() - started) / 1000;
  options.out(
    `re-laid ${relaid.length} pre-aggregates in ${seconds.toFixed(1)} s: ${before} pages -> ${after}`,
  );
  if (busy.length > 0) {
    options.out(`${busy.length} busy (another transaction held them): run maintain again later`);
    return;
  }
  await recordMaintenance(sql, current);
}

function describe(result: RelaidTable): string {
  if ('busy' in result) return `  ${result.table}: busy, skipped`;
  return `  ${result.table}: ${result.pagesBefore} -> ${result.pagesAfter} pages, ${result.seconds.toFixed(1)} s`;
}
