import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uniqueName, useLocalApi } from '../helpers.ts';
import { expectClean, hasChromium, openPage, useBrowser, warnIfMissing } from './chromium.ts';

warnIfMissing('the pages browser tests');

/** Page code as text: this project type-checks without the DOM library. */
const imageLoaded = (selector: string) => `(() => { const image = document.querySelector(${JSON.stringify(selector)}); return !!image && image.complete && image.naturalWidth > 0; })()`;
/** Polls from Node: waitForFunction would evaluate its string in the page, which the pages' policy (no 'unsafe-eval') refuses. */
const until = (page: Page, expression: string, timeout = 10_000) => expect.poll(() => page.evaluate<boolean>(expression), { timeout }).toBe(true);
const text = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).textContent`;

describe.skipIf(!hasChromium)('the pages in headless Chromium', () => {
  const api = useLocalApi();
  const browser = useBrowser();

  it('the landing page shows its visit counter and live statistics that rise after a hit', async () => {
    const opened = await openPage(browser(), `${api.url}/`);
    const { page } = opened;
    await until(page, imageLoaded('img.visits'));
    // The script has run once its copy buttons are there.
    await page.getByRole('button', { name: 'Copy curl' }).waitFor();
    const before = Number((await page.evaluate<string>(text('[data-stat="requests"]'))).replace(/,/g, ''));
    await api.fetch(`/hit/${uniqueName('landing')}/visits`);
    await until(page, `Number(${text('[data-stat="requests"]')}.replace(/,/g, '')) > ${before}`, 20_000);
    await page.waitForLoadState('networkidle');
    await expectClean(opened, api.url);
    await page.close();
  });

  it('the embed builder previews the real image without counting, and its snippets follow the options', async () => {
    const opened = await openPage(browser(), `${api.url}/embed`);
    const { page } = opened;
    const preview = page.getByRole('img', { name: /^Preview/ });
    await until(page, imageLoaded('.preview img'));
    expect(new URL((await preview.getAttribute('src'))!).searchParams.get('mode')).toBe('read');

    // Every control is reachable by its label.
    for (const label of ['Id (your site)', 'Resource (the page)', 'Theme', 'Label', 'Colour', 'Label colour', 'Minimum digits', 'Show', 'Colour scheme']) {
      await page.getByLabel(label, { exact: true }).waitFor();
    }
    await page.getByLabel('Theme', { exact: true }).selectOption('pixel');
    await page.getByLabel('Label', { exact: true }).fill('stars');
    await until(page, `(() => { const src = new URL(document.querySelector('.preview img').src); return src.searchParams.get('theme') === 'pixel' && src.searchParams.get('label') === 'stars'; })()`);
    await until(page, imageLoaded('.preview img'));
    const src = new URL((await preview.getAttribute('src'))!);
    expect(src.searchParams.get('mode')).toBe('read');
    expect(src.origin).toBe(api.url);

    const markdown = await page.evaluate<string>(text('#snippet-Markdown'));
    expect(markdown).toBe(`![stars](${api.url}/hits/${new URL(api.url).hostname}/home.svg?theme=pixel&label=stars)`);
    expect(await page.evaluate<string>(text('#snippet-URL'))).not.toContain('mode=read');

    // An invalid colour is refused before any request: the preview keeps the last valid image.
    await page.getByLabel('Colour', { exact: true }).fill('#zz');
    await page.getByText('Fix the highlighted fields').waitFor();
    expect(await preview.getAttribute('src')).toBe(src.href);

    // Previews read: the counter was never counted.
    const { visit } = (await (await api.fetch(`/hits/${new URL(api.url).hostname}/home.json?mode=read`)).json()) as { visit: number };
    expect(visit).toBe(0);
    await page.waitForLoadState('networkidle');
    await expectClean(opened, api.url);
    await page.close();
  });

  it("the landing page's copy buttons put the snippet on the clipboard, and select it where the clipboard is refused", async () => {
    const opened = await openPage(browser(), `${api.url}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = opened;
    const snippet = (await page.locator('figure', { hasText: 'curl' }).locator('pre').textContent())!;
    await page.getByRole('button', { name: 'Copy curl' }).click();
    await page.getByRole('status').getByText('Copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(snippet);
    await expectClean(opened, api.url);
    await page.close();

    // A browser that refuses (an insecure origin, a denied permission) rejects writeText.
    const refused = await browser().newContext();
    await refused.addInitScript({ content: "navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));" });
    const other = await refused.newPage();
    await other.goto(`${api.url}/`);
    await other.getByRole('button', { name: 'Copy HTML' }).click();
    await other.getByRole('status').getByText('Selected: press Ctrl+C').waitFor();
    expect(await other.evaluate<string>('getSelection().toString()')).toBe(await other.locator('figure', { hasText: 'HTML' }).locator('pre').textContent());
    await refused.close();
  });

  it("the embed builder's copy buttons copy the snippet as the options make it", async () => {
    const opened = await openPage(browser(), `${api.url}/embed`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = opened;
    await page.getByLabel('Label', { exact: true }).fill('readers');
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await page.getByRole('status').getByText('Copied').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(`![readers](${api.url}/hits/${new URL(api.url).hostname}/home.svg?label=readers)`);
    await page.waitForLoadState('networkidle');
    await expectClean(opened, api.url);
    await page.close();
  });

  it.each(['/', '/embed', '/console'])('%s fits a 360 px wide screen, in the light and the dark scheme', async (path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const opened = await openPage(browser(), `${api.url}${path}`, { viewport: { width: 360, height: 740 }, colorScheme });
      const { page } = opened;
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 19, 22)' : 'rgb(255, 255, 255)');
      // Keyboard users see where they are.
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
      await expectClean(opened, api.url);
      await page.close();
    }
  });
});
