import { readFileSync } from 'fs';
import path from 'path';
import { test, expect, ready, signIn, signUp, jsEnabled } from './fixtures';
import { DEMO, OWNER, RESIDENT } from './demo';

const PHONE_PHOTO = path.join(__dirname, '..', 'fixtures', 'phone-photo.jpg');

// 邻里帮帮 shows each person only what the members agreed to show them.
test.describe('邻里帮帮 cards', () => {
  test('a visitor sees the public cards, filters them and opens one', async ({ page }, info) => {
    const project = info.project.name;
    await page.goto('/help');
    await ready(page, project);
    const cards = page.getByTestId('member-card');
    await expect(cards.filter({ hasText: DEMO.auntWang })).toContainText(DEMO.mending);
    await expect(cards.filter({ hasText: DEMO.auntWang })).toContainText('¥10');
    // Residents-only and unconsented members are not shown to visitors.
    await expect(page.locator('main')).not.toContainText(DEMO.grandmaZhang);
    await expect(page.locator('main')).not.toContainText(DEMO.xiaoYang);

    await page.locator('summary', { hasText: '更多筛选' }).click();
    await page.getByLabel('看什么').selectOption({ label: '只看需要的帮助' });
    await page.getByTestId('apply-filters').click();
    await expect(page).toHaveURL(/offers=needs/);
    await expect(cards.filter({ hasText: DEMO.masterLi })).toHaveCount(0);
    await expect(cards.filter({ hasText: DEMO.auntWang })).toContainText(DEMO.errands);

    await cards.filter({ hasText: DEMO.auntWang }).getByRole('link', { name: DEMO.auntWang }).click();
    await expect(page.getByTestId('member-name')).toHaveText(DEMO.auntWang);
    await expect(page.getByTestId('member-services')).toContainText(DEMO.insoles);
    await expect(page.getByTestId('member-availability')).toHaveText('工作日上午');
    await expect(page.getByTestId('situation-note')).toHaveCount(0);
  });

  test('a signed-in resident also sees residents-only cards; the coordinator sees the note', async ({ page }, info) => {
    const project = info.project.name;
    await signIn(page, project, RESIDENT.contact, RESIDENT.password, '/help');
    await expect(page.getByTestId('member-card').filter({ hasText: DEMO.grandmaZhang })).toContainText('帮忙到医院取药');
    await expect(page.locator('main')).not.toContainText(DEMO.xiaoYang);

    await signIn(page, project, OWNER.contact, OWNER.password, '/help');
    const private_card = page.getByTestId('member-card').filter({ hasText: DEMO.xiaoYang });
    await expect(private_card).toContainText(DEMO.beads);
    await private_card.getByRole('link', { name: DEMO.xiaoYang }).click();
    await expect(page.getByTestId('situation-note')).toContainText(DEMO.wheelchair);
  });
});

