import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * Pages as a reader sees them: real headless Chromium against the local server. CI installs
 * Chromium (.ci/run); a machine without it skips the browser tests and says so.
 */
export const executablePath = '/usr/bin/chromium';
export const hasChromium = existsSync(executablePath);
export const warnIfMissing = (what: string) => {
  if (!hasChromium) console.warn(`Skipping ${what}: ${executablePath} is missing (.ci/run installs it with apt-get).`);
};

// The flags these machines need (../shared/notes/environment.md beside the repository): no sandbox for a container, and none of Chromium's own network traffic.
export const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launch = () => chromium.launch({ executablePath, args });

/** One browser for the test file. */
export const useBrowser = () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());
  return () => browser;
};

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  violations: () => Promise<string[]>;
}

/** Opens a page, recording every console error, uncaught exception, policy violation and request. */
export const openPage = async (browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> => {
  const page = await (await browser.newContext(options)).newPage();
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
  await page.goto(url);
  return { page, consoleErrors, pageErrors, requests, violations: () => page.evaluate<string[]>('window.violations') };
};

/** No error, no exception, no violation, and nothing fetched from another origin than `origin`. */
export const expectClean = async ({ consoleErrors, pageErrors, requests, violations }: OpenedPage, origin: string) => {
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
};
