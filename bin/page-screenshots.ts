/**
 * `npm run docs:screenshots`: pictures of the landing page, the embed builder (for docs/pages.md) and
 * each console view (for docs/console.md), taken in headless Chromium from a fresh in-memory server
 * (so the numbers are a few hits and a demo owner's, not someone's data), into docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const screenshotsDir = join(import.meta.dirname, '..', 'docs', 'screenshots');
export const pageScreenshots = ['landing.png', 'landing-dark-360.png', 'embed.png'];
export const consoleScreenshots = ['console-sign-in.png', 'console-keys.png', 'console-metrics.png', 'console-overrides.png', 'console-usage.png', 'console-account.png', 'console-account-dark-360.png'];

const desktop = { viewport: { width: 1100, height: 800 } };
const phoneDark = { viewport: { width: 360, height: 740 }, colorScheme: 'dark' } as const;

const save = async (page: Page, file: string) => {
  await page.screenshot({ path: join(screenshotsDir, file), fullPage: true });
  console.log(`Wrote docs/screenshots/${file}`);
};

/** The demo owner's console, with a key just created, a metric, an override and a few decisions. */
const shootConsole = async (browser: Browser, url: string, adminKey: string, options: BrowserContextOptions, files: { account: string; others?: Record<'signIn' | 'keys' | 'metrics' | 'overrides' | 'usage', string> }) => {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto(`${url}/console`, { waitUntil: 'networkidle' });
  await page.getByLabel('Admin key').fill(adminKey);
  if (files.others) await save(page, files.others.signIn);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  if (files.others) {
    await page.getByLabel('Name').fill('billing service');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('row').nth(2).waitFor();
    await save(page, files.others.keys);
    await page.goto(`${url}/console#metrics`);
    await page.getByRole('cell', { name: 'api_calls', exact: true }).waitFor();
    await save(page, files.others.metrics);
    await page.goto(`${url}/console#overrides/api_calls`);
    await page.getByRole('cell', { name: 'customer_vip', exact: true }).waitFor();
    await save(page, files.others.overrides);
    await page.goto(`${url}/console#usage`);
    await page.getByLabel('Subject').fill('customer_42');
    await page.getByLabel('Metric').fill('api_calls');
    await page.getByRole('button', { name: 'Look up usage' }).click();
    await page.locator('meter').waitFor();
    await save(page, files.others.usage);
  }
  await page.goto(`${url}/console#account`);
  await page.getByRole('cell', { name: 'Denied' }).first().waitFor();
  await save(page, files.account);
  await page.close();
};

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const { loadCdkJsonConfig } = await import('../lib/config.ts');
  const { startDevServer } = await import('../lib/local/dev-server.ts');
  const { routes } = await import('../lib/routes.ts');
  const { launch } = await import('../test/site/chromium.ts');
  const { Incr } = await import('../packages/client/src/index.ts');

  const dataDir = mkdtempSync(join(tmpdir(), 'incr-screenshots-'));
  const server = await startDevServer({ routes, port: 0, host: '127.0.0.1', tableName: 'incr-screenshots', inMemory: true, dataDir, config: loadCdkJsonConfig() });
  const browser = await launch();
  try {
    for (let hit = 0; hit < 3; hit++) await fetch(`${server.url}/hit/my-site.example/visits`);
    mkdirSync(screenshotsDir, { recursive: true });
    const shoot = async (path: string, file: string, options: BrowserContextOptions) => {
      const page = await (await browser.newContext(options)).newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await save(page, file);
      await page.close();
    };
    await shoot('/', pageScreenshots[0]!, desktop);
    await shoot('/', pageScreenshots[1]!, phoneDark);
    await shoot('/embed', pageScreenshots[2]!, desktop);

    // Decisions are logged at most every few seconds per container: here, on every request.
    const { decisionLog } = await import('../lambdas/quota/decision-log.ts');
    decisionLog.flushes.intervalMs = 0;
    const { adminKey, useKey } = server.demoOwner!;
    const admin = new Incr({ baseUrl: server.url, apiKey: adminKey.key });
    await admin.metrics.create({ metric: 'api_calls', limit: 5, window: 'day', description: 'Calls to the public API' });
    await admin.metrics.create({ metric: 'ai_tokens', limit: 100_000, window: 'month' });
    await admin.overrides.put('api_calls', 'customer_vip', { limit: 'unlimited' });
    await admin.overrides.put('api_calls', 'customer_7', { limit: 50 });
    const decide = new Incr({ baseUrl: server.url, apiKey: useKey.key });
    // Paced: the demo owner's plan allows a few requests a second, and the pictures should show the metric's own limit.
    const pause = () => new Promise((wake) => setTimeout(wake, 300));
    for (let call = 0; call < 6; call++) {
      await decide.quota.checkConsume({ subject: 'customer_42', metric: 'api_calls', cost: 1 });
      await pause();
    }
    await decide.quota.checkConsume({ subject: 'customer_vip', metric: 'api_calls', cost: 3 });

    const [signIn, keys, metrics, overrides, usage, account, accountDark] = consoleScreenshots as [string, string, string, string, string, string, string];
    await shootConsole(browser, server.url, adminKey.key, desktop, { account, others: { signIn, keys, metrics, overrides, usage } });
    await shootConsole(browser, server.url, adminKey.key, phoneDark, { account: accountDark });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