// The whole life of a member, with and without JavaScript: the cooperative's coordinator registers
// them and records consents; the card shows only what was consented; a resident books; the
// coordinator answers for the member, confirms it was done; the resident says thanks; the
// member's data is downloaded and then deleted.
test.describe('邻里帮帮 desk', () => {
  test('register, consent, book, answer for the member, thank, export and delete', async ({ page }, info) => {
    const project = info.project.name;
    const name = `测试成员${project}`;
    const service = `陪聊天${project}`;

    await signIn(page, project, OWNER.contact, OWNER.password, '/orgs');
    await page.getByRole('link', { name: DEMO.coop }).first().click();
    await ready(page, project);
    await page.getByTestId('coop-members-link').click();
    await expect(page.getByRole('heading', { name: '合作社成员' })).toBeVisible();
    await page.getByTestId('add-member').click();
    await ready(page, project);
    await page.locator('#member-name').fill(name);
    await page.locator('#member-area').selectOption({ index: 1 });
    await page.locator('#member-availability').fill('周末下午');
    await page.locator('#member-note').fill('独居，听力不好');
    await expect(page.getByTestId('snap-hint')).toContainText('500 米');
    await page.getByRole('button', { name: '登记新成员' }).click();
    await expect(page).toHaveURL(/\/help\/\d+\/edit/);
    await expect(page.getByTestId('editor-name')).toHaveText(name);
    await expect(page.getByTestId('no-consents')).toBeVisible();
    const memberUrl = page.url().replace(/\/edit.*$/, '');
    await ready(page, project);

    await page.locator('#services summary').click();
    await page.locator('#service-title').fill(service);
    await page.locator('#service-price').fill('20');
    await page.locator('#service-unit').selectOption('per_hour');
    await page.locator('#services details form button[type=submit]').click();
    await expect(page.getByTestId('editor-services')).toContainText(service);
    await expect(page.getByTestId('editor-services')).toContainText('¥20');
    await ready(page, project);

    // Consent: the name for everyone, the services for signed-in residents.
    const consent = page.getByTestId('consent-form');
    await expect(page.getByTestId('consent-notice')).toContainText('2026-11');
    await consent.getByLabel('哪一项').selectOption('name');
    await consent.getByLabel('给谁看').selectOption('everyone');
    await consent.getByLabel('怎样取得的同意').selectOption('paper');
    await consent.getByRole('button', { name: '记录一项同意' }).click();
    await expect(page.getByTestId('editor-consents').locator('li')).toHaveCount(1);
    await ready(page, project);
    await consent.getByLabel('哪一项').selectOption('services');
    await consent.getByLabel('给谁看').selectOption('residents');
    await consent.getByRole('button', { name: '记录一项同意' }).click();
    await expect(page.getByTestId('editor-consents').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('proxy-log')).toContainText('记录了同意');

    // A visitor sees the name only; a resident also sees the service and books it.
    await page.context().clearCookies();
    await page.goto(memberUrl);
    await ready(page, project);
    await expect(page.getByTestId('member-name')).toHaveText(name);
    await expect(page.locator('main')).not.toContainText(service);
    await expect(page.locator('main')).not.toContainText('听力');
    await expect(page.locator('main')).not.toContainText('周末下午');

    await signIn(page, project, RESIDENT.contact, RESIDENT.password, new URL(memberUrl).pathname);
    const services = page.getByTestId('member-services');
    await expect(services).toContainText(service);
    await services.locator('summary', { hasText: '预约这项服务' }).click();
    await services.getByLabel('希望的时间').fill('周六上午');
    await services.getByLabel('留言（可选）').fill('想找人聊聊天');
    await services.getByRole('button', { name: '发送预约' }).click();
    await expect(page).toHaveURL(/\/help\/bookings\/\d+\?done=booked/);
    await expect(page.getByTestId('booking-status')).toHaveText('等待答复');
    await expect(page.getByTestId('booking-price')).toHaveText('¥20');
    const bookingPath = new URL(page.url()).pathname;

    // The coordinator answers for the member, who has no account, and confirms it was done.
    await signIn(page, project, OWNER.contact, OWNER.password, bookingPath);
    await expect(page.getByTestId('acting-for-member')).toBeVisible();
    await expect(page.getByTestId('booking-resident')).toHaveText(RESIDENT.name);
    await page.getByTestId('answer-accepted').click();
    await expect(page.getByTestId('booking-status')).toHaveText('已接受');
    await ready(page, project);
    await page.getByTestId('answer-done').click();
    await expect(page.getByTestId('booking-status')).toHaveText('已完成');

    await signIn(page, project, RESIDENT.contact, RESIDENT.password, bookingPath);
    await page.getByLabel('想对成员说声谢谢吗？').fill('聊得很开心，谢谢！');
    await page.getByRole('button', { name: '发送感谢' }).click();
    await expect(page.getByTestId('booking-thanks')).toContainText('聊得很开心');
    await page.goto('/me');
    await expect(page.getByTestId('my-bookings')).toContainText(service);

    // Export, then delete.
    await signIn(page, project, OWNER.contact, OWNER.password, `${new URL(memberUrl).pathname}/edit`);
    await expect(page.getByTestId('proxy-log')).toContainText('代为接受预约');
    await expect(page.getByTestId('access-log')).toContainText(RESIDENT.name);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-member').click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.member.display_name).toBe(name);
    expect(exported.services[0].title).toBe(service);
    expect(exported.bookings[0].thanks).toBe('聊得很开心，谢谢！');

    await ready(page, project);
    await page.getByRole('button', { name: '删除资料' }).click();
    // Not without ticking the box (the browser asks first).
    await expect(page).toHaveURL(/\/edit/);
    await page.getByLabel('我确认成员本人要求删除').check();
    await page.getByRole('button', { name: '删除资料' }).click();
    await expect(page).toHaveURL(/\/orgs\/\d+\/members\?done=deleted/);
    await expect(page.getByRole('status')).toContainText('已删除');
    await expect(page.getByTestId('coop-members')).not.toContainText(name);
    await page.goto('/help');
    await expect(page.locator('main')).not.toContainText(name);
  });
});

