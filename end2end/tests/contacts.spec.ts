import { test, expect, ready, jsEnabled, signUp, typeSentCode } from './fixtures';

// Both projects share one server: each test uses its own numbers.
function phone(projectName: string, n: number) {
  return `135${jsEnabled(projectName) ? 1 : 0}${String(n).padStart(7, '0')}`;
}

test.describe('codes to a phone', () => {
  // A refused code answers 400, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test('sign in with a code instead of the password', async ({ page }, info) => {
    const project = info.project.name;
    const contact = phone(project, 1);
    await signUp(page, project, contact, '用验证码的邻居');
    await expect(page.getByTestId('my-contact')).toContainText('已验证');

    await page.context().clearCookies();
    await page.goto('/signin?next=/events');
    await ready(page, project);
    await page.getByRole('link', { name: '用验证码登录' }).click();
    await expect(page).toHaveURL('/signin/code?next=%2Fevents');
    await ready(page, project);
    await typeSentCode(page, project, contact);
    await expect(page.getByTestId('code-sent')).toContainText(`${contact.slice(0, 3)}****${contact.slice(7)}`);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/events');
    await page.goto('/me');
    await expect(page.getByTestId('account-card')).toContainText('用验证码的邻居');
  });

  test('a wrong code is refused next to the form', async ({ page }, info) => {
    const project = info.project.name;
    const contact = phone(project, 2);
    await signUp(page, project, contact, '输错的邻居');
    await page.context().clearCookies();
    await page.goto('/signin/code');
    await ready(page, project);
    await typeSentCode(page, project, contact);
    const right = await page.getByLabel('验证码', { exact: true }).inputValue();
    await page.getByLabel('验证码', { exact: true }).fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('验证码不正确，请再试一次。');
  });

  test('reset a forgotten password', async ({ page }, info) => {
    const project = info.project.name;
    const contact = phone(project, 3);
    await signUp(page, project, contact, '忘了密码的邻居');
    await page.context().clearCookies();
    await page.goto('/signin');
    await ready(page, project);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page).toHaveURL('/signin/reset');
    await ready(page, project);
    await typeSentCode(page, project, contact);
    await page.getByLabel('新密码').fill('remembered-2027');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await expect(page).toHaveURL('/me?changed=password');
    await expect(page.getByRole('status')).toContainText('密码已修改');

    await page.context().clearCookies();
    await page.goto('/signin?next=/me');
    await ready(page, project);
    await page.getByLabel('手机号或邮箱').fill(contact);
    await page.getByLabel('密码', { exact: true }).fill('remembered-2027');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL('/me');
  });

  test('change the phone number', async ({ page }, info) => {
    const project = info.project.name;
    const old = phone(project, 4);
    const next = phone(project, 5);
    await signUp(page, project, old, '换号的邻居');
    await page.getByRole('link', { name: '更换手机号或邮箱' }).click();
    await expect(page).toHaveURL('/me/contact');
    await ready(page, project);    await typeSentCode(page, project, next);
    await page.getByLabel('当前密码').fill('volunteer-2026');
    await page.getByRole('button', { name: '确认' }).click();
    await expect(page).toHaveURL('/me?changed=contact');
    await expect(page.getByRole('status')).toContainText('已验证');
    await expect(page.getByTestId('my-contact')).toContainText(next);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('sign up and sign in with codes', async ({ page }, info) => {
    const project = info.project.name;
    const contact = phone(project, 6);
    await page.goto('/signup?next=/me');
    await ready(page, project);
    await typeSentCode(page, project, contact, 'Mobile number or email', 'Send me a code', 'Code');
    await expect(page.getByTestId('code-sent')).toContainText('It works for 5 minutes');
    await page.getByLabel('Name').fill('Neighbour');
    await page.getByLabel('Password').fill('volunteer-2026');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL('/me');
    await expect(page.getByTestId('my-contact')).toContainText('Verified');

    await page.context().clearCookies();
    await page.goto('/signin/code?next=/me');
    await ready(page, project);
    await typeSentCode(page, project, contact, 'Mobile number or email', 'Send me a code', 'Code');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/me');
    await expect(page.getByTestId('account-card')).toContainText('Neighbour');
  });
});

test.describe('text messages', () => {
  test('choose which notices come by SMS', async ({ page }, info) => {
    const project = info.project.name;
    await signUp(page, project, phone(project, 7), '收短信的邻居');
    await page.goto('/me/notifications');
    await ready(page, project);
    const card = page.getByTestId('sms-choices');
    await expect(page.getByRole('heading', { name: '短信提醒' })).toBeVisible();
    await expect(card.getByRole('button', { name: '关闭短信' })).toHaveCount(3);
    await card.getByRole('listitem').filter({ hasText: '我报名的活动' }).getByRole('button', { name: '关闭短信' }).click();
    await expect(card.getByRole('listitem').filter({ hasText: '我报名的活动' })).toContainText('不发短信');
    await expect(card.getByRole('button', { name: '关闭短信' })).toHaveCount(2);
    // Kept: seen again after a reload.
    await page.reload();
    await expect(page.getByTestId('sms-choices').getByRole('button', { name: '开启短信' })).toHaveCount(1);
  });
});
