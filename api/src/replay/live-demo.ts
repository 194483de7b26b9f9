import { daysUntilYesterday, localDate } from '@heatmap/geo';
import { readBoolean } from '../auth/auth-config';
import { ConfigError } from '../config/config-error';
import type { Database } from '../db/database';
import { lastLocalDay, messagesSince } from '../queries/replay-source-query';
import { createApiKey, revokeApiKey } from '../repositories/api-keys-repository';
import { shiftMessageDays } from '../repositories/messages-repository';
import { replayEvents } from './replay-plan';
import { runReplay } from './replay-runner';

/** The source the live demo writes: its messages are told apart from the archive in every filter. */
export const LIVE_DEMO_SOURCE = 'demo-live';
const YEAR_MS = 365 * 86_400_000;
/** A year of the demo city is ~20k messages: one read, replayed in a loop. */
const MAX_EVENTS_READ = 50_000;

/**
 * Old demo data looks dead on a wall that shows "today": moves it so its last local day is
 * yesterday. Returns the days moved (0: already recent).
 */
export async function bringDemoHistoryUpToDate(
  db: Database,
  timezone: string,
  now = new Date(),
): Promise<number> {
  const last = await lastLocalDay(db.sql);
  if (last === null) return 0;
  const days = daysUntilYesterday(last, localDate(now, timezone));
  if (days > 0) await db.sql.begin((tx) => shiftMessageDays(tx as unknown as typeof db.sql, days, timezone));
  return days;
}

export interface LiveDemo {
  stop(): Promise<void>;
}

/**
 * Keeps the demo alive while the server runs: replays what happened in the city from a year ago on,
 * `speed` times faster, through the server's own HTTP API, as new messages of source `demo-live`
 * stamped with the moment they are sent (new ids each round, so the archive is never overwritten).
 * The key it writes with exists only while it runs.
 */
export async function startLiveDemo(
  db: Database,
  options: { url: string; speed: number; log?: (line: string) => void },
): Promise<LiveDemo> {
  const { key, apiKey } = await createApiKey(db.sql, {
    name: `demo-live-${Date.now()}`,
    source: LIVE_DEMO_SOURCE,
    scope: 'write',
    districtNames: [],
    label: 'live demo replay (revoked when the server stops)',
  });
  const stop = new AbortController();
  const loop = (async () => {
    for (let round = Date.now(); !stop.signal.aborted; round = Date.now()) {
      const messages = await messagesSince(db.sql, new Date(round - YEAR_MS), MAX_EVENTS_READ);
      const fresh = messages
        .filter((m) => !m.externalId.startsWith('live-'))
        .map((m) => ({ ...m, externalId: `live-${round}-${m.externalId}` }));
      if (fresh.length === 0) return;
      options.log?.(`live demo: replaying ${fresh.length} messages of the past year at ${options.speed}x`);
      await runReplay(replayEvents(fresh), {
        url: options.url,
        key,
        speed: options.speed,
        shiftToNow: true,
        signal: stop.signal,
      });
    }
  })().catch((error: unknown) => options.log?.(`live demo stopped: ${(error as Error).message}`));
  return {
    async stop() {
      stop.abort();
      await loop;
      await revokeApiKey(db.sql, { id: apiKey.id });
    },
  };
}

/** HEATMAP_DEMO_LIVE (default on; off, no, 0 or false turn it off) and HEATMAP_DEMO_SPEED (default 60). */
export function liveDemoSettings(env: NodeJS.ProcessEnv): { speed: number } | undefined {
  if (!readBoolean(env, 'HEATMAP_DEMO_LIVE', true)) return undefined;
  const speed = Number(env.HEATMAP_DEMO_SPEED ?? 60);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new ConfigError(`HEATMAP_DEMO_SPEED must be a number above 0, got "${env.HEATMAP_DEMO_SPEED}"`);
  }
  return { speed };
}
