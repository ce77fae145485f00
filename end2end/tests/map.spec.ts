import { test, expect, ready, jsEnabled, TILE_SERVERS } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { DEMO } from './demo';

/// Clicks `pin` until its card opens: the layers follow every keystroke, so a pin found a moment
/// ago may have been redrawn by the time it is clicked.
async function openCard(page: Page, pin: Locator): Promise<Locator> {
  const card = page.getByTestId('map-card');
  await expect(async () => {
    await pin.click({ timeout: 2_000 });
    await expect(card).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  return card;
}

test('without JavaScript the map page lists the places nearest a chosen area, nearest first', async ({ page }, info) => {
  test.skip(jsEnabled(info.project.name), 'the list instead of the map is the page without JavaScript');
  await page.goto('/map');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('离这里最近：云岩区中心');
  const names = page.getByTestId('nearby-list').locator('.org-name__link');
  // Nearest first (other tests add events to the same server, so the order of known places is
  // what is checked): a community resource before organisations further away.
  const before = async (near: string, far: string) => {
    const all = await names.allTextContents();
    expect(all.indexOf(near)).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(near)).toBeLessThan(all.indexOf(far));
  };
  await expect(page.getByTestId('nearby-list')).toContainText(DEMO.library);
  await before(DEMO.fridge, DEMO.library);
  await expect(page.getByTestId('map-canvas')).toBeHidden();

  await page.getByLabel('看看这附近').selectOption({ label: DEMO.jinguan });
  await page.getByRole('button', { name: '查看附近' }).click();
  await expect(page).toHaveURL(/\/map\?area=yy-jinguan$/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText(DEMO.jinguan);
  // An upcoming clean-up on the hill path is nearest, then the committee's office.
  await expect(page.getByTestId('nearby-list')).toContainText(DEMO.hillCommittee);
  await expect(names.first()).toHaveText(DEMO.hillCleanup);
  await expect(page.getByTestId('nearby-list').locator('li').first()).toContainText('1.6 公里');
  await before(DEMO.hillCleanup, DEMO.hillCommittee);
  // Each place leads to its page.
  await names.first().click();
  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO.hillCleanup);
});

test.describe('with JavaScript', () => {
  test.beforeEach(async ({ page }, info) => {
    test.skip(!jsEnabled(info.project.name), 'the interactive map needs JavaScript');
    await page.goto('/map');
    await ready(page, info.project.name);
  });

  test('the map shows markers from the server, and the list follows the visible area', async ({ page }) => {
    const canvas = page.getByTestId('map-canvas');
    await expect(canvas.locator('.leaflet-tile-loaded').first()).toBeVisible();
    await expect(canvas.locator('.map-pin').first()).toBeVisible();
    const count = page.getByTestId('in-view-count');
    await expect(count).toContainText('地图范围内的地点：');
    const inView = Number((await count.textContent())!.replace(/\D/g, ''));
    expect(inView).toBeGreaterThan(0);
    // The list holds the nearest 40 of them.
    await expect(page.getByTestId('visible-list').locator('li')).toHaveCount(Math.min(inView, 40));
    // The no-JavaScript list is replaced by the one that follows the map.
    await expect(page.getByTestId('nearby-list')).toBeHidden();

    // Zoomed out, the places gather into clusters whose numbers add up to what is in view.
    const zoomOut = page.getByRole('button', { name: '缩小' });
    for (let i = 0; i < 4; i++) await zoomOut.click();
    const cluster = canvas.locator('.map-cluster').first();
    await expect(cluster).toBeVisible();
    // Once the map has settled after its zoom animation:
    await expect
      .poll(async () => {
        const total = Number((await count.textContent())!.replace(/\D/g, ''));
        const clustered = await canvas
          .locator('.map-cluster')
          .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.textContent), 0));
        const singles = await canvas.locator('.map-pin').count();
        return clustered + singles === total && total > 0;
      })
      .toBe(true);
    // Tapping a cluster zooms in to its places; where other tests have added places, one tap may
    // still show smaller clusters, and tapping on reaches places that stand alone. (Another cluster
    // may overlap the tapped one on screen: the tap goes to the cluster's own element.)
    const pins = canvas.locator('.map-pin');
    await expect(async () => {
      if ((await pins.count()) === 0) await canvas.locator('.map-cluster').first().dispatchEvent('click');
      await expect(pins.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  });

  test('a layer toggle, the category filter and search change what shows', async ({ page }) => {
    const canvas = page.getByTestId('map-canvas');
    const markers = canvas.locator('.map-pin, .map-cluster');
    await expect(markers.first()).toBeVisible();
    const orgs = page.getByRole('checkbox', { name: '组织机构' });
    const resources = page.getByRole('checkbox', { name: '社区资源' });
    const events = page.getByRole('checkbox', { name: '活动' });
    await page.getByRole('checkbox', { name: '闲置物品' }).uncheck();
    await page.getByRole('checkbox', { name: '邻里帮帮' }).uncheck();
    await events.uncheck();
    const list = page.getByTestId('visible-list').locator('li');
    // Organisations off: only community resources are left, squares on the map.
    await orgs.uncheck();
    await expect(list.filter({ hasText: DEMO.library })).toHaveCount(0);
    await expect(list.filter({ hasText: DEMO.fridge })).toHaveCount(1);
    await expect(canvas.locator('.map-pin--orgs')).toHaveCount(0);
    await resources.uncheck();
    await expect(markers).toHaveCount(0);
    await expect(page.getByTestId('in-view-count')).toContainText('：0');
    await orgs.check();
    await resources.check();
    await expect(markers.first()).toBeVisible();
    // Events on: their categories join the filter.
    await events.check();
    await page.getByLabel('类别').selectOption({ label: '环保' });
    // The list follows once the map has fetched the filtered view.
    await expect
      .poll(async () => {
        const texts = await list.allTextContents();
        return texts.length > 0 && texts.every((text) => text.includes('环保'));
      })
      .toBe(true);
    await events.uncheck();

    await page.getByLabel('类别').selectOption({ label: '社区居委会' });
    await expect(list.first()).toContainText('社区居民委员会');
    for (const text of await list.allTextContents()) expect(text).toContain('社区居委会');

    await page.getByLabel('类别').selectOption({ value: '' });
    await page.getByLabel('搜索地点').fill(DEMO.libraryWord);
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText(DEMO.library);
  });

  test('a marker opens a card that leads to the place', async ({ page }) => {
    // The library's own events happen in its rooms: leave them out to find the library alone.
    await page.getByRole('checkbox', { name: '活动' }).uncheck();
    await page.getByLabel('搜索地点').fill(DEMO.libraryWord);
    const pin = page.getByTestId('map-canvas').locator('.map-pin');
    // One pin, and the one the search found (not one left from before the answer came).
    await expect(pin).toHaveCount(1);
    await expect(pin).toHaveAttribute('title', /图书馆/);
    const card = await openCard(page, pin);
    await expect(card).toContainText(DEMO.library);
    await card.getByRole('link', { name: '查看详情' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO.library);
  });

  test('things to give are a layer of their own and lead to their listing', async ({ page }) => {
    const canvas = page.getByTestId('map-canvas');
    for (const name of ['组织机构', '活动', '社区资源', '邻里帮帮']) {
      await page.getByRole('checkbox', { name }).uncheck();
    }
    await page.getByLabel('类别').selectOption({ label: '母婴儿童' });
    await expect(canvas.locator('.map-pin--items, .map-cluster').first()).toBeVisible();
    await expect(canvas.locator('.map-pin--orgs, .map-pin--events, .map-pin--resources')).toHaveCount(0);
    await page.getByLabel('搜索地点').fill(DEMO.pram);
    const pin = canvas.locator('.map-pin--items');
    await expect(pin).toHaveCount(1);
    await expect(pin).toHaveAttribute('title', /婴儿推车/);
    const card = await openCard(page, pin);
    await expect(card).toContainText(DEMO.pram);
    await card.getByRole('link', { name: '查看详情' }).click();
    await expect(page).toHaveURL(/\/items\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO.pram);
  });

  test('neighbours who made their place public are a layer of their own, named only as they agreed', async ({ page }) => {
    const canvas = page.getByTestId('map-canvas');
    for (const name of ['组织机构', '活动', '社区资源', '闲置物品']) {
      await page.getByRole('checkbox', { name }).uncheck();
    }
    const list = page.getByTestId('visible-list').locator('li');
    await expect(canvas.locator('.map-pin--help, .map-cluster').first()).toBeVisible();
    await page.getByLabel('搜索地点').fill(DEMO.auntWang);
    await expect(canvas.locator('.map-pin--help')).toHaveCount(1);
    await expect(list.first()).toContainText('邻里服务');
    // A member who withdrew their name shows by what they offer.
    await page.getByLabel('搜索地点').fill(DEMO.uncleZhao);
    await expect(list).toHaveCount(0);
    await page.getByLabel('搜索地点').fill('下象棋');
    await expect(canvas.locator('.map-pin--help')).toHaveCount(1);
    await expect(canvas.locator('.map-pin--help')).toHaveAttribute('title', /下象棋/);
    const card = await openCard(page, canvas.locator('.map-pin--help'));
    await card.getByRole('link', { name: '查看详情' }).click();
    await expect(page).toHaveURL(/\/help\/\d+$/);
    await expect(page.getByTestId('member-services')).toContainText(DEMO.chess);
  });

  test('switching to 高德 Amap keeps the markers on the same streets', async ({ page }) => {
    const canvas = page.getByTestId('map-canvas');
    await page.getByRole('checkbox', { name: '活动' }).uncheck();
    await page.getByLabel('搜索地点').fill(DEMO.libraryWord);
    const pin = canvas.locator('.map-pin');
    await expect(pin).toHaveCount(1);
    const amapTiles = page.waitForRequest(/is\.autonavi\.com/);
    await page.getByLabel('底图').selectOption({ label: '高德地图' });
    await amapTiles;
    // The view moves with the tiles' offset, so the pin stays where it was on screen.
    await expect(pin).toHaveCount(1);
    await expect(canvas.locator('.leaflet-tile[src*="autonavi"]').first()).toBeVisible();
  });
});

test.describe('when the tile server cannot be reached', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test('the markers still show, with a note that the base map is unavailable', async ({ page }, info) => {
    test.skip(!jsEnabled(info.project.name), 'the interactive map needs JavaScript');
    await page.route(TILE_SERVERS, (route) => route.abort('internetdisconnected'));
    await page.goto('/map');
    await ready(page, info.project.name);
    await expect(page.getByText('底图暂时无法加载，地点照常显示。')).toBeVisible();
    await expect(page.getByTestId('map-canvas').locator('.map-pin').first()).toBeVisible();
  });
});
