import { test, expect, ready, jsEnabled, baseURL, signUp } from './fixtures';

// Both projects share one server: each test signs up with its own number.
function phone(projectName: string, n: number) {
  return `139${jsEnabled(projectName) ? 1 : 0}${String(n).padStart(7, '0')}`;
}


test.describe('accounts', () => {
  // A refused form answers 401/403/409, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 40[139]/] });

  test('sign up, sign out, wrong password, sign in', async ({ page }, info) => {
    const contact = phone(info.project.name, 1);
    await signUp(page, info.project.name, contact, '李明');

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL('/');
    await page.goto('/me');
    await expect(page.getByTestId('account-card')).toHaveCount(0);

    await page.goto('/signin?next=/me');
    await ready(page, info.project.name);
    await page.getByLabel('手机号或邮箱').fill(contact);
    await page.getByLabel('密码').fill('not-my-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toHaveText('手机号/邮箱或密码不正确，请再试一次。');
    await ready(page, info.project.name); // a refused form comes back as a new page

    await page.getByLabel('手机号或邮箱').fill(contact);
    await page.getByLabel('密码').fill('volunteer-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL('/me');
    await expect(page.getByTestId('account-card')).toContainText('李明');
  });

  test('a number already registered gets a clear message', async ({ page }, info) => {
    const contact = phone(info.project.name, 2);
    await signUp(page, info.project.name, contact, '王芳');
    await page.context().clearCookies();
    await page.goto('/signup');
    await ready(page, info.project.name);
    await page.getByLabel('手机号或邮箱').fill(contact);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.getByRole('alert')).toContainText('已经注册过了');
  });

  test('change the password, then delete the account', async ({ page }, info) => {
    const contact = phone(info.project.name, 3);
    await signUp(page, info.project.name, contact, '张伟');

    await page.getByLabel('当前密码').fill('volunteer-2026');
    await page.getByLabel('新密码').fill('new-password-2027');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByRole('status')).toContainText('密码已修改');
    await expect(page.getByTestId('account-card')).toContainText('张伟');

    await page.getByLabel('输入密码以确认').fill('volunteer-2026');
    await page.getByRole('button', { name: '注销账号' }).click();
    await expect(page.getByRole('alert')).toHaveText('当前密码不正确。');
    await ready(page, info.project.name); // a refused form comes back as a new page
    await page.getByLabel('输入密码以确认').fill('new-password-2027');
    await page.getByRole('button', { name: '注销账号' }).click();
    await expect(page).toHaveURL('/');
    await page.goto('/me');
    await expect(page.getByTestId('account-card')).toHaveCount(0);
  });

  test('in English, a wrong password is explained in English', async ({ page, context }, info) => {
    await context.addCookies([{ name: 'lang', value: 'en', url: baseURL }]);
    await page.goto('/signin');
    await ready(page, info.project.name);
    await page.getByLabel('Mobile number or email').fill('13700000000');
    await page.getByLabel('Password').fill('whatever-it-is');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'The mobile number/email or the password is not right. Please try again.',
    );
  });
});
