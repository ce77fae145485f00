import { test, expect, ready, jsEnabled, publishEvent } from './fixtures';

// A weekly series through the organisers' forms: made weeks ahead, one occurrence edited for
// itself and all later ones, then the rest of the series cancelled.
test('a coordinator runs a weekly series: edits all later occurrences and cancels the rest', async ({ page }, info) => {
  const project = info.project.name;
  const title = `每周读书会 ${jsEnabled(project) ? 'js' : 'nojs'}`;
  const first = await publishEvent(page, project, title, '8', undefined, async (form) => {
    await form.getByLabel('重复', { exact: true }).selectOption('weekly');
  });
  await expect(page.getByTestId('series-rule')).toHaveText(/^每周[一二三四五六日]$/);
  // Eight weeks ahead: the next seven are listed.
  const others = page.getByTestId('series-others').getByRole('link');
  await expect(others).toHaveCount(7);

  // The second one, and every one after it, gets a new title.
  await others.first().click();
  await expect(page).toHaveURL(/\/events\/\d+$/);
  const second = new URL(page.url()).pathname;
  await ready(page, project);
  await page.getByTestId('organiser-tools').getByRole('link', { name: '编辑活动' }).click();
  await ready(page, project);
  await expect(page.getByTestId('edit-scope')).toContainText('系列活动：每周');
  await page.getByLabel('活动名称').fill(`${title}（新址）`);
  await page.getByLabel('这一场及以后所有场次').check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(`${second}?done=saved`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}（新址）`);
  await page.getByTestId('series-others').getByRole('link').last().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}（新址）`);
  await page.goto(first);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Cancelling the second and all later ones ends the series after the first.
  await page.goto(second);
  await ready(page, project);
  await page.getByLabel('我确认要取消这个活动，并通知所有已报名的人。').check();
  await page.getByLabel('同时取消以后所有场次（系列结束）').check();
  await page.getByTestId('cancel-event').click();
  await expect(page.getByRole('status')).toContainText('活动已取消');
  await page.goto(first);
  await expect(page.getByTestId('series-rule')).toBeVisible();
  await expect(page.getByTestId('series-others')).toHaveCount(0);
});
