import { test, expect, ready, jsEnabled, signIn, signUp, publishEvent, chinaTime, baseURL } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { COORDINATOR, DEMO, RESIDENT } from './demo';

// From check-in to certificate: a coordinator runs an event about to start and shows its code; a
// resident checks in and out with it; the coordinator confirms the hours and adds honour hours;
// the resident sees them, opens a certificate, and its verification page confirms it.

/// The coordinator's own browser, signed in, beside the resident's.
async function coordinatorPage(browser: Browser, project: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: jsEnabled(project) });
  const page = await context.newPage();
  await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, '/me');
  return page;
}

/// The code on the coordinator's check-in screen now, digits only.
async function currentCode(page: Page, eventPath: string): Promise<string> {
  await page.goto(`${eventPath}/checkin/code`);
  const shown = (await page.getByTestId('checkin-code').textContent()) ?? '';
  return shown.replace(/\s/g, '');
}

test.describe('volunteering', () => {
  // A refused form answers 4xx, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 40[0-9]/] });

  test('check in and out with the code, hours confirmed, a certificate anyone can verify', async ({ page, browser }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const title = `社区环境清洁日 ${js ? 'js' : 'nojs'}`;
    const eventPath = await publishEvent(page, project, title, '5', { from: chinaTime(5), to: chinaTime(125) });

    const name = js ? '志愿者小林' : '志愿者小周';
    const volunteer = `1331${js ? 1 : 0}000002`;
    await signUp(page, project, volunteer, name);
    await page.goto(eventPath);
    await ready(page, project);
    await page.getByTestId('join').click();
    await expect(page.getByRole('status')).toHaveText('报名成功！');

    // The coordinator shows the code and its QR code from the roster.
    const coordinator = await coordinatorPage(browser, project);
    await coordinator.goto(`${eventPath}/roster`);
    await coordinator.getByRole('link', { name: '显示签到码' }).click();
    await expect(coordinator).toHaveURL(`${eventPath}/checkin/code`);
    await expect(coordinator.getByTestId('checkin-code')).toHaveText(/^\d{3} \d{3}$/);
    await expect(coordinator.locator('.qr svg')).toBeVisible();
    await expect(coordinator.getByTestId('checkin-counts')).toHaveText('已到 0 / 报名 1 人');

    // A wrong code is refused and says why; the code the QR carries checks the volunteer in.
    await page.goto(`${eventPath}/checkin`);
    await ready(page, project);
    await page.getByLabel('签到码（6 位数字）').fill((await currentCode(coordinator, eventPath)) === '000000' ? '111111' : '000000');
    await page.getByTestId('check-in').click();
    await expect(page.getByRole('alert')).toContainText('签到码不对');
    await page.goto(`${eventPath}/checkin?code=${await currentCode(coordinator, eventPath)}`);
    await ready(page, project);
    await page.getByTestId('check-in').click();
    await expect(page.getByRole('status')).toContainText('签到成功');
    await expect(page.getByTestId('checked-in-at')).not.toHaveText('—');
    await expect(page.getByTestId('check-in')).toHaveText('签退');
    await currentCode(coordinator, eventPath);
    await expect(coordinator.getByTestId('checkin-counts')).toHaveText('已到 1 / 报名 1 人');

    // Checking out with the next code records the time (minutes, since this test is quick).
    await page.getByLabel('签到码（6 位数字）').fill(await currentCode(coordinator, eventPath));
    await page.getByTestId('check-in').click();
    await expect(page.getByRole('status')).toContainText('签退成功');
    await expect(page.getByTestId('credit-hours')).toContainText('待确认');
    await expect(page.getByTestId('check-in')).toHaveCount(0);

    // The roster shows the volunteer checked in; the coordinator confirms the hours and adds
    // honour hours for setting up, with the reason.
    await coordinator.goto(`${eventPath}/roster`);
    await expect(coordinator.getByTestId('roster-entry').filter({ hasText: name }).getByTestId('attendance')).toContainText('签到');
    await coordinator.getByRole('link', { name: '服务时长' }).click();
    await expect(coordinator).toHaveURL(`${eventPath}/hours`);
    await expect(coordinator.getByTestId('hours-entry').filter({ hasText: name })).toContainText('待确认');
    await coordinator.getByTestId('approve-all').click();
    await expect(coordinator.getByRole('status')).toHaveText('已确认 1 条记录。');
    await expect(coordinator.getByTestId('hours-entry').filter({ hasText: name })).toContainText('已确认');
    await coordinator.getByLabel('参与者').selectOption({ label: name });
    // 1.5 of the event's 2 hours: with the credit they stay within its length, so they count
    // at once (beyond it they would wait for another organiser).
    await coordinator.getByLabel('小时数（如 1.5）').fill('1.5');
    await coordinator.getByLabel('原因', { exact: true }).fill('提前一小时到场布置、结束后清点工具');
    await coordinator.getByTestId('add-honour').click();
    await expect(coordinator.getByRole('status')).toHaveText('荣誉时长已添加。');
    await expect(coordinator.getByTestId('hours-history')).toContainText('提前一小时到场布置');
    await expect(coordinator.getByTestId('hours-history')).toContainText(`${COORDINATOR.name} 确认了`);
    await coordinator.context().close();

    // The volunteer sees the hours on 我的 and in the record, and gets a certificate.
    await page.goto('/me');
    await expect(page.getByTestId('my-hours')).toContainText(/已确认 1\.5\d? 小时/);
    await page.getByRole('link', { name: '查看记录与证明' }).click();
    await expect(page).toHaveURL('/me/hours');
    await ready(page, project);
    await expect(page.getByTestId('served-events')).toContainText(title);
    await page.getByTestId('service-years').locator('li').filter({ hasText: DEMO.sunshine })
      .getByTestId('issue-certificate').click();
    await expect(page).toHaveURL(/\/me\/certificates\/YYX-\d{4}-[A-Z0-9]{8}$/);
    const certificate = page.getByTestId('certificate');
    await expect(certificate).toContainText('志愿服务记录证明');
    await expect(certificate).toContainText(`兹证明 ${name}`);
    await expect(certificate.locator('.qr svg')).toBeVisible();
    const serial = (await page.getByTestId('certificate-serial').textContent()) ?? '';

    // Anyone can check it, signed in or not: name, organisation, hours, period — valid.
    await page.context().clearCookies();
    await page.goto(`/verify/${serial}`);
    await expect(page.getByTestId('verify-result')).toHaveText('有效：这是云益享开具的真实证明。');
    const facts = page.getByTestId('verify-facts');
    await expect(facts).toContainText(name);
    await expect(facts).toContainText(DEMO.sunshine);
    // The organisation's badge when it issued the certificate.
    await expect(page.getByTestId('verify-org')).toContainText('合作伙伴');
    await expect(facts).not.toContainText(volunteer);

    // The organisation withdraws it (a second tap, with the reason); the public check now says
    // revoked without the reason, and the volunteer is told why.
    const organiser = await coordinatorPage(browser, project);
    await organiser.goto(eventPath);
    await organiser.getByRole('link', { name: DEMO.sunshine }).first().click();
    await organiser.getByRole('link', { name: '已开证明' }).click();
    await expect(organiser).toHaveURL(/\/orgs\/\d+\/certificates$/);
    await ready(organiser, project);
    const entry = organiser.getByTestId('issued-entry').filter({ hasText: serial });
    await expect(entry.getByTestId('certificate-status')).toHaveText('有效');
    await entry.getByText('作废', { exact: true }).click();
    await entry.getByLabel('作废原因（会告知本人）').fill('签到记录有误，已更正');
    await entry.getByTestId('confirm-withdraw').click();
    await expect(organiser.getByRole('status')).toHaveText('证明已作废，已通知本人。');
    await expect(organiser.getByTestId('issued-entry').filter({ hasText: serial }).getByTestId('revoked-note'))
      .toContainText(`${COORDINATOR.name} 作废：签到记录有误`);
    await organiser.context().close();
    await page.goto(`/verify/${serial}`);
    await expect(page.getByTestId('verify-result')).toHaveText(/^已作废/);
    await expect(page.locator('body')).not.toContainText('签到记录有误');
    await signIn(page, project, volunteer, 'volunteer-2026', '/me/notifications');
    await expect(page.locator('body')).toContainText(`作废了你的志愿服务证明 ${serial}`);
    await expect(page.locator('body')).toContainText('签到记录有误，已更正');
  });

  test('where the browser reads QR codes, the check-in page scans the code with the camera', async ({ page, browser }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    // Chromium on Linux has no BarcodeDetector: a stand-in reads whatever the test says the
    // camera (a fake device) shows.
    await page.addInitScript(() => {
      (window as any).BarcodeDetector = class {
        async detect() {
          const shown = (window as any).__qrShown as string | undefined;
          return shown ? [{ rawValue: shown }] : [];
        }
      };
    });
    const eventPath = await publishEvent(page, project, `扫码签到测试 ${js ? 'js' : 'nojs'}`, '5',
      { from: chinaTime(5), to: chinaTime(125) });
    await signUp(page, project, `1332${js ? 1 : 0}000003`, '扫码的志愿者');
    await page.goto(eventPath);
    await ready(page, project);
    await page.getByTestId('join').click();
    await expect(page.getByRole('status')).toHaveText('报名成功！');
    await page.goto(`${eventPath}/checkin`);
    await ready(page, project);
    if (!js) {
      // Without JavaScript there is nothing to scan with: the code is typed (or the phone's own
      // camera opens this page with it).
      await expect(page.getByTestId('scan-code')).toBeHidden();
      return;
    }
    const coordinator = await coordinatorPage(browser, project);
    const code = await currentCode(coordinator, eventPath);
    await coordinator.context().close();

    await page.evaluate(() => { (window as any).__qrShown = 'https://example.com/not-a-check-in'; });
    await page.getByTestId('scan-code').click();
    await expect(page.getByRole('alert')).toContainText('这不是签到二维码');
    await expect(page.getByTestId('scan-code')).toHaveText('停止扫码');
    await page.evaluate((url) => { (window as any).__qrShown = url; }, `${baseURL}${eventPath}/checkin?code=${code}`);
    await expect(page.getByRole('status')).toContainText('签到成功');
    await expect(page.getByTestId('checked-in-at')).not.toHaveText('—');
  });

  test('a coordinator marks attendance by hand and records no-shows; residents cannot see the code', async ({ page }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const title = `长者午餐送餐 ${js ? 'js' : 'nojs'}`;
    const eventPath = await publishEvent(page, project, title, '5', { from: chinaTime(5), to: chinaTime(125) });

    await signIn(page, project, RESIDENT.contact, RESIDENT.password, eventPath);
    await page.getByTestId('join').click();
    await expect(page.getByRole('status')).toHaveText('报名成功！');
    await page.goto(`${eventPath}/checkin/code`);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('现场签到码');
    await expect(page.getByTestId('checkin-code')).toHaveCount(0);

    await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, `${eventPath}/roster`);
    // Someone without a phone, added by hand, is marked present; the event is not over, so
    // no-shows cannot be recorded yet.
    await page.getByLabel('姓名').fill('张奶奶');
    await page.getByRole('button', { name: '代人报名' }).click();
    await expect(page.getByRole('status')).toHaveText('已加入名单。');
    const grandma = page.getByTestId('roster-entry').filter({ hasText: '张奶奶' });
    await grandma.getByTestId('mark-attended').click();
    await expect(page.getByRole('status')).toHaveText('出勤已登记。');
    await expect(grandma.getByTestId('attendance')).toHaveText('已到');
    await expect(page.getByTestId('record-no-shows')).toHaveCount(0);
    const resident = page.getByTestId('roster-entry').filter({ hasText: RESIDENT.name });
    await resident.getByTestId('mark-no_show').click();
    await expect(resident.getByTestId('attendance')).toHaveText('缺席');
    // Her hours wait for confirmation; the resident marked absent has none to confirm.
    await page.goto(`${eventPath}/hours`);
    await expect(page.getByTestId('hours-entry').filter({ hasText: '张奶奶' })).toContainText('待确认');
    await expect(page.getByTestId('hours-entry').filter({ hasText: RESIDENT.name })).toHaveCount(0);
  });
});
