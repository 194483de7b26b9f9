import { seedTestData } from '@heatmap/api/test-support';
import { wallSoak } from '@heatmap/tests/wall-soak';

/**
 * The wall display left running: an accelerated run of BENCH_WALL_CYCLES cycles (default 2,000,
 * about half an hour on two cores) in headless Chromium, JS heap after forced GC sampled throughout.
 */
export async function wallBenchSuite() {
  await seedTestData();
  const cycles = Number(process.env.BENCH_WALL_CYCLES ?? 2000);
  const result = await wallSoak({ cycles });
  console.log(result);
  return { cycles, result };
}
