import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { readMapPixels } from './map-pixels';
import { addStaffUser, type StaffAccount, signedInContext } from './staff-session';

const root = resolve(import.meta.dirname, '../..');
const artifacts = resolve(root, 'tests/artifacts');
const DISTRICT = 'XIII. kerület';

let demo: DemoServer;
let browser: Browser;
let admin: BrowserContext;
let municipal: StaffAccount;
/** Personal data that is in the seeded messages: author names and e-mail addresses from the texts. */
let personal: string[];

type HexagonsBody = { res: number; cells: { h3: string; count: number }[] };

function watchErrors(page: Page): void {
  page.on('pageerror', (error) => {
    throw error;
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(artifacts, `${name}.png`) });
}

/** Every response body the page fetched from the API, to look for personal data in. */
function collectApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) {
      response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
    }
  });
  return bodies;
}

/**
 * Polls from the test side. Right after a click on the map, page.waitForFunction and locator waits
 * here never saw the drill-down's items (30 s) although the DOM had them within a second; evaluating
 * from outside sees them. Not understood: recorded in the report.
 */
async function pollPage(page: Page, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Names and e-mails that stand in the text as whole words: an author called "K G" is not in the street
 * "Kék Golyó u.", though "k g" is a substring of it.
 */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return personal.filter((item) => {
    const escaped = item.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(lower);
  });
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  buildWebForProduction();
  demo = await startDemoServer();
  browser = await launchChromium();
  municipal = await addStaffUser(demo.db.sql, 'audience.municipal', 'municipal', [DISTRICT]);
  admin = await signedInContext(
    browser,
    demo.url,
    await addStaffUser(demo.db.sql, 'audience.admin', 'admin'),
  );
  const authors = await demo.db.sql<{ author: string }[]>`
    SELECT DISTINCT author FROM messages
    WHERE author ~ '\\S\\s+\\S' AND author <> 'Anonim Járókelő' LIMIT 2000`;
  const emails = await demo.db.sql<{ email: string }[]>`
    SELECT DISTINCT lower(m[1]) AS email
    FROM messages, regexp_matches(body, '([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})', 'g') AS m`;
  personal = [...authors.map((row) => row.author), ...emails.map((row) => row.email)];
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await demo?.close();
});

