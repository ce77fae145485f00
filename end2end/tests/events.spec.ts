import { test, expect, ready, jsEnabled, signIn, signUp, publishEvent } from './fixtures';
import { COORDINATOR, DEMO, RESIDENT } from './demo';

// Both projects share one server: each test makes its own event and its own resident.



test.describe('events', () => {
  // A refused form answers 4xx, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 40[0-9]/] });

  test('a resident finds an event, joins; the next is waitlisted and moves up when a seat frees', async ({ page }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const title = `周末义务家教 ${js ? 'js' : 'nojs'}`;
    const eventPath = await publishEvent(page, project, title, '1');

    // A new neighbour finds it by category and distance.
    const newcomer = `1330${js ? 1 : 0}000001`;
    await signUp(page, project, newcomer, '新邻居');
    await page.goto('/events');
    await ready(page, project);
    await page.getByText('更多筛选：类别、时间、距离').click();
    await page.getByLabel('类别').selectOption({ label: '助学' });
    await page.getByLabel('从哪里算距离').selectOption({ label: '延中街道' });
    await page.getByLabel('范围').selectOption({ label: '1 公里' });
    await page.getByTestId('apply-filters').click();
    await expect(page).toHaveURL(/category=education/);
    const card = page.getByTestId('event-card').filter({ hasText: title });
    await expect(card).toContainText('剩余 1 个名额');
    await expect(card).toContainText('米');
    // Far from there, it is not listed.
    await page.goto('/events?category=education&near=yy-jinguan&within=1');
    await expect(page.getByTestId('event-card').filter({ hasText: title })).toHaveCount(0);

    await page.goto('/events?category=education&near=yy-yanzhong&within=1');
    await ready(page, project);
    await page.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(eventPath);
    await ready(page, project);
    await page.getByTestId('join').click();
    await expect(page).toHaveURL(`${eventPath}?done=going`);
    await expect(page.getByRole('status')).toHaveText('报名成功！');
    await expect(page.getByTestId('my-place')).toHaveText('你已报名，届时见！');
    await page.goto('/me');
    await expect(page.getByTestId('my-events').locator('li').filter({ hasText: title })).toContainText('已报名');

    // The demo resident finds it full and joins the waitlist.
    await signIn(page, project, RESIDENT.contact, RESIDENT.password, eventPath);
    await expect(page.getByTestId('signup')).toContainText('名额已满');
    await page.getByRole('button', { name: '名额已满，加入候补' }).click();
    await expect(page.getByRole('status')).toHaveText('名额已满，你已加入候补名单。');
    await expect(page.getByTestId('my-place')).toContainText('你在候补名单第 1 位');

    // The newcomer gives the seat up...
    await signIn(page, project, newcomer, 'volunteer-2026', eventPath);
    await page.getByTestId('leave').click();
    await expect(page.getByRole('status')).toHaveText('已取消报名。');
    await expect(page.getByTestId('my-place')).toHaveCount(0);
    await expect(page.getByTestId('join')).toHaveText('名额已满，加入候补');

    // ...and the resident has it, and was told.
    await signIn(page, project, RESIDENT.contact, RESIDENT.password, '/me/notifications');
    await expect(page.getByTestId('inbox')).toContainText(`有人退出，你已从候补转为正式参加「${title}」。`);
    await page.goto(eventPath);
    await expect(page.getByTestId('my-place')).toHaveText('你已报名，届时见！');
  });

  test('a coordinator edits, duplicates and cancels an event; who held a place is told', async ({ page }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const title = `社区读书会 ${js ? 'js' : 'nojs'}`;
    const eventPath = await publishEvent(page, project, title, '5');

    await signIn(page, project, RESIDENT.contact, RESIDENT.password, eventPath);
    await page.getByTestId('join').click();
    await expect(page.getByRole('status')).toHaveText('报名成功！');

    await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, eventPath);
    // The organisation's page lists it for its people, with the way to add another.
    await page.getByRole('link', { name: DEMO.sunshine }).first().click();
    await expect(page.getByTestId('org-events')).toContainText(title);
    await expect(page.getByTestId('org-events').getByRole('link', { name: '发布活动' })).toBeVisible();
    await page.goto(eventPath);
    await ready(page, project);
    const tools = page.getByTestId('organiser-tools');
    await tools.getByRole('link', { name: '编辑活动' }).click();
    await expect(page).toHaveURL(`${eventPath}/edit`);
    await ready(page, project);
    // Fewer seats than people holding one is refused, and says why.
    await page.getByLabel('名额').fill('0');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('alert')).toContainText('名额请填写 1 到 100000 之间的整数');
    // With JavaScript the refused page puts back what was typed as it comes alive: wait for
    // that before typing again, or the old value lands on top of the new one.
    await ready(page, project);
    await page.getByLabel('名额').fill('3');
    await page.getByLabel('参加要求').fill('请带上一本想分享的书。');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveURL(`${eventPath}?done=saved`);
    await expect(page.getByTestId('signup')).toContainText('剩余 2 个名额');
    await page.goto(eventPath);
    await ready(page, project);
    await expect(page.locator('.facts')).toContainText('请带上一本想分享的书。');

    // The roster shows who comes with their number; the spreadsheet opens in Excel (BOM, Chinese).
    await page.getByTestId('organiser-tools').getByRole('link', { name: '报名名单' }).click();
    await expect(page).toHaveURL(`${eventPath}/roster`);
    await ready(page, project);
    await expect(page.getByTestId('roster-entry').filter({ hasText: RESIDENT.name })).toContainText(RESIDENT.contact);
    const csv = await page.request.get(`${eventPath}/roster.csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`${RESIDENT.name},${RESIDENT.contact},已报名`);
    // Someone without the app is added by name and phone; everyone gets a message.
    await page.getByLabel('姓名').fill('张奶奶');
    await page.getByLabel('电话（选填）').fill('0851-1234567');
    await page.getByRole('button', { name: '代人报名' }).click();
    await expect(page.getByRole('status')).toHaveText('已加入名单。');
    await expect(page.getByTestId('roster-counts')).toHaveText('已报名 2 人，候补 0 人');
    await page.getByLabel('消息内容（发到他们的消息中心）').fill('明天下雨，请带伞。');
    await page.getByRole('button', { name: '发送' }).click();
    await expect(page.getByRole('status')).toHaveText('消息已发给 1 人。');
    await page.goto(eventPath);
    await ready(page, project);

    // A duplicate starts as a new form with everything but the times.
    await page.getByTestId('organiser-tools').getByRole('link', { name: '复制为新活动' }).click();
    await expect(page).toHaveURL(/\/events\/new\?copy=\d+$/);
    await ready(page, project);
    await expect(page.getByLabel('活动名称')).toHaveValue(title);
    await expect(page.getByLabel('开始时间')).toHaveValue('');

    await page.goto(eventPath);
    await ready(page, project);
    await page.getByLabel('我确认要取消这个活动，并通知所有已报名的人。').check();
    await page.getByTestId('cancel-event').click();
    await expect(page.getByRole('status')).toContainText('活动已取消');
    await expect(page.getByTestId('event-status')).toHaveText('本活动已取消。');

    await signIn(page, project, RESIDENT.contact, RESIDENT.password, '/me/notifications');
    await expect(page.getByTestId('inbox')).toContainText(`活动「${title}」已取消。`);
    await expect(page.getByTestId('inbox')).toContainText('明天下雨，请带伞。');
    // A cancelled event is no longer listed.
    await page.goto(`/events?q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId('event-card')).toHaveCount(0);
  });

  test('residents cannot add events; unreadable filters are a 400 with a way back', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, RESIDENT.contact, RESIDENT.password, '/me');
    const refused = await page.request.get('/events/new');
    expect(refused.status()).toBe(403);
    const bad = await page.request.get('/events?when=someday');
    expect(bad.status()).toBe(400);
    const badPage = await page.request.get('/events?after=tomorrow');
    expect(badPage.status()).toBe(400);
    await page.goto('/events?when=someday');
    await expect(page.getByRole('alert')).toHaveText('有筛选条件无法识别，请重新选择。');
    await page.getByRole('link', { name: '查看全部活动' }).click();
    await expect(page.getByTestId('event-list')).toBeVisible();
  });
});
