import { createUser, hashPassword, type Role, type Sql } from '@heatmap/api';
import type { Browser, BrowserContext } from 'playwright-core';

export interface StaffAccount {
  login: string;
  password: string;
}

/** A user in the test database, as `pnpm heatmap user add` would make it. */
export async function addStaffUser(
  sql: Sql,
  login: string,
  role: Role,
  districtNames: string[] = [],
): Promise<StaffAccount> {
  const password = `pw-${login}-0123456789`;
  await createUser(sql, { login, role, passwordHash: await hashPassword(password), districtNames });
  return { login, password };
}

/**
 * A browser context already signed in through the real login route: the session and CSRF cookies land
 * in the context's cookie jar, as after the sign-in form.
 */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  account: StaffAccount,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const response = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: account });
  if (!response.ok()) throw new Error(`sign-in as ${account.login} failed: ${response.status()}`);
  return context;
}
