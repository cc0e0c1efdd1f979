import { existsSync, readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { baseUrlOf } from '../../lambdas/site/page.ts';
import { entries, files } from '../../lambdas/site/assets.generated.ts';
import { pageSizes } from '../../bench/page-sizes.ts';
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

describe.each(['/', '/embed'])('GET %s', (path) => {
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

  it('takes the base URL from API Gateway\'s domain and protocol, and no forged Host', () => {
    const event = (domainName: string, proto?: string) => ({ requestContext: { domainName }, headers: proto ? { 'x-forwarded-proto': proto } : {} }) as unknown as APIGatewayProxyEventV2;
    expect(baseUrlOf(event('abc123.execute-api.eu-west-1.amazonaws.com', 'https'))).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com');
    expect(baseUrlOf(event('Counters.Example.com'))).toBe('https://counters.example.com');
    expect(baseUrlOf(event('localhost:3000', 'http'))).toBe('http://localhost:3000');
    expect(baseUrlOf(event('evil"><script>x</script>', 'http'))).toBe('http://localhost');
  });
});

describe('GET /embed', () => {
  it("hands the script the image route's options and rules", async () => {
    const { text } = await getPage('/embed');
    const settings = JSON.parse(/data-settings="([^"]+)"/.exec(text)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(settings).toMatchObject({ baseUrl: api.url, themes: ['badge', 'pixel', 'segment', 'flip'], show: ['visit', 'visitor', 'both'], scheme: ['auto', 'light', 'dark'], maxDigits: 12, maxLabelLength: 50 });
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

  it('stay within their budgets, script and stylesheet min+gzip', () => {
    expect(Object.keys(entries)).toEqual(['landing', 'embed']);
    for (const { page, script, style, budget } of pageSizes()) expect(script + style, page).toBeLessThanOrEqual(budget);
  });
});

describe('docs/pages.md', () => {
  it('shows screenshots of the pages that exist (npm run docs:screenshots)', () => {
    const page = readFileSync(new URL('../../docs/pages.md', import.meta.url), 'utf8');
    const pictures = [...page.matchAll(/\]\((screenshots\/[^)]+\.png)\)/g)].map((match) => match[1]!);
    expect(pictures).toEqual(expect.arrayContaining(['screenshots/landing.png', 'screenshots/embed.png']));
    for (const picture of pictures) expect(existsSync(new URL(`../../docs/${picture}`, import.meta.url)), picture).toBe(true);
  });
});
