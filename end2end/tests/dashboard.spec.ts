import { test, expect, signIn } from './fixtures';
import { ADMIN, COORDINATOR, DEMO } from './demo';

// Dashboards: a coordinator opens their organisation's figures; every chart's bars carry the same
// numbers as the table beside it; a period can be chosen (and one that cannot be read is refused
// with the form again). With and without JavaScript.
test.describe('dashboard', () => {
  // A refused period answers 400, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test('a coordinator sees the figures as charts and tables with the same numbers', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, '/orgs');
    await page.getByRole('link', { name: DEMO.sunshineShort }).first().click();
    await page.getByTestId('dashboard-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据看板');

    for (const [section, series] of [
      ['events', ['held']],
      ['hours', ['credit', 'honour']],
      ['items', ['items_given']],
    ] as const) {
      const figures = page.getByTestId(`figures-${section}`);
      const rows = figures.locator('tbody tr');
      await expect(rows).toHaveCount(12);
      for (const key of series) {
        const bars = figures.locator(`rect[data-series="${key}"]`);
        await expect(bars).toHaveCount(12);
        for (let i = 0; i < 12; i++) {
          const bar = bars.nth(i);
          const month = await bar.getAttribute('data-month');
          const cell = figures.locator(`tr[data-month="${month}"] td[data-column="${key}"]`);
          await expect(cell).toHaveText((await bar.getAttribute('data-value')) ?? '');
        }
      }
    }
    // The demo's finished events are counted somewhere in the year.
    const held = await page.locator('rect[data-series="held"]').evaluateAll((bars) =>
      bars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-value')), 0),
    );
    expect(held).toBeGreaterThan(0);
    await expect(page.getByTestId('figures-events')).toContainText('怎样统计');

    // Two months only.
    const form = page.getByTestId('period-form');
    await form.getByLabel('开始月份').fill('2026-10');
    await form.getByLabel('结束月份').fill('2026-11');
    await form.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/from=2026-10&to=2026-11/);
    await expect(page.getByTestId('figures-events').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('figures-events').locator('tbody tr').first()).toContainText('2026年10月');

    // Backwards: refused with the reason, the form still there.
    await page.goto(`${new URL(page.url()).pathname}?from=2026-11&to=2026-01`);
    await expect(page.getByRole('alert')).toContainText('请选择起止月份');
    await expect(page.getByTestId('period-form')).toBeVisible();
  });

  test('anyone sees the past year in totals on the home page and an organisation page', async ({ page }) => {
    await page.goto('/');
    const impact = page.getByTestId('impact');
    await expect(impact).toContainText('过去一年');
    await expect(impact.locator('[data-figure="events"] .impact__value')).toHaveText(/^[1-9][\d,.万]*$/);
    await expect(impact).toContainText('不到 3 个人的数字不显示');
    await page.goto('/orgs');
    await page.getByRole('link', { name: DEMO.sunshineShort }).first().click();
    await expect(page.getByTestId('impact')).toContainText('场公益活动');
  });

  test('an admin sees the platform: queues, organisations and every organisation\'s figures', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, ADMIN.contact, ADMIN.password, '/me');
    await page.getByTestId('platform-dashboard-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('平台数据看板');
    const moderation = page.getByTestId('queues').locator('tr[data-queue="moderation"]');
    await expect(moderation.locator('td[data-column="waiting"]')).toHaveText(/^[1-9]\d*$/);
    await expect(moderation.locator('td[data-column="oldest"]')).toContainText('天');
    const orgs = page.getByTestId('figures-orgs');
    const bars = orgs.locator('rect[data-series="new_orgs"]');
    await expect(bars).toHaveCount(12);
    for (let i = 0; i < 12; i++) {
      const month = await bars.nth(i).getAttribute('data-month');
      await expect(orgs.locator(`tr[data-month="${month}"] td[data-column="new_orgs"]`)).toHaveText(
        (await bars.nth(i).getAttribute('data-value')) ?? '',
      );
    }
    await expect(page.getByTestId('org-states')).toContainText('已认证');
    // Signed in this month: the admin is one of this month's active users.
    const active = page.getByTestId('figures-people').locator('rect[data-series="active_users"]');
    await expect(active).toHaveCount(12);
    expect(Number(await active.last().getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('figures-services')).toBeVisible();
    await page.getByTestId('report-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('平台影响力报告');
    await expect(page.getByTestId('report-summary').locator('[data-column="new_orgs"]')).toBeVisible();
  });

  test('a coordinator reads the impact report, prints it and downloads its table', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, '/orgs');
    await page.getByRole('link', { name: DEMO.sunshineShort }).first().click();
    await page.getByTestId('dashboard-link').click();
    await page.getByTestId('report-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('影响力报告');
    await expect(page.getByTestId('report-period')).toContainText('年');

    // The demo's year: events held in many months, and the summary is the table's total.
    const months = page.getByTestId('report-months');
    await expect(months.locator('tbody tr')).toHaveCount(12);
    const held = await months.locator('tbody td[data-column="held"]').allTextContents();
    const busy = held.filter((n) => Number(n) > 0).length;
    expect(busy).toBeGreaterThanOrEqual(6);
    const total = held.reduce((sum, n) => sum + Number(n), 0);
    await expect(page.getByTestId('report-summary').locator('[data-column="held"] dd')).toHaveText(String(total));
    await expect(page.getByTestId('report-how')).toContainText('举办的活动');

    // On paper: no navigation, no form, no buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('period-form')).toBeHidden();
    await expect(page.getByTestId('report-csv')).toBeHidden();
    await expect(page.getByTestId('report-summary')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // The same table as a spreadsheet.
    const href = await page.getByTestId('report-csv').getAttribute('href');
    const answer = await page.request.get(href ?? '');
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-disposition']).toContain('attachment');
    const rows = (await answer.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((r) => r.split(','));
    expect(rows[0][0]).toBe('月份');
    const column = rows[0].indexOf('举办活动');
    expect(rows.slice(1, 13).map((r) => r[column])).toEqual(held);
    expect(rows[13]).toEqual(expect.arrayContaining(['合计', String(total)]));
  });
});
