import path from 'node:path';
import { test, expect, ready, jsEnabled, signUp, signIn } from './fixtures';
import { ADMIN, COORDINATOR } from './demo';

// A JPEG as a phone stores it: sideways with an EXIF orientation, and carrying a GPS position.
const PHONE_PHOTO = path.join(__dirname, '..', 'fixtures', 'phone-photo.jpg');

test.describe('益享生活', () => {
  // A refused posting answers 4xx, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 4[0-9][0-9]/] });

  test('a resident posts an item with a photo; it is listed, found by search and shown', async ({ page }, info) => {
    const project = info.project.name;
    const title = `儿童自行车 ${jsEnabled(project) ? 'js' : 'nojs'}`;
    await signUp(page, project, `1370000${jsEnabled(project) ? '1' : '2'}${String(Date.now()).slice(-3)}`, '骑车的邻居');
    await page.goto('/items');
    await ready(page, project);
    await page.getByTestId('post-item').click();
    await expect(page).toHaveURL('/items/new');
    await ready(page, project);

    // A refused posting keeps what was typed and says why.
    await page.getByLabel('物品名称').fill(title);
    await page.getByLabel('分类').selectOption({ label: '母婴儿童' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '良好' });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('请在地图上点选位置，或填写纬度和经度。');
    await expect(page.getByLabel('物品名称')).toHaveValue(title);

    await page.getByLabel('描述').fill('九成新，带辅助轮，适合四到六岁。');
    await page.getByLabel('取物说明').fill('工作日晚上七点后，小区门口自取。');
    await page.getByLabel('所在社区').selectOption({ index: 1 });
    await page.getByLabel('照片（最多 6 张）').setInputFiles(PHONE_PHOTO);
    await page.getByRole('button', { name: '发布', exact: true }).click();

    await expect(page).toHaveURL(/\/items\/\d+\?done=posted$/);
    await expect(page.getByRole('status')).toContainText('已发布');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByTestId('item-status')).toHaveText('可申请');
    // The photo was stored sideways (800 × 600) and is shown upright.
    const photo = page.getByTestId('item-photos').locator('img');
    await expect(photo).toHaveAttribute('width', '600');
    await expect(photo).toHaveAttribute('height', '800');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    const itemUrl = page.url().replace('?done=posted', '');

    // Listed, and found by a long and by a short search.
    for (const q of ['自行车', '车']) {
      await page.goto('/items');
      await ready(page, project);
      await page.getByLabel('搜索物品').fill(q);
      await page.getByRole('button', { name: '搜索', exact: true }).click();
      await expect(page).toHaveURL(/q=/);
      const card = page.getByTestId('item-card').filter({ hasText: title });
      await expect(card).toBeVisible();
      await expect(card.locator('img')).toBeVisible();
    }
    await page.goto('/items?category=books');
    await expect(page.getByTestId('item-card').filter({ hasText: title })).toHaveCount(0);
    await page.goto(itemUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('the board shows a page at a time: older listings, back to the newest; a bad page start is a 400', async ({ page }, info) => {
    const project = info.project.name;
    await page.goto('/items');
    await ready(page, project);
    // The demo alone lists more than one page.
    const cards = page.getByTestId('item-card');
    await expect(cards).toHaveCount(24);
    await expect(page.locator('.result-count')).toHaveText('这一页 24 件物品');
    await expect(page.getByTestId('first-page')).toHaveCount(0);
    const newest = await cards.locator('h2').allTextContents();

    await page.getByTestId('next-page').click();
    await expect(page).toHaveURL(/\/items\?before=\d+-\d+$/);
    await expect(page.getByTestId('first-page')).toBeVisible();
    await expect(cards.first()).toBeVisible();
    // Listings posted by other tests meanwhile do not push any of the first page onto this one.
    const older = await cards.locator('h2').allTextContents();
    expect(older.filter((title) => newest.includes(title))).toEqual([]);

    await page.getByTestId('first-page').click();
    await expect(page).toHaveURL(/\/items$/);
    await expect(cards).toHaveCount(24);

    const bad = await page.request.get('/items?before=yesterday');
    expect(bad.status()).toBe(400);
    await page.goto('/items?before=yesterday');
    await expect(page.getByRole('alert')).toHaveText('筛选条件无法识别。');
    await page.getByRole('link', { name: '查看全部物品' }).click();
    await expect(cards).toHaveCount(24);
  });

  test('a coordinator hands donated clothes out at their organisation\'s donation point', async ({ page }, info) => {
    const project = info.project.name;
    const title = `儿童棉鞋 ${jsEnabled(project) ? 'js' : 'nojs'} ${String(Date.now()).slice(-4)}`;
    await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, '/items/new');
    await ready(page, project);
    await page.getByLabel('物品名称').fill(title);
    await page.getByLabel('分类').selectOption({ label: '母婴儿童' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '良好' });
    // No place of its own: the point is where it is.
    await page.getByLabel('在本机构的站点发放（可选）').selectOption({ label: '中华北路旧衣物捐赠点 · 云岩区阳光助老服务中心' });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page).toHaveURL(/\/items\/\d+\?done=posted$/);
    await expect(page.getByTestId('item-handout')).toContainText('中华北路旧衣物捐赠点');
    await expect(page.getByTestId('item-place-hint')).toHaveText('到上面的领取点领取：点开领取点可以看到确切地址和开放时间');
    await page.getByTestId('item-handout').getByRole('link').click();
    await expect(page).toHaveURL(/\/resources\/\d+$/);
  });

  test('a file that is not a photo is refused with a clear message', async ({ page }, info) => {
    const project = info.project.name;
    await signUp(page, project, `1370000${jsEnabled(project) ? '3' : '4'}${String(Date.now()).slice(-3)}`, '传错文件的邻居');
    await page.goto('/items/new');
    await ready(page, project);
    await page.getByLabel('物品名称').fill('旧书一箱');
    await page.getByLabel('分类').selectOption({ label: '书籍文具' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '有使用痕迹' });
    await page.getByLabel('所在社区').selectOption({ index: 1 });
    await page.getByLabel('照片（最多 6 张）').setInputFiles({
      name: 'books.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('%PDF-1.4 not a photo at all'),
    });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('有一个文件不是照片');
    await expect(page.getByLabel('物品名称')).toHaveValue('旧书一箱');
  });

  test('a neighbour asks, the owner promises, the code completes the handover, the item shows as given', async ({ page }, info) => {
    const project = info.project.name;
    const js = jsEnabled(project);
    const stamp = String(Date.now()).slice(-3);
    const owner = `1370000${js ? '5' : '6'}${stamp}`;
    const asker = `1370000${js ? '7' : '8'}${stamp}`;
    const title = `电饭煲 ${js ? 'js' : 'nojs'} ${stamp}`;

    // The owner posts (no photo this time).
    await signUp(page, project, owner, '送电饭煲的邻居');
    await page.goto('/items/new');
    await ready(page, project);
    await page.getByLabel('物品名称').fill(title);
    await page.getByLabel('分类').selectOption({ label: '家电' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '良好' });
    await page.getByLabel('所在社区').selectOption({ index: 1 });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page).toHaveURL(/\/items\/\d+\?done=posted$/);
    const itemUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId('owner-requests')).toContainText('还没有人申请');

    // A neighbour asks with a message.
    await signUp(page, project, asker, '需要电饭煲的邻居');
    await page.goto(itemUrl);
    await ready(page, project);
    await page.getByLabel('给物主留言').fill('家里的坏了，周六上午可以来取吗？');
    await page.getByRole('button', { name: '发送申请' }).click();
    await expect(page).toHaveURL(`${itemUrl}?done=asked`);
    await expect(page.getByTestId('my-request').getByTestId('request-status')).toHaveText('等待回复');
    // Their request's page says the owner has not chosen yet.
    await page.getByTestId('my-request').getByRole('link', { name: '查看对话' }).click();
    await expect(page.getByTestId('handover')).toContainText('物主还在考虑');
    await expect(page.getByRole('button', { name: '撤回申请' })).toBeVisible();

    // The owner sees the request, opens it, promises it, and shares the address in the thread.
    await signIn(page, project, owner, 'volunteer-2026', itemUrl);
    const entry = page.getByTestId('request-entry').filter({ hasText: '需要电饭煲的邻居' });
    await expect(entry).toContainText('周六上午可以来取吗');
    await expect(entry.getByRole('button', { name: '约定给 TA' })).toBeVisible();
    await entry.getByRole('link', { name: '查看对话' }).click();
    await ready(page, project);
    await page.getByTestId('promise-form').getByRole('button', { name: '约定给 TA' }).click();
    await expect(page).toHaveURL(/\/items\/requests\/\d+\?done=promised$/);
    const requestUrl = new URL(page.url()).pathname;
    const code = (await page.getByTestId('handover-code').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('写留言').fill('地址：黔灵山社区 3 栋 2 单元，到了打电话。');
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await expect(page.getByTestId('thread')).toContainText('黔灵山社区 3 栋 2 单元');
    // The address is in the thread only, never on the listing.
    await page.goto(itemUrl);
    await expect(page.locator('main')).not.toContainText('3 栋 2 单元');
    await expect(page.getByTestId('item-status')).toHaveText('已约定');

    // The neighbour is told, reads the address, and types the code when they meet.
    await signIn(page, project, asker, 'volunteer-2026', '/me/notifications');
    await expect(page.locator('main')).toContainText(`「${title}」约定给你了`);
    await page.goto(requestUrl);
    await ready(page, project);
    await expect(page.getByTestId('thread')).toContainText('黔灵山社区 3 栋 2 单元');
    await page.getByLabel('交接码').fill(code);
    await page.getByRole('button', { name: '确认收到' }).click();
    await expect(page).toHaveURL(`${requestUrl}?done=confirmed`);
    await expect(page.getByTestId('request-status')).toHaveText('已交接');
    await expect(page.getByTestId('handed-over')).toBeVisible();

    // The item shows as given, and leaves the list.
    await page.goto(itemUrl);
    await expect(page.getByTestId('item-status')).toHaveText('已送出');
    await page.goto(`/items?q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId('item-card').filter({ hasText: title })).toHaveCount(0);
  });

  test('three reports hide a listing until an admin restores it', async ({ page }, info) => {
    // The hidden listing's page answers 404 to a visitor.
    const project = info.project.name;
    const js = jsEnabled(project);
    const stamp = String(Date.now()).slice(-3);
    const title = `便宜转让手机 ${js ? 'js' : 'nojs'} ${stamp}`;
    await signUp(page, project, `1371000${js ? '1' : '2'}${stamp}`, '被举报的邻居');
    await page.goto('/items/new');
    await ready(page, project);
    await page.getByLabel('物品名称').fill(title);
    await page.getByLabel('分类').selectOption({ label: '电子数码' });
    await page.getByLabel('成色（送出时填写）').selectOption({ label: '良好' });
    await page.getByLabel('所在社区').selectOption({ index: 1 });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page).toHaveURL(/\/items\/\d+\?done=posted$/);
    const itemUrl = new URL(page.url()).pathname;

    for (const n of [3, 4, 5]) {
      await signUp(page, project, `1371000${js ? n : n + 3}${stamp}`, `举报的邻居${n}`);
      await page.goto(itemUrl);
      await ready(page, project);
      await page.getByText('举报这件物品').click();
      await page.getByLabel('举报原因').selectOption({ label: '诈骗或收费' });
      await page.getByLabel('补充说明（可不填）').fill('要求先转账');
      await page.getByRole('button', { name: '提交举报' }).click();
      await expect(page).toHaveURL('/items?done=reported');
      await expect(page.getByRole('status')).toContainText('已收到你的举报');
    }
    // Hidden: out of the list, and not found for others.
    await expect(page.getByTestId('item-card').filter({ hasText: title })).toHaveCount(0);
    await page.context().clearCookies();
    const hidden = await page.goto(itemUrl);
    expect(hidden?.status()).toBe(404);

    // An admin restores it from the queue.
    await signIn(page, project, ADMIN.contact, ADMIN.password, '/admin/items');
    const entry = page.getByTestId('reported-item').filter({ hasText: title });
    await expect(entry.getByTestId('moderation-state')).toHaveText('已隐藏');
    await expect(entry).toContainText('诈骗或收费');
    await entry.getByRole('button', { name: '恢复展示' }).click();
    await expect(page).toHaveURL('/admin/items?done=moderated');
    await expect(page.getByTestId('reported-item').filter({ hasText: title })).toHaveCount(0);
    await page.goto(`/items?q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId('item-card').filter({ hasText: title })).toBeVisible();
  });
});
