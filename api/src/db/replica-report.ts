import { primaryWalLsn } from '../queries/replica-health-query';
import type { Sql } from './database';
import { type ReadReplicas, type ReplicaStatus, withTimeout } from './read-replicas';

export interface DatabaseReport {
  role: 'primary' | 'replica';
  name?: string;
  status: ReplicaStatus;
  reason?: string;
  lagSeconds?: number;
  /** How much WAL the primary has written that the replica has not replayed yet. */
  lagBytes?: number;
}

/** The primary and every replica as /readyz shows them, each replica asked now. */
export async function databaseReport(primary: Sql, replicas: ReadReplicas): Promise<DatabaseReport[]> {
  const [primaryLsn] = await Promise.all([
    withTimeout(primaryWalLsn(primary), 1_000).catch(() => null),
    replicas.checkAll(),
  ]);
  const report: DatabaseReport[] = [
    primaryLsn === null ? { role: 'primary', status: 'unreachable' } : { role: 'primary', status: 'ok' },
  ];
  for (const replica of replicas.replicas) {
    report.push({
      role: 'replica',
      name: replica.name,
      status: replica.status,
      ...(replica.reason !== undefined && { reason: replica.reason }),
      ...(replica.lagSeconds !== null && { lagSeconds: replica.lagSeconds }),
      ...(primaryLsn !== null &&
        replica.replayLsn !== null &&
        replica.status !== 'unreachable' && { lagBytes: walDistance(primaryLsn, replica.replayLsn) }),
    });
  }
  return report;
}

/** Bytes from WAL position `to` up to `from` (`X/Y` hex halves of a 64-bit position); 0 if `to` is ahead. */
export function walDistance(from: string, to: string): number {
  const distance = lsnValue(from) - lsnValue(to);
  return distance > 0n ? Number(distance) : 0;
}

function lsnValue(lsn: string): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}
