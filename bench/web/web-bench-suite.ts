import seedTestData from '../../api/test/global-setup';
import { javascriptGzipBytes, webSuite } from '../../tests/browser/web-benchmark';

/**
 * The web app in headless Chromium on the Járókelő demo data (the seeded test template, built
 * here when missing): first hexagons, playback FPS, slider step to frame, JS size, with targets.
 */
export async function webBenchSuite() {
  await seedTestData();
  const figures = await webSuite();
  const jsGzipBytes = javascriptGzipBytes();
  console.log(figures, { jsGzipBytes });
  return {
    figures: { ...figures, jsGzipBytes },
    targets: { firstHexagonsMs: 1500, jsGzipBytes: 900 * 1024 },
  };
}
