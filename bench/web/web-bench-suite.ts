import { seedTestData } from '@heatmap/api/test-support';
import { webSuite } from '@heatmap/tests/web-benchmark';

/**
 * The web app in headless Chromium on the Járókelő demo data (the seeded test template, built
 * here when missing): first hexagons, playback FPS, slider step to frame, JS size, with targets.
 * Measures web/dist as built: build it for production first.
 */
export async function webBenchSuite() {
  await seedTestData();
  const figures = await webSuite();
  console.log(figures);
  return { figures, targets: { firstHexagonsMs: 1500, javascriptGzipBytes: 900 * 1024 } };
}
