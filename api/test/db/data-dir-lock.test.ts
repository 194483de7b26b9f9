import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataDirLock, DataDirLockedError, LOCK_FILE, type LockHolder } from '../../src/db/data-dir-lock';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

function startTimeOf(pid: number): string | undefined {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

describe('DataDirLock', () => {
  let dir: string;
  const lockPath = () => join(dir, LOCK_FILE);
  const writeLock = (holder: Partial<LockHolder>) =>
    writeFileSync(lockPath(), JSON.stringify({ host: hostname(), command: 'serve', ...holder }));
  const readLock = () => JSON.parse(readFileSync(lockPath(), 'utf8')) as LockHolder;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heatmap-lock-unit-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('the first taker holds it; a second open, even in the same process, is refused', () => {
    const lock = DataDirLock.acquire(dir, 'serve');
    expect(readLock()).toMatchObject({ pid: process.pid, command: 'serve' });
    expect(() => DataDirLock.acquire(dir, 'import')).toThrow(DataDirLockedError);
    lock.publish(54321, 'instance-1');
    expect(readLock()).toMatchObject({ pid: process.pid, port: 54321, instance: 'instance-1' });
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    DataDirLock.acquire(dir, 'import').release();
  });

  test('a live process holding it is named in the refusal', () => {
    writeLock({ pid: process.ppid, started: startTimeOf(process.ppid) });
    let refusal: unknown;
    try {
      DataDirLock.acquire(dir, 'import');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as DataDirLockedError).holder.pid).toBe(process.ppid);
    expect((refusal as Error).message).toContain(`heatmap serve (pid ${process.ppid}`);
  });

  test('the lock of a dead process (kill -9) is taken over', () => {
    writeLock({ pid: deadPid() });
    const lock = DataDirLock.acquire(dir, 'import');
    expect(readLock()).toMatchObject({ pid: process.pid, command: 'import' });
    lock.release();
  });

  test('a reused pid (same pid, other start time) or this pid from an earlier life is stale', () => {
    writeLock({ pid: process.ppid, started: 'not-its-start-time' });
    DataDirLock.acquire(dir, 'import').release();
    writeLock({ pid: process.pid, started: 'an-earlier-life' });
    DataDirLock.acquire(dir, 'import').release();
  });

  test('a takeover interrupted by the death of its taker does not block the next one', () => {
    writeLock({ pid: deadPid() });
    writeFileSync(
      `${lockPath()}.takeover`,
      JSON.stringify({ pid: deadPid(), host: hostname(), command: 'takeover' }),
    );
    const lock = DataDirLock.acquire(dir, 'import');
    expect(readLock().pid).toBe(process.pid);
    expect(existsSync(`${lockPath()}.takeover`)).toBe(false);
    lock.release();
  });
});
