import { describe, expect, test } from 'vitest';
import { ConfigError } from '../config/config-error';
import { openDatabase } from './database';
import { loadDatabaseTopology } from './database-config';

describe('loadDatabaseTopology', () => {
  test('DATABASE_READ_URL without DATABASE_URL stops the start: the embedded PGlite has no replicas', () => {
    expect(() => loadDatabaseTopology({ DATABASE_READ_URL: 'postgres://r1/heatmap' })).toThrow(ConfigError);
    expect(() => loadDatabaseTopology({ DATABASE_READ_URL: 'postgres://r1/heatmap' })).toThrow(
      /DATABASE_URL is not set: the embedded PGlite database has no replicas/,
    );
  });

  test('one or more replicas, comma-separated, blanks ignored', () => {
    expect(
      loadDatabaseTopology({
        DATABASE_URL: 'postgres://p/heatmap',
        DATABASE_READ_URL: ' postgres://r1/heatmap, ,postgresql://r2:6432/heatmap',
      }),
    ).toEqual({ readUrls: ['postgres://r1/heatmap', 'postgresql://r2:6432/heatmap'], poolMode: 'session' });
    expect(loadDatabaseTopology({})).toEqual({ readUrls: [], poolMode: 'session' });
  });

  test('a pooler in transaction mode is named; anything else is refused with the variable named', () => {
    expect(loadDatabaseTopology({ DATABASE_POOL_MODE: 'Transaction' }).poolMode).toBe('transaction');
    expect(() => loadDatabaseTopology({ DATABASE_POOL_MODE: 'statement' })).toThrow(
      /DATABASE_POOL_MODE must be/,
    );
    expect(() =>
      loadDatabaseTopology({ DATABASE_URL: 'postgres://p/h', DATABASE_READ_URL: 'r1:5432' }),
    ).toThrow(/DATABASE_READ_URL must list postgres:\/\/ URLs/);
  });

  test('the embedded backend refuses replicas given in code too', async () => {
    await expect(
      openDatabase({ topology: { readUrls: ['postgres://r1/heatmap'], poolMode: 'session' } }),
    ).rejects.toThrow(/embedded database has none/);
  });
});
