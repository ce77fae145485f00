import { test, expect, ready, signIn } from './fixtures';

// 邻里帮帮 shows each person only what the members agreed to show them.
test.describe('邻里帮帮 cards', () => {
  test('a visitor sees the public cards, filters them and opens one', async ({ page }, info) => {
    const project = info.project.name;
    await page.goto('/help');
    await ready(page, project);
    const cards = page.getByTestId('member-card');
    await expect(cards.filter({ hasText: '王阿姨' })).toContainText('缝补改衣');
    await expect(cards.filter({ hasText: '王阿姨' })).toContainText('¥10');
    // Residents-only and unconsented members are not shown to visitors.
    await expect(page.locator('main')).not.toContainText('张奶奶');
    await expect(page.locator('main')).not.toContainText('小杨');

    await page.locator('summary', { hasText: '更多筛选' }).click();
    await page.getByLabel('看什么').selectOption({ label: '只看需要的帮助' });
    await page.getByTestId('apply-filters').click();
    await expect(page).toHaveURL(/offers=needs/);
    await expect(cards.filter({ hasText: '李师傅' })).toHaveCount(0);
    await expect(cards.filter({ hasText: '王阿姨' })).toContainText('每周帮忙买一次菜');

    await cards.filter({ hasText: '王阿姨' }).getByRole('link', { name: '王阿姨' }).click();
    await expect(page.getByTestId('member-name')).toHaveText('王阿姨');
    await expect(page.getByTestId('member-services')).toContainText('手工鞋垫');
    await expect(page.getByTestId('member-availability')).toHaveText('工作日上午');
    await expect(page.getByTestId('situation-note')).toHaveCount(0);
  });

  test('a signed-in resident also sees residents-only cards; the coordinator sees the note', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, '13800000001', 'demo-resident', '/help');
    await expect(page.getByTestId('member-card').filter({ hasText: '张奶奶' })).toContainText('帮忙到医院取药');
    await expect(page.locator('main')).not.toContainText('小杨');

    await signIn(page, project, '13800000003', 'demo-owner', '/help');
    const private_card = page.getByTestId('member-card').filter({ hasText: '小杨' });
    await expect(private_card).toContainText('手工串珠饰品');
    await private_card.getByRole('link', { name: '小杨' }).click();
    await expect(page.getByTestId('situation-note')).toContainText('轮椅使用者');
  });
});
