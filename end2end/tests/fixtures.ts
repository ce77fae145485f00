import { test as base, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COORDINATOR, DEMO } from './demo';

// Every test fails if the page logs an error or throws: a page that "looks fine" but is broken
// in the console is broken.
// A test that expects an error status (a 404 page) lists the messages it expects.

// A map tile: one light pixel, stretched. Tests never reach the real tile servers.
export const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4/79/PwAHyAPQ8h5DVgAAAABJRU5ErkJggg==',
  'base64',
);
export const TILE_SERVERS = /tile\.openstreetmap\.org|is\.autonavi\.com|tianditu\.gov\.cn/;

export const test = base.extend<{
  expectedConsoleErrors: RegExp[];
  consoleErrors: string[];
  stubbedTiles: void;
}>({
  expectedConsoleErrors: [[], { option: true }],
  stubbedTiles: [
    async ({ page }, use) => {
      await page.route(TILE_SERVERS, (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG }),
      );
      await use();
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && !expectedConsoleErrors.some((re) => re.test(text))) {
          // A failed load names no address in its text: the location says which one it was.
          const at = msg.location().url;
          errors.push(at ? `${text} (${at})` : text);
        }
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

export const jsEnabled = (projectName: string) => projectName === 'hydrate';

// With JavaScript, wait until the WASM app has taken over the server-rendered page.
export async function ready(page: Page, projectName: string) {
  if (jsEnabled(projectName)) {
    await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  }
}

// Where the test server writes its text messages and e-mails (start-server.sh names the same).
const messages = path.join(os.tmpdir(), `yunyixiang-e2e-${process.env.E2E_PORT ?? 3100}`);

// The newest code message to `contact`: its file and its code.
function newestCode(contact: string): { file: string; code: string } | undefined {
  const email = contact.includes('@');
  const dir = path.join(messages, email ? 'mail' : 'sms');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    // A message still being written has a name starting with a dot.
    .filter((name) => !name.startsWith('.'))
    .map((name) => path.join(dir, name))
    .map((file) => ({ file, at: fs.statSync(file).mtimeMs }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
  for (const { file } of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (email) {
      const [head, ...body] = text.split('\r\n\r\n');
      const code = body.join('\n').match(/(?<!\d)\d{6}(?!\d)/);
      if (head.includes(`To: ${contact}`) && code) return { file, code: code[0] };
    } else {
      try {
        const message = JSON.parse(text);
        if (message.to === contact && message.template === 'verification_code') return { file, code: message.params.code };
      } catch {
        // Half-written by the server at this moment: not the one asked for yet.
      }
    }
  }
  return undefined;
}

// The newest code sent to `contact` (an 11-digit number or a lower-case address), once it is there;
// with `before` (the file of the code that was newest before asking), only a newer one: codes
// leave in the background, moments after the page says they were sent.
export async function sentCode(contact: string, before?: string): Promise<string> {
  const fresh = () => {
    const newest = newestCode(contact);
    return newest && newest.file !== before ? newest.code : undefined;
  };
  await expect.poll(fresh, { message: `a code for ${contact}` }).toMatch(/^\d{6}$/);
  return fresh()!;
}

// Asks for a code on a page showing the contact field, then types it in (the page's second step).
export async function typeSentCode(page: Page, projectName: string, contact: string, label = '手机号或邮箱', button = '获取验证码', codeLabel = '验证码') {
  const before = newestCode(contact)?.file;
  await page.getByLabel(label).fill(contact);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('code-sent')).toBeVisible();
  await ready(page, projectName);
  await page.getByLabel(codeLabel, { exact: true }).fill(await sentCode(contact, before));
}

// Signs up a new resident (password `volunteer-2026`) in a browser with no session, ending on 我的.
export async function signUp(page: Page, projectName: string, contact: string, name: string) {
  await page.context().clearCookies();
  await page.goto('/signup?next=/me');
  await ready(page, projectName);
  await typeSentCode(page, projectName, contact);
  await page.getByLabel('称呼').fill(name);
  await page.getByLabel('密码').fill('volunteer-2026');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL('/me');
  await expect(page.getByTestId('account-card')).toContainText(name);
}

// Signs in (after ending any session this browser had) and lands on `next`.
export async function signIn(page: Page, projectName: string, contact: string, password: string, next = '/me') {
  await page.context().clearCookies();
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await ready(page, projectName);
  await page.getByLabel('手机号或邮箱').fill(contact);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(next);
  await ready(page, projectName);
}

/// China time `offsetMinutes` from now, as a date-time input writes it (YYYY-MM-DDTHH:MM).
export function chinaTime(offsetMinutes: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/// The day after tomorrow in China time, as a date input writes it.
function dayAfterTomorrow(): string {
  return chinaTime(2 * 24 * 60).slice(0, 10);
}

/// A coordinator of the demo organisation publishes an event with `seats` seats, by default the
/// day after tomorrow 09:00–11:30 (or `from`–`to`, as date-time input values); returns its path.
export async function publishEvent(
  page: Page,
  project: string,
  title: string,
  seats: string,
  when?: { from: string; to: string },
  more?: (page: Page) => Promise<void>,
): Promise<string> {
  await signIn(page, project, COORDINATOR.contact, COORDINATOR.password, '/events/new');
  await expect(page.getByLabel('主办机构').locator('option:checked')).toHaveText(DEMO.sunshine);
  await page.getByLabel('活动名称').fill(title);
  await page.getByLabel('类别', { exact: true }).selectOption({ label: '助学' });
  const day = dayAfterTomorrow();
  await page.getByLabel('开始时间').fill(when?.from ?? `${day}T09:00`);
  await page.getByLabel('结束时间').fill(when?.to ?? `${day}T11:30`);
  await page.getByLabel('地点名称').fill('延中社区活动室');
  await page.getByLabel('名额').fill(seats);
  if (jsEnabled(project)) {
    const picker = page.getByTestId('location-picker');
    await expect(picker.locator('.leaflet-tile-loaded').first()).toBeVisible();
    await picker.click();
    await expect(page.getByTestId('picked-location')).toContainText('已选位置：');
  } else {
    await page.getByLabel('纬度').fill('26.5850');
    await page.getByLabel('经度').fill('106.7125');
  }
  await more?.(page);
  await page.getByTestId('publish-now').click();
  await expect(page).toHaveURL(/\/events\/\d+\?done=saved$/);
  await expect(page.getByRole('status')).toContainText('活动已保存。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}
