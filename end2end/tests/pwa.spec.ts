import { test, expect, ready, jsEnabled } from './fixtures';
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, RESIDENT } from './demo';

// The service worker needs JavaScript; these run in the "hydrate" project only.
test.beforeEach(({}, info) => test.skip(!jsEnabled(info.project.name), 'needs JavaScript'));

test('Chromium finds nothing that stops the site from being installed', async ({ baseURL }) => {
  // A normal context counts as incognito, where nothing is installable: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'yunyixiang-pwa-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test.describe('offline', () => {
  // Pages asked for while offline fail to load before the worker answers; Chromium logs that.
  test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/] });

  test('after one visit the shell and the offline page work without a network', async ({ page, context }, info) => {
    await page.goto('/');
    await ready(page, info.project.name);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Once the worker controls the page, a reload stores the home page for later.
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('云益享');
    await page.goto('/orgs?q=never-visited');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('现在没有网络');
    await context.setOffline(false);
  });

  test('a signed-in page is never kept: after sign-out it is not there offline', async ({ page, context }, info) => {
    const project = info.project.name;
    await page.goto('/signin?next=/me');
    await ready(page, project);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await ready(page, project);
    await page.getByLabel('手机号或邮箱').fill(RESIDENT.contact);
    await page.getByLabel('密码', { exact: true }).fill(RESIDENT.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/me');
    await page.reload();
    await expect(page.getByTestId('account-card')).toContainText(DEMO.residentShort);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL('/');

    await context.setOffline(true);
    await page.goto('/me');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('现在没有网络');
    await expect(page.getByText(DEMO.residentShort)).toHaveCount(0);
    await context.setOffline(false);
  });
});

test('the install hint offers the browser prompt, and stays away once dismissed', async ({ page }, info) => {
  // Chromium offers installation by firing `beforeinstallprompt`; stand in for it.
  const offer = () =>
    page.evaluate(() => {
      const w = window as unknown as { prompted: boolean };
      w.prompted = false;
      const event = new Event('beforeinstallprompt', { cancelable: true });
      Object.assign(event, { prompt: () => { w.prompted = true; return Promise.resolve(); } });
      window.dispatchEvent(event);
    });
  await page.goto('/');
  await ready(page, info.project.name);
  const hint = page.getByTestId('install-hint');
  await expect(hint).toHaveCount(0);

  await offer();
  await expect(hint).toContainText('把云益享放到手机桌面');
  await hint.getByRole('button', { name: '安装' }).click();
  expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(true);
  await expect(hint).toHaveCount(0);

  await offer();
  await hint.getByRole('button', { name: '不用了' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await ready(page, info.project.name);
  await offer();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expect(hint).toHaveCount(0);
});
