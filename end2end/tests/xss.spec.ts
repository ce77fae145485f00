import type { Page } from '@playwright/test';
import { test, expect, ready, jsEnabled, publishEvent, signUp } from './fixtures';
import { COORDINATOR, DEMO } from './demo';

// Markup that people type into names, titles and descriptions is shown as the characters they
// typed, with JavaScript on and off, on every page that shows it and in the map's cards: never
// turned into tags, never run. (The page's script policy would also stop an inline handler and log
// it, which fails the test through the console check; the checks here look at the page itself.)
const IMG = '<img src=x onerror=alert(1)>';
const ENDS = '</title></textarea>';
const SVG = '"><svg onload=alert(2)>';
const SCRIPT = '</script><script>alert(3)</script>';

/// Fails if the page holds an element that could only have come from typed markup, or if a
/// dialog opened.
async function expectTextNotTags(page: Page, typed: string) {
  await expect(page.getByText(typed).first()).toBeVisible();
  await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
}

test.describe('typed markup', () => {
  test('names, titles and descriptions with markup show as text on every page and on the map', async ({ page }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const tag = js ? 'js' : 'nojs';

    // A coordinator publishes an event whose title and requirements carry markup.
    const eventTitle = `读书会 ${ENDS}${IMG} ${tag}`;
    const eventPath = await publishEvent(page, project, eventTitle, '5', undefined, async (form) => {
      await form.getByLabel('参加要求').fill(`请带书 ${ENDS}${SCRIPT}`);
      await form.getByLabel('标签', { exact: true }).fill(`读书, ${SVG}`);
    });
    await expectTextNotTags(page, eventTitle);
    await expectTextNotTags(page, `请带书 ${ENDS}${SCRIPT}`);
    expect(await page.title()).toContain(eventTitle);
    // The edit form shows the texts again, as typed, in its fields.
    await page.goto(`${eventPath}/edit`);
    await ready(page, project);
    await expect(page.getByLabel('活动名称')).toHaveValue(eventTitle);
    await expect(page.getByLabel('参加要求')).toHaveValue(`请带书 ${ENDS}${SCRIPT}`);
    await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);

    // A resident whose name is markup posts a listing with markup, and joins the event.
    const name = `<b>邻居</b>${IMG}`;
    await signUp(page, project, `1371${js ? '1' : '2'}${String(Date.now()).slice(-6)}`, name);
    await expectTextNotTags(page, name);
    const itemTitle = `旧书 ${IMG} ${tag}`;
    await page.goto('/items/new');
    await ready(page, project);
    await page.getByLabel('物品名称').fill(itemTitle);
    await page.getByLabel('分类').selectOption({ label: '书籍文具' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '良好' });
    await page.getByLabel('描述').fill(`九成新 ${SVG} ${SCRIPT}`);
    await page.getByLabel('取物说明').fill(`门口 ${IMG}`);
    await page.getByLabel('所在社区').selectOption({ index: 1 });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page).toHaveURL(/\/items\/\d+\?done=posted$/);
    const itemPath = new URL(page.url()).pathname;
    await expectTextNotTags(page, itemTitle);
    await expectTextNotTags(page, `九成新 ${SVG} ${SCRIPT}`);
    await page.goto(eventPath);
    await ready(page, project);
    await page.getByTestId('join').click();
    await expect(page.getByRole('status')).toHaveText('报名成功！');

    // The organiser sees the resident's name, as typed, in the list of who is coming.
    await page.context().clearCookies();
    await page.goto(`/signin?next=${encodeURIComponent(`${eventPath}/roster`)}`);
    await ready(page, project);
    await page.getByLabel('手机号或邮箱').fill(COORDINATOR.contact);
    await page.getByLabel('密码', { exact: true }).fill(COORDINATOR.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL(`${eventPath}/roster`);
    await ready(page, project);
    await expectTextNotTags(page, name);

    // A visitor meets all of it on the lists and pages.
    await page.context().clearCookies();
    for (const [path, typed] of [
      // Searched for: the list shows 20 events a page, and other tests add events on the same day.
      [`/events?q=${encodeURIComponent(DEMO.readingClub)}`, eventTitle],
      [eventPath, eventTitle],
      ['/items', itemTitle],
      [itemPath, itemTitle],
      [itemPath, `门口 ${IMG}`],
    ]) {
      await page.goto(path);
      await ready(page, project);
      await expectTextNotTags(page, typed);
    }

    // And in the map's cards (drawn by the browser, so only with JavaScript).
    if (js) {
      await page.goto('/map');
      await ready(page, project);
      for (const name of ['组织机构', '活动', '社区资源', '邻里帮帮']) {
        await page.getByRole('checkbox', { name }).uncheck();
      }
      await page.getByLabel('搜索地点').fill(`旧书 ${IMG} js`);
      const pin = page.getByTestId('map-canvas').locator('.map-pin--items');
      await expect(pin).toHaveCount(1);
      const card = page.getByTestId('map-card');
      await expect(async () => {
        await pin.click({ timeout: 2_000 });
        await expect(card).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 15_000 });
      await expectTextNotTags(page, itemTitle);
      await expect(page.getByTestId('visible-list')).toContainText(itemTitle);
    }
    expect(dialogs).toEqual([]);
  });
});
