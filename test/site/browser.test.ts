import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalApi } from '../helpers.ts';

/**
 * The API reference as a reader sees it: the real page in headless Chromium, against the local
 * server. CI installs Chromium (.ci/run); a machine without it skips this file and says so.
 */
const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) console.warn(`Skipping the /docs browser test: ${executablePath} is missing (.ci/run installs it with apt-get).`);

// The flags these machines need (../shared/notes/environment.md beside the repository): no sandbox for a container, and none of Chromium's own network traffic.
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Operation = { summary?: string };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

describe.skipIf(!hasChromium)('GET /docs in headless Chromium', () => {
  const api = useLocalApi();
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args });
  });
  afterAll(() => browser?.close());

  /** Opens the page, recording every console error, uncaught exception, policy violation and request. */
  const open = async () => {
    const page: Page = await browser.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    // Page code as text: this project type-checks without the DOM library.
    await page.addInitScript({
      content:
        "window.violations = []; document.addEventListener('securitypolicyviolation', (event) => " +
        "window.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));",
    });
    await page.goto(`${api.url}/docs`);
    return { page, consoleErrors, pageErrors, requests, violations: () => page.evaluate<string[]>('window.violations') };
  };

  it('shows every operation of /openapi.json, loading nothing from elsewhere, with no error and no policy violation', async () => {
    const document = (await (await api.fetch('/openapi.json')).json()) as OpenApi;
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.values(methods).map((operation) => ({ path, summary: operation.summary })));
    expect(operations.map(({ path }) => path)).toContain('/v1/check-consume');

    const { page, consoleErrors, pageErrors, requests, violations } = await open();
    for (const { path, summary } of operations) {
      await page.getByText(summary ?? path, { exact: true }).first().waitFor({ state: 'attached', timeout: 30_000 });
    }
    await page.getByText('/v1/check-consume', { exact: true }).first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(requests.filter((url) => new URL(url).origin !== api.url)).toEqual([]);
    await page.close();
  });
});
