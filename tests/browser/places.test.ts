import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForHexagonsDrawn, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { readMapPixels } from './map-pixels';
import { addStaffUser, signedInContext } from './staff-session';

/** A year of the demo data, the whole city in view. */
const VIEW = 'from=2024-01-01&to=2025-01-01&lat=47.49&lon=19.07&z=11';

let demo: DemoServer;
let browser: Browser;
let staff: BrowserContext;

interface Suggestion {
  kind: string;
  name: string;
  bbox: [number, number, number, number];
}

beforeAll(async () => {
  buildWebForProduction();
  demo = await startDemoServer();
  browser = await launchChromium();
  staff = await signedInContext(browser, demo.url, await addStaffUser(demo.db.sql, 'places.admin', 'admin'));
});

afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await demo?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${demo.url}${path}`);
  await waitForMap(page);
  return page;
}

/** The view the page put in its link: centre and zoom. */
function viewOf(page: Page) {
  const params = new URL(page.url()).searchParams;
  return { lat: Number(params.get('lat')), lon: Number(params.get('lon')), z: Number(params.get('z')) };
}

/** Types into the search box, presses Enter, and waits until the link's centre lies in the first suggestion's bounds. */
async function searchAndFly(page: Page, context: BrowserContext, apiPath: string, typed: string) {
  const answer = (await (
    await context.request.get(`${demo.url}${apiPath}?q=${encodeURIComponent(typed)}`)
  ).json()) as { suggestions: Suggestion[] };
  const first = answer.suggestions[0] as Suggestion;
  expect(first, JSON.stringify(answer)).toBeDefined();
  const box = page.getByRole('combobox', { name: 'Найти улицу или район на карте' });
  await box.click();
  await box.pressSequentially(typed);
  await page
    .getByRole('listbox', { name: 'Улица или район' })
    .getByRole('option', { name: new RegExp(first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .waitFor();
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
  await page.keyboard.press('Enter');
  const [west, south, east, north] = first.bbox;
  await page.waitForFunction(
    ({ w, s, e, n }) => {
      const params = new URL(location.href).searchParams;
      const lat = Number(params.get('lat'));
      const lon = Number(params.get('lon'));
      return lon >= w && lon <= e && lat >= s && lat <= n;
    },
    { w: west, s: south, e: east, n: north },
  );
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  // The flight is over when the map is idle again (MapView marks it).
  await page.locator('.map-view[data-idle="true"]').waitFor();
  return { first, after: viewOf(page) };
}

describe('place names and the search box in Chromium on the demo data', () => {
  test('staff: typing a street and pressing Enter flies the map to the cells of its messages', async () => {
    const [street] = await demo.db.sql<{ key: string }[]>`
      SELECT street_key AS key FROM street_spellings ORDER BY n DESC, street_key LIMIT 1`;
    const typed = (street?.key ?? '').split(' ')[0] as string;
    // Start south of the city, so the flight has somewhere to go.
    const page = await open(staff, '/?from=2024-01-01&to=2025-01-01&lat=47.30&lon=19.07&z=11');
    const { first, after } = await searchAndFly(page, staff, '/api/v1/places', typed);
    expect(first.kind).toBe('street');
    // The map fits the street's bounds: its centre is theirs.
    const [west, south, east, north] = first.bbox;
    expect(Math.abs(after.lon - (west + east) / 2)).toBeLessThan(0.002);
    expect(Math.abs(after.lat - (south + north) / 2)).toBeLessThan(0.002);
    await page.close();
  });

  test('staff: Escape closes the list and the arrows move through the suggestions', async () => {
    const page = await open(staff, `/?${VIEW}`);
    const box = page.getByRole('combobox', { name: 'Найти улицу или район на карте' });
    await box.click();
    await box.pressSequentially('kerület');
    await page.getByRole('listbox', { name: 'Улица или район' }).getByRole('option').nth(1).waitFor();
    const firstActive = await box.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).not.toBe(firstActive);
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  test("staff: the drill-down's title is the cell's district and street", async () => {
    const [cell] = await demo.db.sql<{ cell: string }[]>`
      SELECT h3_8::text AS cell FROM messages WHERE street_key <> '' GROUP BY h3_8 ORDER BY count(*) DESC LIMIT 1`;
    const h3 = BigInt(cell?.cell ?? '0').toString(16);
    const page = await open(staff, `/?${VIEW}&cell=${h3}`);
    const answer = (await (
      await staff.request.get(`${demo.url}/api/v1/cells/${h3}/messages?limit=1`)
    ).json()) as {
      place: { label: string; street: string };
    };
    expect(answer.place.street).toBeTruthy();
    const title = page
      .getByRole('region', { name: 'Обращения в выбранной ячейке' })
      .getByRole('heading', { level: 2 });
    await expect.poll(() => title.textContent()).toBe(answer.place.label);
    await page.close();
  });

  test("staff: a hexagon's tooltip is titled with its cell's place once the pointer rests on it", async () => {
    const page = await open(staff, `/?${VIEW}`);
    await waitForHexagonsDrawn(page);
    const point = (await readMapPixels(page)).hexPoint;
    if (!point) throw new Error('no hexagon on screen');
    const answered = page.waitForResponse((r) => /\/api\/v1\/cells\/[0-9a-f]+\/messages\?/.test(r.url()));
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    const body = (await (await answered).json()) as { place: { label: string | null } };
    expect(body.place.label).toBeTruthy();
    await expect.poll(() => tooltip.locator('strong').textContent()).toBe(body.place.label);
    await page.close();
  });

  test('public: the search box finds a district and flies to its outline', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await open(context, `/public?${VIEW}`);
    const { first } = await searchAndFly(page, context, '/api/v1/public/places', 'XII');
    expect(first).toMatchObject({ kind: 'district', name: 'XII. kerület' });
    await context.close();
  });
});
