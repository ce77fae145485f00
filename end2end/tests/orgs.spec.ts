import { test, expect, ready, jsEnabled, baseURL, signUp, signIn as signInTo, typeSentCode } from './fixtures';
import type { Page } from '@playwright/test';
import { ADMIN, COORDINATOR, DEMO, OWNER, RESIDENT } from './demo';

// Words of each language the flow looks for.
const words = {
  zh: {
    contact: '手机号或邮箱', name: '称呼', password: '密码', signUp: '注册', signIn: '登录',
    signOut: '退出登录', register: '登记机构', kind: '机构类型', orgName: '机构名称',
    lat: '纬度', lng: '经度', creditCode: '统一社会信用代码', verify: '认证通过',
    unverified: '未认证', verified: '已认证', registered: '机构已登记',
    badCode: '统一社会信用代码不正确', search: '搜索机构', searchButton: '搜索',
    picked: '已选位置：', getCode: '获取验证码', code: '验证码',
  },
  en: {
    contact: 'Mobile number or email', name: 'Name', password: 'Password', signUp: 'Sign up',
    signIn: 'Sign in', signOut: 'Sign out', register: 'Register an organisation',
    kind: 'Type of organisation', orgName: 'Name', lat: 'Latitude', lng: 'Longitude',
    creditCode: 'Unified social credit code', verify: 'Verify', unverified: 'Unverified',
    verified: 'Verified', registered: 'Registered.', badCode: 'credit code is not valid',
    search: 'Search organisations', searchButton: 'Search', picked: 'Chosen location: ',
    getCode: 'Send me a code', code: 'Code',
  },
};

