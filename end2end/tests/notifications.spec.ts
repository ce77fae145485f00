import { test, expect, ready, jsEnabled, signUp, signIn } from './fixtures';
import { DEMO, OWNER } from './demo';



test.describe('notifications', () => {
  test('an invitation to a team waits in the inbox until accepted; reading it clears the count', async ({ page }, info) => {
    const project = info.project.name;
    const contact = `1340000000${jsEnabled(project) ? 1 : 0}`;
    const name = `新协调员 ${project}`;
    await signUp(page, project, contact, name);
    await expect(page.getByTestId('unread-count')).toHaveCount(0);

    // The demo owner invites the new person to the cooperative: nobody joins without saying yes.
    await signIn(page, project, OWNER.contact, OWNER.password);
    await page.getByTestId('my-orgs').getByRole('link', { name: DEMO.coop }).click();
    await ready(page, project);
    await page.getByRole('link', { name: '编辑资料' }).click();
    await ready(page, project);
    await page.getByLabel('协调员的手机号或邮箱').fill(contact);
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByRole('status')).toHaveText('邀请已发出。对方接受后会加入团队。');
    await expect(page.getByTestId('sent-invitations')).toContainText(contact);
    await expect(page.getByTestId('team-list')).not.toContainText(name);

    await signIn(page, project, contact, 'volunteer-2026');
    await expect(page.getByTestId('unread-count')).toHaveText('1');
    await page.getByRole('link', { name: '查看消息' }).click();
    await expect(page).toHaveURL('/me/notifications');
    await ready(page, project);
    const entry = page.getByTestId('inbox').locator('li').first();
    await expect(entry).toContainText('「云岩区邻里互助合作社」邀请你成为协调员，请在「我的」里答复。');
    await expect(page.getByRole('heading', { name: '邮件提醒' })).toBeVisible();
    const invitation = page.getByTestId('invitations');
    await expect(invitation).toContainText(`邀请你成为「${DEMO.coop}」的协调员`);

    await invitation.getByRole('button', { name: '接受' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\?done=joined$/);
    await expect(page.getByRole('status')).toHaveText('你已加入团队，成为协调员。');
    await expect(page.getByRole('link', { name: '编辑资料' })).toBeVisible();

    await page.goto('/me/notifications');
    await ready(page, project);
    await expect(page.getByTestId('invitations')).toHaveCount(0);
    await page.getByTestId('inbox').locator('li').first().getByRole('button').click();
    await expect(page).toHaveURL(/\/me(#invitations)?$/);
    await expect(page.getByTestId('unread-count')).toHaveCount(0);
    await page.goto('/me/notifications');
    await expect(page.locator('.inbox__entry--unread')).toHaveCount(0);
  });
});
