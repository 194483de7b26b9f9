import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, WebGL through SwiftShader (see shared stack notes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Waits until deck.gl has drawn at least `after` + 1 frames and MapLibre is idle. */
export async function waitForMap(page: Page, after = 0): Promise<void> {
  await page.waitForFunction(
    (minimum) => {
      const map = document.querySelector<HTMLElement>('.map-view');
      return (
        map !== null &&
        Number(map.dataset.frames ?? 0) > minimum &&
        map.dataset.idle === 'true' &&
        document.querySelector('.map-region')?.getAttribute('data-loading') === 'false'
      );
    },
    after,
    { timeout: 60_000, polling: 100 },
  );
}

/** The hexagon layer's deck.gl id (HEX_LAYER_ID in web/src/map/layers/hex-layer.ts). */
export const HEXAGON_LAYER_ID = 'message-hexagons';

/**
 * Waits for the first frame in which deck.gl drew the hexagons: MapView lists each frame's drawn
 * layers in `data-drawn-layers` (from deck.gl's per-layer draw filter), so a frame of basemap or
 * labels alone does not count. Checked every animation frame, so at most one frame late.
 */
export async function waitForHexagonsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    (layerId) =>
      (document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '')
        .split(' ')
        .includes(layerId),
    HEXAGON_LAYER_ID,
    { polling: 'raf', timeout: 60_000 },
  );
}

export async function frameCount(page: Page): Promise<number> {
  return page.$eval('.map-view', (element) => Number((element as HTMLElement).dataset.frames ?? 0));
}
