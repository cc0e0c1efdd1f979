import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, freePort, startDynamoDbLocal, type RunningDynamoDbLocal } from '../../lib/local/dynamodb-local.ts';
import { Incr, IncrError } from '../../packages/client/src/index.ts';
import { bearer } from '../helpers.ts';
import { developerEnv, startBin, waitForLine } from '../processes.ts';
import { expectClean, hasChromium, launch, openPage, warnIfMissing, type OpenedPage } from './chromium.ts';

/**
 * The console as an owner uses it: `npm start` (as a child process, on a DynamoDB Local of this
 * file's own, which the last test stops), its demo owner's admin key, and headless Chromium.
 * The tests run in order on one signed-in page, as one session would.
 */
warnIfMissing('the console browser tests');

/** What Chromium logs for an answer the console expected and explained: a refused key, an outage. */
const expectedFailures = (statuses: number[]) => new RegExp(`^Failed to load resource: the server responded with a status of (${statuses.join('|')}) `);

describe.skipIf(!hasChromium)('the console in headless Chromium, against npm start', () => {
  let dynamodb: RunningDynamoDbLocal;
  let server: ReturnType<typeof startBin>;
  let url: string;
  let adminKey: string;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'incr-console-test-'));
  const metric = 'e2e_calls';
  let useKey = '';

  const call = (key: string, path: string, body?: unknown) => fetch(`${url}${path}`, bearer(key, { method: body === undefined ? 'GET' : 'POST', body }));
  const checkConsume = async (subject: string, key = useKey) => (await call(key, '/v1/check-consume', { subject, metric, cost: 1 })).json() as Promise<{ allowed: boolean }>;
  const signIn = async (key: string) => {
    await page.getByLabel('Admin key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const view = async (name: string) => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };
  const cell = (name: string) => page.getByRole('cell', { name, exact: true });
  const stored = () => page.evaluate<{ session: string[]; local: number; url: string }>('({ session: Object.values(sessionStorage), local: localStorage.length, url: location.href })');

  beforeAll(async () => {
    dynamodb = await startDynamoDbLocal();
    const tableName = `incr-console-${randomUUID()}`;
    await ensureTable(dynamodb.endpoint, tableName);
    const port = await freePort();
    // growth: a monthly cap to draw, and per-second caps a clicking test never reaches.
    server = startBin(
      developerEnv({ INCR_DATA_DIR: dataDir, INCR_IN_MEMORY: '1', PORT: String(port), DYNAMODB_ENDPOINT: dynamodb.endpoint, TABLE_NAME: tableName, INCR_DEFAULT_PLAN: 'growth' }),
      { viaNpm: true },
    );
    await waitForLine(server.output, server.exited);
    url = `http://localhost:${port}`;
    adminKey = /admin key: (\S+)/.exec(server.output.stdout)![1]!;
    browser = await launch();
    opened = await openPage(browser, `${url}/console`, { permissions: ['clipboard-read', 'clipboard-write'] });
    page = opened.page;
  });
  // The tests share one page: what it showed is the quickest clue to a failure.
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.error(`The console showed:\n${await page.locator('main').innerText()}`);
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await dynamodb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs in with the demo owner's admin key, kept in sessionStorage only", async () => {
    await signIn(adminKey);
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    expect(await stored()).toEqual({ session: [adminKey], local: 0, url: `${url}/console` });
    expect(await page.context().cookies()).toEqual([]);
    await cell('demo').waitFor();
    await expectClean(opened, url);
  });

  it('creates a use key, shows it once with a warning, and copies it', async () => {
    await page.getByLabel('Kind').selectOption('use');
    await page.getByLabel('Name').fill('e2e service');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Copy it now: it is shown only this once.').waitFor();
    useKey = (await page.locator('#new-key').textContent())!.trim();
    expect(useKey).toMatch(/^ck_use_live_[0-9a-f]{40}$/);
    await page.getByRole('button', { name: 'Copy the new key' }).click();
    await page.getByRole('status').getByText('Copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(useKey);
    await cell('e2e service').waitFor();

    await page.getByRole('button', { name: 'I have copied it: hide the key' }).click();
    expect(await page.content()).not.toContain(useKey);
    // Reloading shows the list again, never the key: only its prefix.
    await page.reload();
    await cell('e2e service').waitFor();
    expect(await page.content()).not.toContain(useKey);
    await cell(`${useKey.slice(0, 16)}…`).waitFor();
    await expectClean(opened, url);
  });

  it('creates a metric with a daily limit, edits it, and deletes another after confirmation', async () => {
    await view('Metrics');
    const create = async (name: string, limit: string) => {
      await page.getByLabel('Metric', { exact: true }).fill(name);
      await page.getByLabel('Limit per subject').first().fill(limit);
      await page.getByLabel('Window').first().selectOption('day');
      await page.getByRole('button', { name: 'Create metric' }).click();
      await cell(name).waitFor();
    };
    await create(metric, '2');
    await create('e2e_spare', '7');
    await page.getByRole('button', { name: `Edit ${metric}` }).click();
    await page.getByRole('form', { name: `Edit ${metric}` }).getByLabel('Description').fill('Calls from the browser test');
    await page.getByRole('button', { name: `Save ${metric}` }).click();
    await cell('Calls from the browser test').waitFor();
    expect(await page.getByRole('row').filter({ hasText: metric }).textContent()).toContain('2day');

    await page.getByRole('button', { name: 'Delete e2e_spare' }).click();
    // Asked first: nothing is deleted until it is confirmed.
    await page.getByRole('button', { name: 'Yes, delete' }).waitFor();
    expect(await cell('e2e_spare').count()).toBe(1);
    // The confirmation takes the focus, so the keyboard confirms it.
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Yes, delete');
    await page.keyboard.press('Enter');
    await page.getByText('Metric e2e_spare and its overrides are deleted.').waitFor();
    await cell('e2e_spare').waitFor({ state: 'detached' });
    await expectClean(opened, url);
  });

  it("adds, edits and deletes a subject's override, a page at a time", async () => {
    await page.getByRole('link', { name: `Overrides of ${metric}` }).click();
    await page.getByRole('heading', { level: 1, name: `Overrides of ${metric}` }).waitFor();
    const add = async (subject: string, limit: string | 'unlimited') => {
      await page.getByLabel('Subject').fill(subject);
      if (limit === 'unlimited') await page.getByLabel('Unlimited').check();
      else await page.getByLabel('Limit', { exact: true }).fill(limit);
      await page.getByRole('button', { name: 'Save override' }).click();
      await cell(subject).waitFor();
    };
    await add('vip', 'unlimited');
    await page.getByRole('row').filter({ hasText: 'vip' }).getByText('Unlimited').waitFor();
    await add('temp', '1');
    await page.getByRole('button', { name: 'Edit vip' }).click();
    const edit = page.getByRole('form', { name: 'Edit the override of vip' });
    await edit.getByLabel('Unlimited').uncheck();
    await edit.getByLabel('Limit', { exact: true }).fill('10');
    await edit.getByRole('button', { name: 'Save override' }).click();
    await page.getByText('vip may now use 10 of e2e_calls.').waitFor();
    await page.getByRole('button', { name: 'Delete the override of temp' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('The override of temp is deleted').waitFor();
    await cell('temp').waitFor({ state: 'detached' });

    // More overrides than a page: the rest come with "Load more".
    const admin = new Incr({ baseUrl: url, apiKey: adminKey });
    for (let index = 0; index < 21; index++) await admin.overrides.put(metric, `bulk_${String(index).padStart(2, '0')}`, { limit: 5 });
    await page.reload();
    await cell('bulk_00').waitFor();
    expect(await cell('vip').count()).toBe(0);
    await page.getByRole('button', { name: 'Load more overrides' }).click();
    await cell('vip').waitFor();
    expect(await page.getByRole('button', { name: 'Load more overrides' }).count()).toBe(0);
    await expectClean(opened, url);
  });

  it('shows usage and the recent decisions, allowed and denied, after check-consume calls', async () => {
    expect(await checkConsume('alice')).toMatchObject({ allowed: true });
    expect(await checkConsume('alice')).toMatchObject({ allowed: true });
    expect(await checkConsume('alice')).toMatchObject({ allowed: false });

    await view('Usage');
    await page.getByLabel('Subject').fill('alice');
    await page.getByLabel('Metric').fill(metric);
    // Read with the signed-in admin key: there is no other key to give.
    expect(await page.locator('input[type=password]').count()).toBe(0);
    await page.getByRole('button', { name: 'Look up usage' }).click();
    await page.getByText('2 of 2 used').waitFor();
    expect(await page.locator('meter').evaluate((meter: { value: number; max: number }) => [meter.value, meter.max])).toEqual([2, 2]);
    expect(await page.locator('.facts').textContent()).toBe('Current2Limit2Remaining0WindowThis day');

    await view('Account');
    await page.getByRole('heading', { name: 'Plan: growth' }).waitFor();
    expect(await page.locator('progress').evaluate((bar: { max: number }) => bar.max)).toBe(500_000);
    // The decision log is written at most every 5 seconds, by the next decision: keep deciding until alice's show.
    await expect
      .poll(
        async () => {
          await checkConsume(`tick-${randomUUID().slice(0, 8)}`);
          await page.getByRole('button', { name: 'Refresh' }).click();
          return page.getByRole('row').filter({ hasText: 'alice' }).count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(3);
    await page.getByLabel('Subject contains').fill('alice');
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('denied');
    expect(await page.getByRole('row').filter({ hasText: 'alice' }).allTextContents()).toEqual([expect.stringMatching(/alicee2e_calls1Denied0limit_exceeded$/)]);
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('allowed');
    expect(await page.getByRole('row').filter({ hasText: 'Allowed' }).count()).toBe(2);
    await expectClean(opened, url);
  });

  it('fits a 360 px wide screen in the dark scheme, signed in', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const name of ['API keys', 'Metrics', 'Usage', 'Account']) {
      await view(name);
      await page.waitForLoadState('networkidle');
      // Polled: what must fit is the view once its answers are drawn, not a frame of it on the way.
      await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), { message: name, timeout: 5_000 }).toBeLessThanOrEqual(360);
    }
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(18, 19, 22)');
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await expectClean(opened, url);
  });

  it('revokes the use key after confirmation, and the next call with it is refused (401)', async () => {
    await view('API keys');
    await page.getByRole('button', { name: `Revoke key ${useKey.slice(0, 16)}` }).click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByText(/is revoked: it stops working everywhere within 5 seconds/).waitFor();
    await page.getByRole('row').filter({ hasText: 'e2e service' }).getByText(/^Revoked /).waitFor();
    // Verified keys are cached for up to 5 seconds per container.
    await expect.poll(async () => (await call(useKey, '/v1/check-consume', { subject: 'alice', metric, cost: 1 })).status, { timeout: 10_000, interval: 500 }).toBe(401);
    await expectClean(opened, url);
  });

  it('signs out, clearing sessionStorage; a key that stops working sends the console back to sign in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin key').waitFor();
    expect(await stored()).toEqual({ session: [], local: 0, url: `${url}/console#keys` });

    const admin = new Incr({ baseUrl: url, apiKey: adminKey });
    const second = await admin.keys.create({ kind: 'admin', name: 'short-lived' });
    await signIn(second.key);
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await admin.keys.revoke(second.keyId);
    await expect.poll(async () => (await call(second.key, '/v1/keys')).status, { timeout: 10_000, interval: 500 }).toBe(401);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Metrics' }).click();
    await page.getByText(/^Your admin key was refused \(Invalid or revoked API key\)\. Sign in again\.$/).waitFor();
    expect((await stored()).session).toEqual([]);
    await signIn(adminKey);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(opened.consoleErrors.splice(0).filter((message) => !expectedFailures([401]).test(message))).toEqual([]);
    await expectClean(opened, url);
  });

  it('says, readably, that Incr is unavailable when DynamoDB is stopped, and recovers nothing it should not', async () => {
    await view('Account');
    await page.getByRole('heading', { name: 'Plan: growth' }).waitFor();
    await dynamodb.stop();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/^Service temporarily unavailable, please retry\. Nothing was lost: try again in 1 second\.Try again$/);
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    // Still signed in: an outage is not a refused key.
    expect((await stored()).session).toEqual([adminKey]);
    expect(opened.consoleErrors.splice(0).filter((message) => !expectedFailures([503]).test(message))).toEqual([]);
    await expectClean(opened, url);
    await expect(new Incr({ baseUrl: url, apiKey: adminKey, retries: 0 }).account.get()).rejects.toBeInstanceOf(IncrError);
  });
});
