import { existsSync, readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as embedHandler } from '../../lambdas/site/embed.ts';
import { baseUrlOf, rootOf } from '../../lambdas/site/page.ts';
import { entries, files } from '../../lambdas/site/assets.generated.ts';
import { pageSizes } from '../../bench/page-sizes.ts';
import { consoleScreenshots } from '../../bin/page-screenshots.ts';
import { buildPages, generatedFile } from '../../web/build.ts';
import { getJson, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();

/** The policy's directives, by name. */
const directives = (policy: string) => Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

const getPage = async (path: string, headers: Record<string, string> = {}) => {
  const response = await api.fetch(path, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

const statOf = (text: string, key: string) => Number(new RegExp(`data-stat="${key}">([\\d,]+)<`).exec(text)![1]!.replace(/,/g, ''));

describe.each(['/', '/embed', '/console'])('GET %s', (path) => {
  it('answers a page with a strict policy, never cached without revalidation', async () => {
    const { status, headers, text } = await getPage(path);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(directives(headers.get('content-security-policy')!)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
    });
    // No inline script, no inline style: the policy allows neither.
    expect(text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);
  });

  it('loads its own script and stylesheet, gzipped, immutable, at content-named URLs', async () => {
    const { text } = await getPage(path);
    const urls = [...text.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(urls.map((url) => url.replace(/\.[0-9a-f]{16}\./, '.<hash>.'))).toEqual(expect.arrayContaining([expect.stringMatching(/\.<hash>\.css$/), expect.stringMatching(/\.<hash>\.js$/)]));
    for (const url of urls) {
      const response = await api.fetch(`/${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/(javascript|css); charset=utf-8$/);
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
      expect(await response.text()).toBe(files[url.slice('assets/'.length) as keyof typeof files]); // fetch undoes the gzip
    }
  });
});

describe('GET /', () => {
  it('renders the live statistics into the HTML, so they need no script', async () => {
    const before = statOf((await getPage('/')).text, 'requests');
    await api.fetch(`/hit/${uniqueName('pages')}/visits`);
    const after = (await getPage('/')).text;
    expect(statOf(after, 'requests')).toBeGreaterThan(before);
    expect(statOf(after, 'keys_created')).toBeGreaterThanOrEqual(1);
  });

  it('builds its examples and its own visit counter for the URL the browser reached', async () => {
    const { text } = await getPage('/', { 'x-forwarded-proto': 'https' });
    const host = new URL(api.url).host;
    expect(text).toContain(`curl http://${host}/hit/my-site.example/visits`);
    expect(text).toContain(`new Incr({ baseUrl: &#39;http://${host}&#39; })`);
    expect(text).toContain(`![visits](http://${host}/hits/my-site.example/home.svg?label=visits)`);
    expect(text).toContain(`<img class="visits" src="http://${host}/hits/${new URL(api.url).hostname}/landing.svg?label=visits"`);
    for (const family of ['Public counters', 'Hit counters', 'Private counters', 'Quotas', 'API keys']) expect(text).toContain(`<h3>${family}</h3>`);
  });

  it('takes the base URL from API Gateway\'s domain, protocol and base path, and no forged Host', () => {
    const event = (domainName: string, proto?: string, rawPath = '/', routeKey = 'GET /') =>
      ({ routeKey, rawPath, requestContext: { domainName }, headers: proto ? { 'x-forwarded-proto': proto } : {} }) as unknown as APIGatewayProxyEventV2;
    expect(baseUrlOf(event('abc123.execute-api.eu-west-1.amazonaws.com', 'https'))).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com');
    expect(baseUrlOf(event('Counters.Example.com'))).toBe('https://counters.example.com');
    expect(baseUrlOf(event('localhost:3000', 'http'))).toBe('http://localhost:3000');
    expect(baseUrlOf(event('evil"><script>x</script>', 'http'))).toBe('http://localhost');
    // A custom domain's API mapping `incr` (or `tools/incr`) stays in rawPath before the route's own path.
    expect(baseUrlOf(event('counters.example.com', 'https', '/incr/embed', 'GET /embed'))).toBe('https://counters.example.com/incr');
    expect(baseUrlOf(event('counters.example.com', 'https', '/tools/incr/', 'GET /'))).toBe('https://counters.example.com/tools/incr');
    expect(baseUrlOf(event('counters.example.com', 'https', '/incr', 'GET /'))).toBe('https://counters.example.com/incr');
    expect(baseUrlOf(event('counters.example.com', 'https', '/console', 'GET /console'))).toBe('https://counters.example.com');
    // Links stay relative to the route, whatever lies above it.
    expect(rootOf(event('counters.example.com', 'https', '/incr/console', 'GET /console'))).toBe('./');
  });

  it('writes snippets for the base path of a custom domain\'s mapping', async () => {
    const event = {
      version: '2.0',
      routeKey: 'GET /embed',
      rawPath: '/incr/embed',
      rawQueryString: '',
      headers: { 'x-forwarded-proto': 'https' },
      requestContext: { domainName: 'counters.example.com', http: { method: 'GET', path: '/incr/embed', sourceIp: '192.0.2.1' }, requestId: 'r', routeKey: 'GET /embed', stage: '$default', timeEpoch: 0 },
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const answer = (await embedHandler(event, {} as never)) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('&quot;baseUrl&quot;:&quot;https://counters.example.com/incr&quot;');
    expect(answer.body).toContain('<link rel="stylesheet" href="./assets/');
  });
});

describe('GET /embed', () => {
  it("hands the script the image route's options and rules", async () => {
    const { text } = await getPage('/embed');
    const settings = JSON.parse(/data-settings="([^"]+)"/.exec(text)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(settings).toMatchObject({ baseUrl: api.url, themes: ['badge', 'pixel', 'segment', 'flip'], show: ['visit', 'visitor', 'both'], scheme: ['auto', 'light', 'dark'], maxDigits: 12, maxLabelLength: 50 });
  });
});

describe('GET /console', () => {
  it('is a shell for the script, which finds the API relative to the page, and marks its place in the navigation', async () => {
    const { text } = await getPage('/console');
    expect(text).toContain('<div id="console" data-api="./">');
    expect(text).toContain('<a href="./console" aria-current="page">Console</a>');
    expect(text).toContain('<noscript>');
  });
});

describe('GET /assets/{file}', () => {
  it('answers 404 for any other name', async () => {
    expect(await getJson(api.fetch('/assets/landing.0123456789abcdef.js'))).toEqual({ status: 404, headers: expect.anything(), body: { error: 'Not Found' } });
    expect((await getJson(api.fetch('/assets/constructor'))).status).toBe(404);
  });
});

describe('the built pages', () => {
  it('are committed as the sources build them (npm run pages:build)', async () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(await buildPages());
  });

  it('stay within their budgets, script and stylesheet min+gzip (the console: 60 KB of JavaScript)', () => {
    expect(Object.keys(entries)).toEqual(['landing', 'embed', 'console']);
    for (const { page, script, style, budget } of pageSizes()) {
      expect(script, page).toBeLessThanOrEqual(budget.script);
      expect(script + style, page).toBeLessThanOrEqual(budget.total);
    }
    expect(pageSizes().find(({ page }) => page === 'console')!.budget.script).toBe(60 * 1024);
  });

  it('share one stylesheet file between pages whose styles are the same', () => {
    const styles = Object.keys(files).filter((name) => name.endsWith('.css'));
    expect(new Set(styles.map((name) => files[name as keyof typeof files])).size).toBe(styles.length);
    expect(entries.landing.style).toBe(entries.embed.style);
  });
});

describe('the documentation', () => {
  const picturesOf = (file: string, prefix: string) =>
    [...readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').matchAll(new RegExp(`\\]\\((${prefix}[^)]+\\.png)\\)`, 'g'))].map((match) => match[1]!);
  const exists = (path: string) => existsSync(new URL(`../../${path}`, import.meta.url));

  it('docs/pages.md shows screenshots of the pages that exist (npm run docs:screenshots)', () => {
    const pictures = picturesOf('docs/pages.md', 'screenshots/');
    expect(pictures).toEqual(expect.arrayContaining(['screenshots/landing.png', 'screenshots/embed.png']));
    for (const picture of pictures) expect(exists(`docs/${picture}`), picture).toBe(true);
  });

  it('the README links a screenshot of the landing page, the embed builder and the console, and they exist', () => {
    const pictures = picturesOf('README.md', 'docs/screenshots/');
    expect(pictures).toEqual(expect.arrayContaining(['docs/screenshots/landing.png', 'docs/screenshots/embed.png', 'docs/screenshots/console-account.png']));
    for (const picture of pictures) expect(exists(picture), picture).toBe(true);
  });

  it('docs/console.md shows a screenshot of each console view, and they exist', () => {
    const pictures = picturesOf('docs/console.md', 'screenshots/');
    expect(pictures).toEqual(expect.arrayContaining(consoleScreenshots.map((file) => `screenshots/${file}`)));
    for (const picture of pictures) expect(exists(`docs/${picture}`), picture).toBe(true);
  });
});
