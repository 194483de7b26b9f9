import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** In the data directory; PostgreSQL ignores files it does not know there. */
export const LOCK_FILE = 'heatmap.lock';

/** What the lock file says about the process that has the data directory open. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The heatmap command it runs (`serve`, `import`, …), for messages. */
  command: string;
  /** Linux: start time of the process (/proc/PID/stat), so a reused pid is not taken for it. */
  started?: string;
  /** Set once its database answers on this loopback port. */
  port?: number;
  /** Also in its database session (`heatmap.instance`): a guest checks it reached this process. */
  instance?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data directory ${dataDir} is open in another process: heatmap ${holder.command} ` +
        `(pid ${holder.pid} on ${holder.host}). If no such process runs, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

/** Lock files this process holds: its own pid in a lock is stale only if it is not one of these. */
const heldHere = new Set<string>();

/**
 * An exclusive lock on an embedded data directory: PGlite has no lock of its own, and two
 * processes writing one directory destroy it. The file is created with link(), which fails if it
 * exists and never shows a half-written file. A lock whose process is gone (kill -9, a crash) is
 * stale and taken over. Not mtime-based like proper-lockfile: PGlite blocks the event loop for
 * seconds in a large transaction, so a holder could not keep an mtime fresh.
 */
export class DataDirLock {
  private constructor(
    readonly path: string,
    private holder: LockHolder,
  ) {}

  /** Takes the lock or throws DataDirLockedError naming the live holder. */
  static acquire(dataDir: string, command: string): DataDirLock {
    // Absolute, so heldHere knows the directory whichever way it was named.
    const path = join(resolve(dataDir), LOCK_FILE);
    const holder: LockHolder = { pid: process.pid, host: hostname(), command, ...startTime(process.pid) };
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) sleep(20);
      if (createExclusive(path, holder)) {
        heldHere.add(path);
        return new DataDirLock(path, holder);
      }
      const current = readLockFile(path);
      if (current === undefined) continue; // released meanwhile
      if (isAlive(current.holder, path) || attempt > 50)
        throw new DataDirLockedError(dataDir, current.holder);
      removeStale(path, current.text);
    }
  }

  /** Tells guests where the database answers (written atomically over the lock: rename). */
  publish(port: number, instance: string): void {
    this.holder = { ...this.holder, port, instance };
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.holder), { mode: 0o600 });
    renameSync(temp, this.path);
  }

  release(): void {
    heldHere.delete(this.path);
    if (readLockFile(this.path)?.holder.pid === process.pid) unlinkSync(this.path);
  }
}

function createExclusive(path: string, holder: LockHolder): boolean {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readLockFile(path: string): { text: string; holder: LockHolder } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { text, holder: JSON.parse(text) as LockHolder };
}

/**
 * Removes a stale lock unless it changed since it was read. Racing takers serialise on a second
 * lock (`.takeover`), so none of them deletes a lock another one has just created; a takeover
 * lock of a dead process is itself stale.
 */
function removeStale(path: string, staleText: string): void {
  const guardPath = `${path}.takeover`;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: 'takeover',
    ...startTime(process.pid),
  };
  if (!createExclusive(guardPath, me)) {
    const guard = readLockFile(guardPath);
    if (guard && !isAlive(guard.holder, guardPath)) unlinkIfUnchanged(guardPath, guard.text);
    return;
  }
  try {
    unlinkIfUnchanged(path, staleText);
  } finally {
    unlinkSync(guardPath);
  }
}

function unlinkIfUnchanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function isAlive(holder: LockHolder, path: string): boolean {
  // Another machine's process (a shared volume) cannot be checked: assume it runs.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = startTime(holder.pid).started;
  return holder.started === undefined || now === undefined || now === holder.started;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Field 22 of /proc/PID/stat (after the command name, which may hold spaces and parentheses). */
function startTime(pid: number): { started?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return started ? { started } : {};
  } catch {
    return {};
  }
}
