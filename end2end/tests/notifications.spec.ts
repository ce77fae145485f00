import { test, expect, ready, jsEnabled, signUp, signIn } from './fixtures';



test.describe('notifications', () => {
  test('being added to a team shows in the inbox; reading it clears the count', async ({ page }, info) => {
    const project = info.project.name;
    const contact = `1340000000${jsEnabled(project) ? 1 : 0}`;
    const name = `新协调员 ${project}`;
    await signUp(page, project, contact, name);
    await expect(page.getByTestId('unread-count')).toHaveCount(0);

    // The demo owner adds the new person to the cooperative (the notification comes from the
    // same server function every feature uses).
    await page.context().clearCookies();
    await signIn(page, project, '13800000003', 'demo-owner');
    await page.getByTestId('my-orgs').getByRole('link', { name: '云岩区邻里互助合作社' }).click();
    await ready(page, project);
    await page.getByRole('link', { name: '编辑资料' }).click();
    await ready(page, project);
    await page.getByLabel('协调员的手机号或邮箱（对方需已注册）').fill(contact);
    await page.getByRole('button', { name: '添加协调员' }).click();
    await expect(page.getByTestId('team-list')).toContainText(name);

    await page.context().clearCookies();
    await signIn(page, project, contact, 'volunteer-2026');
    await expect(page.getByTestId('unread-count')).toHaveText('1');
    await page.getByRole('link', { name: '查看消息' }).click();
    await expect(page).toHaveURL('/me/notifications');
    await ready(page, project);
    const entry = page.getByTestId('inbox').locator('li').first();
    await expect(entry).toContainText('你已被添加为「云岩区邻里互助合作社」的协调员。');
    await expect(page.getByRole('heading', { name: '邮件提醒' })).toBeVisible();

    await entry.getByRole('button').click();
    await expect(page).toHaveURL(/\/orgs\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('云岩区邻里互助合作社');
    await expect(page.getByTestId('unread-count')).toHaveCount(0);
    await page.goto('/me/notifications');
    await expect(page.locator('.inbox__entry--unread')).toHaveCount(0);
  });
});
