import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCommand } from '../../src/cli/generate-command';
import { UsageError } from '../../src/cli/usage';
import type { PlantedTruth } from '../../src/generate/planted-clusters';
import { testConfig } from '../routes/app-helper';

describe('generate --plant', () => {
  test('writes the background, the planted messages and the truth beside --out, the same for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heatmap-plant-'));
    const run = async (name: string) => {
      const out = join(dir, name);
      await generateCommand(undefined, testConfig(), {
        count: 3000,
        seed: 9,
        from: '2024-09-02',
        to: '2024-12-23',
        out,
        plant: 2,
      });
      return { lines: readFileSync(out, 'utf8'), truth: readFileSync(`${out}.truth.json`, 'utf8') };
    };
    const a = await run('a.ndjson');
    const truth = JSON.parse(a.truth) as PlantedTruth;
    expect(truth.hotspots).toHaveLength(2);
    expect(truth.emerging).toHaveLength(2);
    expect(truth.to).toBe('2024-12-22T23:00:00.000Z');
    const extra = [...truth.hotspots, ...truth.emerging].reduce(
      (n, c) => n + c.cells.length * c.windows.reduce((m, w) => m + w.extraPerCell, 0),
      0,
    );
    const ids = a.lines
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.filter((id) => id.startsWith('gen-9-'))).toHaveLength(3000);
    expect(ids.filter((id) => id.startsWith('plant-9-'))).toHaveLength(extra);
    expect(ids).toHaveLength(3000 + extra);
    expect(await run('b.ndjson')).toEqual(a);
  });

  test('a plant count that is not a positive integer is a usage error', async () => {
    await expect(
      generateCommand(undefined, testConfig(), { count: 10, seed: 1, out: '/dev/null', plant: 0 }),
    ).rejects.toThrow('--plant must be a positive integer');
  });

  test('more clusters than the districts hold, or a range shorter than four weeks, is a usage error', async () => {
    const run = (plant: number, from: string) =>
      generateCommand(undefined, testConfig(), {
        count: 10,
        seed: 1,
        from,
        to: '2024-12-23',
        out: '/dev/null',
        plant,
      });
    const tooMany = run(50, '2024-09-02');
    await expect(tooMany).rejects.toThrow(/--plant: cannot fit 50 planted clusters/);
    await expect(tooMany).rejects.toBeInstanceOf(UsageError);
    await expect(run(1, '2024-12-01')).rejects.toThrow('--plant: the range must be at least four weeks long');
  });
});