// A photo goes on the card only once the member agrees; a member with the app gives (and
// withdraws) their own consents.
test.describe('邻里帮帮 photo and own consents', () => {
  // A refused upload answers 415, and a member nobody may see yet is a 404: Chromium logs both.
  test.use({ expectedConsoleErrors: [/status of 4(04|15)/] });

  test('a photo, and a member who gives their own consents in the app', async ({ page }, info) => {
    const project = info.project.name;
    const contact = `1360000${jsEnabled(project) ? '1' : '2'}${String(Date.now()).slice(-3)}`;
    // Unique per run, so the test can be repeated on one server.
    const name = `照片成员${project}${contact.slice(-3)}`;
    await signUp(page, project, contact, '有照片的成员');

    await signIn(page, project, OWNER.contact, OWNER.password, '/orgs');
    await page.getByRole('link', { name: DEMO.coop }).first().click();
    await page.getByTestId('coop-members-link').click();
    await page.getByTestId('add-member').click();
    await ready(page, project);
    await page.locator('#member-name').fill(name);
    await page.locator('#member-area').selectOption({ index: 1 });
    await page.getByRole('button', { name: '登记新成员' }).click();
    await expect(page).toHaveURL(/\/help\/\d+\/edit/);
    const memberPath = new URL(page.url()).pathname.replace(/\/edit$/, '');
    await expect(page.getByTestId('no-photo')).toBeVisible();

    // Not a photo: refused with the reason, on the same page.
    await page.getByLabel('选择照片').setInputFiles({
      name: 'notes.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('%PDF-1.4 not a photo'),
    });
    await page.getByRole('button', { name: '上传照片' }).click();
    await expect(page.getByTestId('photo-error')).toContainText('不是照片');
    await page.getByLabel('选择照片').setInputFiles(PHONE_PHOTO);
    await page.getByRole('button', { name: '上传照片' }).click();
    await expect(page).toHaveURL(/done=photo_changed/);
    // Stored sideways (800 × 600): the thumbnail is upright.
    const editorPhoto = page.locator('#photo').getByTestId('member-photo');
    await expect.poll(() => editorPhoto.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(320);
    await expect(page.getByTestId('proxy-log')).toContainText('更换了照片');

    await ready(page, project);
    await page.getByLabel('成员账号的手机号或邮箱').fill(contact);
    await page.getByRole('button', { name: '邀请关联账号' }).click();
    await expect(page).toHaveURL(/done=account_invited/);
    const sent = page.getByTestId('link-invitation');
    await expect(sent).toContainText(`已邀请 ${contact}`);
    const code = (await sent.textContent())!.match(/(?<!\d)\d{6}(?!\d)/)![0];
    await expect(page.getByTestId('linked-account')).toHaveCount(0);

    // Nobody outside the cooperative sees the member yet.
    await page.context().clearCookies();
    await page.goto(memberPath);
    await expect(page.getByTestId('member-name')).toHaveCount(0);

    // The member accepts on 我的 with the code the coordinator told them (the invitation names
    // no cooperative and no record), lands on their own card, and says who may see what.
    await signIn(page, project, contact, 'volunteer-2026', '/me');
    const invitation = page.getByTestId('invitations');
    await expect(invitation).toContainText('有合作社协调员邀请你把账号关联到你的成员档案');
    await expect(invitation).not.toContainText(name);
    await expect(invitation).not.toContainText(DEMO.coop);
    await invitation.getByLabel('协调员当面告诉你的 6 位数字').fill(code);
    await invitation.getByRole('button', { name: '接受' }).click();
    await expect(page).toHaveURL(`${memberPath}?done=account_linked`);
    await ready(page, project);
    await expect(page.getByTestId('member-name')).toHaveText(name);
    await expect(page.getByTestId('member-photo')).toBeVisible();
    const consent = page.getByTestId('consent-form');
    await expect(consent.getByLabel('怎样取得的同意')).toHaveCount(0);
    for (const group of ['name', 'photo']) {
      await consent.getByLabel('哪一项').selectOption(group);
      await consent.getByLabel('给谁看').selectOption('everyone');
      await consent.getByRole('button', { name: '我同意' }).click();
      await expect(page).toHaveURL(/done=consent_recorded/);
      await expect(page.getByTestId('member-done')).toContainText('记录了同意');
      await ready(page, project);
    }
    await expect(page.getByTestId('editor-consents').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('editor-consents')).toContainText('在应用内同意');

    // Now everyone sees the name and the photo.
    await page.context().clearCookies();
    await page.goto(memberPath);
    await expect(page.getByTestId('member-name')).toHaveText(name);
    const photo = page.getByTestId('member-photo');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    await page.goto('/help');
    await expect(page.getByTestId('member-card').filter({ hasText: name }).getByTestId('member-photo')).toBeVisible();

    // The member withdraws the photo: it is gone from the card at once.
    await signIn(page, project, contact, 'volunteer-2026', memberPath);
    await page.getByTestId('withdraw-photo-everyone').click();
    await expect(page).toHaveURL(/done=consent_withdrawn/);
    await page.context().clearCookies();
    await page.goto(memberPath);
    await expect(page.getByTestId('member-name')).toHaveText(name);
    await expect(page.getByTestId('member-photo')).toHaveCount(0);
  });
});
