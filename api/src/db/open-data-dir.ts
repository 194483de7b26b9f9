import { DataDirLockedError, type LockHolder } from './data-dir-lock';
import { connectEmbedded, type Database, INSTANCE_SETTING, openDatabase } from './database';

export interface OpenedDataDir {
  db: Database;
  /** How this process reached the data, for the command's output. */
  route: string;
}

export interface OpenDataDirOptions {
  /** `serve`: refuse a directory another process has open instead of going through it. */
  exclusive?: boolean;
  /** How long to wait for a holder that is still starting or closing. */
  waitMs?: number;
  onWait?: (message: string) => void;
}

const RETRY_MS = 250;

/**
 * An embedded data directory is open in one process only. If another heatmap process has it open
 * (its lock is live), this one goes through that process's database on its loopback port;
 * otherwise it opens the directory and holds the lock itself. Never two opens.
 */
export async function openDataDir(dataDir: string, options: OpenDataDirOptions = {}): Promise<OpenedDataDir> {
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  let waiting = false;
  for (;;) {
    let locked: DataDirLockedError;
    try {
      const db = await openDatabase({ dataDir });
      return { db, route: `opened ${dataDir} in this process` };
    } catch (error) {
      if (!(error instanceof DataDirLockedError) || options.exclusive) throw error;
      locked = error;
    }
    const { holder } = locked;
    const db = await connectToHolder(holder);
    if (db) {
      return {
        db,
        route: `through the running heatmap ${holder.command} (pid ${holder.pid}), which has ${dataDir} open`,
      };
    }
    // Still starting (no port yet) or closing (port gone, lock not yet released).
    if (Date.now() > deadline) throw locked;
    if (!waiting)
      options.onWait?.(
        `waiting for heatmap ${holder.command} (pid ${holder.pid}) to open or close ${dataDir}`,
      );
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** The holder's database, if it answers on the port its lock names as that very process. */
async function connectToHolder(holder: LockHolder): Promise<Database | undefined> {
  if (!holder.port || !holder.instance) return undefined;
  const sql = connectEmbedded(holder.port);
  try {
    const [row] = await sql<{ instance: string | null }[]>`
      SELECT current_setting(${INSTANCE_SETTING}, true) AS instance`;
    if (row?.instance === holder.instance) {
      return { sql, kind: 'embedded', close: () => sql.end({ timeout: 5 }) };
    }
  } catch (error) {
    if (!isConnectionError(error)) {
      await sql.end({ timeout: 1 });
      throw error;
    }
  }
  await sql.end({ timeout: 1 });
  return undefined;
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'CONNECTION_CLOSED' ||
    code === 'CONNECTION_ENDED'
  );
}
