import { test, expect, ready, jsEnabled } from './fixtures';
import { COORDINATOR, DEMO, RESIDENT } from './demo';

test.describe('community resources', () => {
  // A refused form answers 4xx, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 40[0-9]/] });

  test('a coordinator adds a resource from the organisation page, then edits it; it is on the map', async ({ page }, info) => {
    const project = info.project.name;
    const name = `社区共享雨伞站 ${jsEnabled(project) ? 'js' : 'nojs'}`;
    await page.goto('/signin?next=/me');
    await ready(page, project);
    await page.getByLabel('手机号或邮箱').fill(COORDINATOR.contact);
    await page.getByLabel('密码', { exact: true }).fill(COORDINATOR.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/me');
    await page.getByTestId('my-orgs').getByRole('link', { name: DEMO.sunshine }).click();
    await ready(page, project);
    await page.getByRole('link', { name: '添加社区资源' }).click();
    await expect(page).toHaveURL(/\/resources\/new\?org=\d+$/);
    await ready(page, project);
    // The organisation the coordinator came from is chosen already.
    await expect(page.getByLabel('运营机构')).toHaveValue(/\d+/);
    await expect(page.getByLabel('运营机构').locator('option:checked')).toHaveText(DEMO.sunshine);

    await page.getByLabel('资源类型').selectOption({ label: '共享物品站' });
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByLabel('地址').fill('贵阳市云岩区中华北路 230 号');
    if (jsEnabled(project)) {
      const picker = page.getByTestId('location-picker');
      await expect(picker.locator('.leaflet-tile-loaded').first()).toBeVisible();
      await picker.click();
      await expect(page.getByTestId('picked-location')).toContainText('已选位置：');
    } else {
      // Without a place the form is refused with a clear message.
      await page.getByRole('button', { name: '添加社区资源' }).click();
      await expect(page.getByRole('alert')).toContainText('请在地图上点选位置，或填写纬度和经度。');
      await page.getByLabel('资源类型').selectOption({ label: '共享物品站' });
      await page.getByLabel('名称', { exact: true }).fill(name);
      await page.getByLabel('纬度').fill('26.5870');
      await page.getByLabel('经度').fill('106.7120');
    }
    await page.getByRole('button', { name: '添加社区资源' }).click();
    await expect(page).toHaveURL(/\/resources\/\d+\?done=saved$/);
    await expect(page.getByRole('status')).toContainText('已保存');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.facts')).toContainText(DEMO.sunshine);
    const resourceUrl = page.url().replace(/\?.*$/, '');

    await ready(page, project);
    await page.getByRole('link', { name: '编辑社区资源' }).click();
    await expect(page).toHaveURL(/\/resources\/\d+\/edit$/);
    await ready(page, project);
    await page.getByLabel('开放时间').fill('每天 9:00–18:00');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveURL(`${resourceUrl}?done=saved`);
    await expect(page.locator('.facts')).toContainText('每天 9:00–18:00');

    // It is in the open data, and the map API finds it.
    const feed = await (await page.request.get('/api/v1/resources.geojson')).json();
    expect(feed.features.some((f: { properties: { name: string } }) => f.properties.name === name)).toBe(true);
    const view = await page.request.get(
      `/api/map/view?south=26.5&west=106.6&north=26.7&east=106.8&zoom=14&q=${encodeURIComponent(name)}`,
    );
    expect((await view.json()).total).toBe(1);
  });

  test('a resident may not add resources', async ({ page }, info) => {
    const project = info.project.name;
    await page.goto('/signin?next=/resources/new');
    await ready(page, project);
    await page.getByLabel('手机号或邮箱').fill(RESIDENT.contact);
    await page.getByLabel('密码', { exact: true }).fill(RESIDENT.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/resources/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('你没有权限打开这个页面');
    expect((await page.request.get('/resources/new')).status()).toBe(403);
  });
});