async function signIn(page: Page, project: string, w: typeof words.zh, contact: string, password: string) {
  await ready(page, project);
  await page.getByLabel(w.contact).fill(contact);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`organisations (${lang})`, () => {
    // Refused forms answer 4xx, which Chromium logs as a failed resource load.
    test.use({ expectedConsoleErrors: [/status of 40[0-9]/] });

    test('register an organisation, an admin verifies it, the badge follows', async ({ page, context }, info) => {
      const w = words[lang];
      const project = info.project.name;
      await context.addCookies([{ name: 'lang', value: lang === 'zh' ? 'zh-CN' : 'en', url: baseURL }]);
      const suffix = `${lang}-${jsEnabled(project) ? 'js' : 'nojs'}`;
      const orgName = `云岩测试互助社 ${suffix}`;
      const contact = `136${lang === 'zh' ? 1 : 2}${jsEnabled(project) ? 1 : 0}000001`;

      // A visitor asking for the form is sent to sign in, and comes back after signing up.
      await page.goto('/orgs/new');
      await expect(page).toHaveURL(/\/signin\?next=%2Forgs%2Fnew$/);
      await ready(page, project);
      await page.getByRole('link', { name: w.signUp, exact: true }).last().click();
      await expect(page).toHaveURL(/\/signup\?next=/);
      await ready(page, project);
      await typeSentCode(page, project, contact, w.contact, w.getCode, w.code);
      await page.getByLabel(w.name, { exact: true }).fill(`居民 ${suffix}`);
      await page.getByLabel(w.password, { exact: true }).fill('volunteer-2026');
      await page.getByRole('button', { name: w.signUp, exact: true }).click();
      await expect(page).toHaveURL('/orgs/new');
      await ready(page, project);

      // A wrong check digit is explained; the right code is accepted.
      await page.getByLabel(w.kind).selectOption('cooperative');
      await page.getByLabel(w.orgName, { exact: true }).fill(orgName);
      let lat = '26.5818';
      if (jsEnabled(project)) {
        // With JavaScript the location is picked on a map, which replaces the typed fields.
        const picker = page.getByTestId('location-picker');
        await expect(picker.locator('.leaflet-tile-loaded').first()).toBeVisible();
        await expect(page.getByLabel(w.lat)).toBeHidden();
        await picker.click();
        await expect(page.getByTestId('picked-location')).toContainText(w.picked);
        lat = await page.locator('#org-lat').inputValue();
        // The middle of the picker is the middle of the district, 26.585°N 106.713°E.
        expect(Math.abs(Number(lat) - 26.585)).toBeLessThan(0.002);
        expect(Math.abs(Number(await page.locator('#org-lng').inputValue()) - 106.713)).toBeLessThan(0.002);
      } else {
        await page.getByLabel(w.lat).fill(lat);
        await page.getByLabel(w.lng).fill('106.7090');
      }
      await page.getByLabel(w.creditCode).fill('91350100M000100Y44');
      await page.getByRole('button', { name: w.register }).click();
      await expect(page.getByRole('alert')).toContainText(w.badCode);
      await ready(page, project);
      if (jsEnabled(project)) {
        // The refused form came back as a new page with what was typed put back.
        await expect(page.getByLabel(w.orgName, { exact: true })).toHaveValue(orgName);
        await expect(page.getByLabel(w.kind)).toHaveValue('cooperative');
        await expect(page.locator('#org-lat')).toHaveValue(lat);
      } else {
        // Without JavaScript the page was reloaded empty: fill the form again.
        await page.getByLabel(w.kind).selectOption('cooperative');
        await page.getByLabel(w.orgName, { exact: true }).fill(orgName);
        await page.getByLabel(w.lat).fill(lat);
        await page.getByLabel(w.lng).fill('106.7090');
      }
      await page.getByLabel(w.creditCode).fill('');
      await page.getByRole('button', { name: w.register }).click();
      await expect(page).toHaveURL(/\/orgs\/\d+\?done=registered$/);
      const profileUrl = page.url().replace(/\?.*$/, '');
      await expect(page.getByRole('status')).toContainText(w.registered);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(orgName);
      await expect(page.getByRole('heading', { level: 1 }).locator('.tier')).toHaveText(w.unverified);
      // Where it is, in figures and (with JavaScript) on a small map.
      await expect(page.locator('.facts')).toContainText(Number(lat).toFixed(5));
      if (jsEnabled(project)) {
        await expect(page.getByTestId('place-map').locator('.map-pin')).toBeVisible();
      }

      // The platform admin verifies it from the queue. (The page has finished loading first: a
      // navigation that starts while its stylesheets are still coming was seen, rarely, to have
      // Chromium read the next page's redirect as a stylesheet and log it.)
      await page.waitForLoadState('load');
      await context.clearCookies();
      await context.addCookies([{ name: 'lang', value: lang === 'zh' ? 'zh-CN' : 'en', url: baseURL }]);
      await page.goto('/admin/orgs');
      await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Forgs$/);
      await signIn(page, project, w, ADMIN.contact, ADMIN.password);
      await expect(page).toHaveURL('/admin/orgs');
      await ready(page, project);
      const entry = page.getByTestId('review-queue').locator('li', { hasText: orgName });
      await entry.getByRole('button', { name: w.verify, exact: true }).click();
      await expect(page.getByTestId('review-queue').locator('li', { hasText: orgName })).toHaveCount(0);

      // The badge shows on the directory and on the profile, for anyone.
      await page.waitForLoadState('load');
      await context.clearCookies();
      await context.addCookies([{ name: 'lang', value: lang === 'zh' ? 'zh-CN' : 'en', url: baseURL }]);
      await page.goto('/orgs');
      await ready(page, project);
      await page.getByLabel(w.search).fill(suffix);
      await page.getByRole('button', { name: w.searchButton, exact: true }).click();
      await expect(page).toHaveURL(/q=/);
      const card = page.getByTestId('org-list').locator('li');
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(orgName);
      await expect(card.locator('.tier')).toHaveText(w.verified);
      await card.getByRole('link', { name: orgName }).click();
      await expect(page).toHaveURL(profileUrl);
      await expect(page.getByRole('heading', { level: 1 }).locator('.tier')).toHaveText(w.verified);
    });
  });
}