describe('three audiences in Chromium on the demo data', () => {
  test('the seeded data holds personal data to look for', () => {
    expect(personal.length).toBeGreaterThan(100);
  });

  test('a municipal user signs in and sees only their district, outlined', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    watchErrors(page);
    const hexagons: { url: string; body: HexagonsBody }[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/v1/hexagons' && response.ok()) {
        hexagons.push({ url: `${url.pathname}${url.search}`, body: (await response.json()) as HexagonsBody });
      }
    });
    await page.goto(`${demo.url}/`);
    const form = page.getByRole('form', { name: 'Вход для сотрудников' });
    await form.getByLabel('Логин').fill(municipal.login);
    await form.getByLabel('Пароль').fill('not the password');
    await form.getByRole('button', { name: 'Войти' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Неверный логин или пароль.');
    await screenshot(page, 'audience-sign-in');
    await form.getByLabel('Пароль').fill(municipal.password);
    await form.getByRole('button', { name: 'Войти' }).click();
    await waitForMap(page);

    // The user menu names the user, the role and the district.
    await page.locator('.user-menu summary').click();
    expect(await page.locator('[data-user="login"]').textContent()).toBe(municipal.login);
    expect(await page.locator('[data-user="role"]').textContent()).toBe('Муниципальный уровень');
    expect(await page.locator('[data-user="districts"]').textContent()).toBe(DISTRICT);
    await page.locator('.user-menu summary').click();

    // The district filter offers the own district only.
    const districtFilter = page.locator('[data-filter="district"]');
    await districtFilter.locator('summary').click();
    expect(await districtFilter.getByRole('checkbox').count()).toBe(1);
    expect(await districtFilter.locator('.filter-group__name').allTextContents()).toEqual([DISTRICT]);
    await districtFilter.locator('summary').click();

    // The map opened on the district: its centre is inside the district's box.
    const meta = (await (await admin.request.get(`${demo.url}/api/v1/meta`)).json()) as {
      districts: { name: string; bbox: number[] }[];
    };
    const [west = 0, south = 0, east = 0, north = 0] =
      meta.districts.find((district) => district.name === DISTRICT)?.bbox ?? [];
    const view = new URL(page.url()).searchParams;
    expect(Number(view.get('lon'))).toBeGreaterThan(west);
    expect(Number(view.get('lon'))).toBeLessThan(east);
    expect(Number(view.get('lat'))).toBeGreaterThan(south);
    expect(Number(view.get('lat'))).toBeLessThan(north);

    // What the page drew is exactly the district's cells: the same request made by an admin with the
    // district named gives the same cells and counts; without it, many more.
    const shown = hexagons.at(-1);
    if (!shown) throw new Error('the page asked for no hexagons');
    const asAdmin = async (url: string) =>
      ((await (await admin.request.get(`${demo.url}${url}`)).json()) as HexagonsBody).cells;
    const named = await asAdmin(`${shown.url}&district=${encodeURIComponent(DISTRICT)}`);
    const everything = await asAdmin(shown.url);
    const byCell = (cells: HexagonsBody['cells']) => cells.map((cell) => `${cell.h3}:${cell.count}`).sort();
    expect(shown.body.cells.length).toBeGreaterThan(10);
    expect(byCell(shown.body.cells)).toEqual(byCell(named));
    expect(everything.length).toBeGreaterThan(named.length * 3);

    const pixels = await readMapPixels(page);
    expect(pixels.scalePixels).toBeGreaterThan(2000);
    // The red outline of the own district (no cell is selected, so this is the district's outline).
    expect(pixels.outlinePixels).toBeGreaterThan(500);
    await screenshot(page, 'audience-municipal');
    await context.close();
  });

  test('/public draws hexagons from the public API, says small counts are hidden, and shows no personal data', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    watchErrors(page);
    const bodies = collectApiBodies(page);
    const staffRequests: string[] = [];
    const timelineRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/public/')) staffRequests.push(path);
      if (path === '/api/v1/public/timeline') timelineRequests.push(request.url());
    });
    await page.goto(`${demo.url}/public?from=2025-03-01&to=2025-04-01`);
    await waitForMap(page);
    // The entry chunk's early timeline read is the one the screen used: it did not ask again.
    expect(timelineRequests).toHaveLength(1);
    const pixels = await readMapPixels(page);
    expect(pixels.scalePixels).toBeGreaterThan(2000);
    expect(await page.getByRole('note').textContent()).toContain('меньше 5 обращений');
    expect(staffRequests).toEqual([]);

    // A cell's drill-down shows category, month and status only, of groups of at least k messages, and
    // says that smaller groups are not listed (a quiet cell's list may be empty).
    if (!pixels.hexPoint) throw new Error('no hexagon to click');
    await page.mouse.click(pixels.hexPoint.x, pixels.hexPoint.y);
    const region = page.getByRole('region', { name: 'Обращения в выбранной ячейке' });
    await pollPage(
      page,
      () =>
        document.querySelectorAll('.drilldown__list li').length > 0 ||
        (document.querySelector('.drilldown__body')?.textContent ?? '').includes('Нет обращений'),
    );
    expect(await region.getByRole('note').textContent()).toContain('не меньше 5');
    const months = await region
      .locator('.message--public time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    expect(months.every((month) => /^\d{4}-\d{2}$/.test(month ?? ''))).toBe(true);
    expect(await region.getByRole('searchbox').count()).toBe(0);
    expect(await region.locator('.message__link, .message__address').count()).toBe(0);
    await screenshot(page, 'audience-public');

    // Share gives the link and the iframe snippet with the same view.
    await page.getByRole('button', { name: 'Поделиться' }).click();
    const snippet = await page.getByLabel('Код для вставки на сайт').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\?[^"]*from=2025-03-01/);
    await screenshot(page, 'audience-share');

    await page.waitForTimeout(500);
    const found = leaks(`${await page.content()}\n${bodies.join('\n')}`);
    expect(found).toEqual([]);
    await context.close();
  });

  test('/embed draws the map without the chrome, with a link to the full map', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 500 } });
    const page = await context.newPage();
    watchErrors(page);
    const bodies = collectApiBodies(page);
    await page.goto(`${demo.url}/embed?from=2025-03-01&to=2025-04-01&lang=en`);
    await waitForMap(page);
    expect((await readMapPixels(page)).scalePixels).toBeGreaterThan(1000);
    expect(await page.locator('.app__header, .sidebar, .summary').count()).toBe(0);
    const full = page.getByRole('link', { name: 'Open the full map' });
    expect(await full.getAttribute('href')).toMatch(/^\/public\?.*from=2025-03-01/);
    await screenshot(page, 'audience-embed');
    await page.waitForTimeout(500);
    expect(leaks(`${await page.content()}\n${bodies.join('\n')}`)).toEqual([]);

    // A link asking for street level gets the public cap: zoom 13 at most, cells of resolution 8.
    const resolutions: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/public/hexagons') resolutions.push(url.searchParams.get('res') ?? '');
    });
    await page.goto(`${demo.url}/embed?lat=47.5&lon=19.05&z=16`);
    await waitForMap(page);
    expect(Number(new URL(page.url()).searchParams.get('z'))).toBeLessThanOrEqual(13);
    expect(resolutions.length).toBeGreaterThan(0);
    expect(new Set(resolutions)).toEqual(new Set(['8']));
    await context.close();
  });

  test('a session that ends while the map is open goes back to sign-in, keeping the view', async () => {
    // Staff reads without a session are 401: that is how the page learns the session ended.
    expect((await fetch(`${demo.url}/api/v1/hexagons`)).status).toBe(401);
    const context = await signedInContext(browser, demo.url, municipal);
    const page = await context.newPage();
    watchErrors(page);
    await page.goto(`${demo.url}/?from=2025-03-01&to=2025-04-01&metric=open`);
    await waitForMap(page);
    await demo.db.sql`DELETE FROM sessions`;
    // Any staff read now gets 401 (the districts view asks /districts): the sign-in form replaces the map.
    await page.getByRole('radio', { name: 'Районы' }).click();
    await page.getByRole('form', { name: 'Вход для сотрудников' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Сеанс завершён. Войдите снова.');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('open');
    await context.close();
  });
});
