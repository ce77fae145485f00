import { test as base, expect, Page } from '@playwright/test';

// Every test fails if the page logs an error or throws: a page that "looks fine" but is broken
// in the console is broken.
// A test that expects an error status (a 404 page) lists the messages it expects.

// A map tile: one light pixel, stretched. Tests never reach the real tile servers.
export const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4/79/PwAHyAPQ8h5DVgAAAABJRU5ErkJggg==',
  'base64',
);
export const TILE_SERVERS = /tile\.openstreetmap\.org|is\.autonavi\.com|tianditu\.gov\.cn/;

export const test = base.extend<{
  expectedConsoleErrors: RegExp[];
  consoleErrors: string[];
  stubbedTiles: void;
}>({
  expectedConsoleErrors: [[], { option: true }],
  stubbedTiles: [
    async ({ page }, use) => {
      await page.route(TILE_SERVERS, (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG }),
      );
      await use();
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(text))) {
          errors.push(text);
        }
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

export const jsEnabled = (projectName: string) => projectName === 'hydrate';

// With JavaScript, wait until the WASM app has taken over the server-rendered page.
export async function ready(page: Page, projectName: string) {
  if (jsEnabled(projectName)) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  }
}

// Signs up a new resident (password `volunteer-2026`) in a browser with no session, ending on 我的.
export async function signUp(page: Page, projectName: string, contact: string, name: string) {
  await page.context().clearCookies();
  await page.goto('/signup?next=/me');
  await ready(page, projectName);
  await page.getByLabel('手机号或邮箱').fill(contact);
  await page.getByLabel('称呼').fill(name);
  await page.getByLabel('密码').fill('volunteer-2026');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL('/me');
  await expect(page.getByTestId('account-card')).toContainText(name);
}

// Signs in (after ending any session this browser had) and lands on `next`.
export async function signIn(page: Page, projectName: string, contact: string, password: string, next = '/me') {
  await page.context().clearCookies();
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await ready(page, projectName);
  await page.getByLabel('手机号或邮箱').fill(contact);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(next);
  await ready(page, projectName);
}
