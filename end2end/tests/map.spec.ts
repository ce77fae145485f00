import { test, expect, ready } from './fixtures';

test('the map page lists the places nearest a chosen area, nearest first', async ({ page }, info) => {
  await page.goto('/map');
  await ready(page, info.project.name);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('离这里最近：云岩区中心');
  const names = page.getByTestId('nearby-list').locator('.org-name__link');
  await expect(names.first()).toHaveText('黔书房公益图书馆');

  await page.getByLabel('看看这附近').selectOption({ label: '金关街道' });
  await page.getByRole('button', { name: '查看附近' }).click();
  await expect(page).toHaveURL(/\/map\?area=yy-jinguan$/);
  await ready(page, info.project.name);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('金关街道');
  await expect(names.first()).toHaveText('黔灵山社区居民委员会');
  await expect(page.getByTestId('nearby-list').locator('li').first()).toContainText('1.7 公里');
  // Each place leads to its page.
  await names.first().click();
  await expect(page).toHaveURL(/\/orgs\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('黔灵山社区居民委员会');
});