test.describe('organisation permissions', () => {
  // KNOWN INTERMITTENT (seen once, in a fresh-clone run): Chromium reported a stylesheet answered by
  // the sign-in page that /admin/orgs redirects visitors to, around the moment this test clears its
  // cookies and leaves the 403 page. No page links a stylesheet there; still being looked for.
  // (The list goes in a tuple: Playwright reads a bare two-item array as [value, options].)
  test.use({
    expectedConsoleErrors: [
      [/status of 40[0-9]/, /Refused to apply style from '[^']*\/signin\?next=%2Fadmin%2Forgs'/],
      { scope: 'test' },
    ],
  });

  test('a resident gets a 403 page for the review queue; the demo coordinator can edit', async ({ page }, info) => {
    const project = info.project.name;
    await page.goto('/signin?next=/admin/orgs');
    await signIn(page, project, words.zh, RESIDENT.contact, RESIDENT.password);
    await expect(page).toHaveURL('/admin/orgs');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('你没有权限打开这个页面');
    const response = await page.request.get('/admin/orgs');
    expect(response.status()).toBe(403);

    await page.context().clearCookies();
    await page.goto('/signin?next=/me');
    await signIn(page, project, words.zh, COORDINATOR.contact, COORDINATOR.password);
    await expect(page).toHaveURL('/me');
    const mine = page.getByTestId('my-orgs');
    await expect(mine).toContainText(DEMO.sunshine);
    await expect(mine).toContainText('协调员');
    await mine.getByRole('link', { name: DEMO.sunshine }).click();
    await ready(page, project);
    await page.getByRole('link', { name: '编辑资料' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\/edit$/);
    // A coordinator sees the team but cannot change it.
    await expect(page.getByTestId('team-list')).toContainText(DEMO.ownerShort);
    await expect(page.getByRole('button', { name: '添加协调员' })).toHaveCount(0);
  });
});

test.describe('organisation owner', () => {
  test.use({ expectedConsoleErrors: [/status of 40[0-9]/] });

  test('the owner edits the profile, invites a coordinator who signs up and accepts, then removes them', async ({ page }, info) => {
    const project = info.project.name;
    // Each project works on its own organisation of the demo owner, so they never collide.
    const org = jsEnabled(project) ? DEMO.coop : DEMO.sunshine;
    const hours = `周日 9:00–12:00（${project}）`;
    // Nobody has this number yet: the invitation waits for whoever signs up with it.
    const contact = `1350000001${jsEnabled(project) ? 1 : 0}`;
    const name = `受邀协调员 ${project}`;
    await page.goto('/signin?next=/me');
    await signIn(page, project, words.zh, OWNER.contact, OWNER.password);
    await expect(page).toHaveURL('/me');
    await page.getByTestId('my-orgs').getByRole('link', { name: org }).click();
    await ready(page, project);
    await page.getByRole('link', { name: '编辑资料' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\/edit$/);
    const editPath = new URL(page.url()).pathname;
    await ready(page, project);

    await page.getByLabel('开放时间').fill(hours);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\?done=saved$/);
    await expect(page.getByRole('status')).toHaveText('已保存。');
    await expect(page.locator('.facts')).toContainText(hours);

    await page.getByRole('link', { name: '编辑资料' }).click();
    await ready(page, project);
    const invite = page.getByLabel('协调员的手机号或邮箱');
    await invite.fill('12345');
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await ready(page, project);
    await invite.fill(contact);
    await page.getByRole('button', { name: '发送邀请' }).click();
    await expect(page.getByRole('status')).toHaveText('邀请已发出。对方接受后会加入团队。');
    const sent = page.getByTestId('sent-invitations').locator('li', { hasText: contact });
    await expect(sent).toContainText('等待答复');

    // The person signs up with that number and finds the invitation on 我的.
    await signUp(page, project, contact, name);
    const invitation = page.getByTestId('invitations');
    await expect(invitation).toContainText(`邀请你成为「${org}」的协调员`);
    await invitation.getByRole('button', { name: '接受' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\?done=joined$/);
    await expect(page.getByRole('status')).toHaveText('你已加入团队，成为协调员。');

    await signInTo(page, project, OWNER.contact, OWNER.password, editPath);
    const team = page.getByTestId('team-list');
    await expect(team.locator('li', { hasText: name })).toContainText('协调员');
    await expect(page.getByTestId('sent-invitations')).toHaveCount(0);
    await team.locator('li', { hasText: name }).getByRole('button', { name: '移除' }).click();
    await expect(team.locator('li', { hasText: name })).toHaveCount(0);
    await expect(team).toContainText(DEMO.ownerShort);
  });
});

test.describe('organisation directory pages', () => {
  // The unreadable page start answers 400, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test('a later page says how many it shows and leads back; an unreadable start is a 400 with a way back', async ({ page }, info) => {
    const project = info.project.name;
    // After every organisation with a badge: the page of those without one.
    await page.goto('/orgs?after=1-999999999');
    await ready(page, project);
    await expect(page.locator('.result-count')).toContainText('这一页');
    const cards = page.getByTestId('org-list').locator('li');
    await expect(cards.locator('.tier', { hasText: '合作伙伴' })).toHaveCount(0);
    await expect(cards.locator('.tier', { hasText: '未认证' }).first()).toBeVisible();
    await page.getByTestId('first-page').click();
    await expect(page).toHaveURL(/\/orgs$/);
    await expect(page.locator('.result-count')).toContainText('共');
    await expect(cards.first().locator('.tier')).toHaveText('合作伙伴');

    const bad = await page.request.get('/orgs?after=tomorrow');
    expect(bad.status()).toBe(400);
    await page.goto('/orgs?after=tomorrow');
    await expect(page.getByRole('alert')).toHaveText('翻页位置无法识别，请从第一页看起。');
    await page.getByRole('link', { name: '查看全部机构' }).click();
    await expect(page.getByTestId('org-list')).toBeVisible();
  });
});
