import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { getJson, useLocalApi } from '../helpers.ts';

const api = useLocalApi();

const scalarBuild = readFileSync(createRequire(import.meta.url).resolve('@scalar/api-reference').replace(/index\.js$/, 'browser/standalone.js'));

/** The policy's directives, by name. */
const directives = (policy: string) => Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

const getPage = async () => {
  const response = await api.fetch('/docs');
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('GET /docs', () => {
  it('answers the page with a strict policy, never cached without revalidation', async () => {
    const { status, headers, text } = await getPage();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    const policy = directives(headers.get('content-security-policy')!);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    for (const sources of Object.values(policy)) {
      for (const source of sources) expect(source, 'no remote origin').toMatch(/^'(self|none|sha256-[A-Za-z0-9+/=]+)'$|^data:$|^'unsafe-inline'$/);
    }
    expect(policy['style-src'], 'inline styles, never inline scripts').toEqual(["'self'", "'unsafe-inline'"]);
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('allows its one inline script by its hash, and no eval', async () => {
    const { headers, text } = await getPage();
    const inline = [...text.matchAll(/<script>(.*?)<\/script>/gs)].map((match) => match[1]!);
    expect(inline).toHaveLength(1);
    expect(directives(headers.get('content-security-policy')!)['script-src']).toEqual(["'self'", `'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`]);
  });

  it('serves the renderer at a URL named by its content, gzipped, cached for a year', async () => {
    const { text } = await getPage();
    const src = /<script src="(docs\/assets\/([0-9a-f]+)\.js)"><\/script>/.exec(text)!;
    expect(createHash('sha256').update(scalarBuild).digest('hex')).toMatch(new RegExp(`^${src[2]}`));
    const response = await api.fetch(`/${src[1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    // Lambda answers at most 6 MB, and a binary body travels base64-encoded.
    const gzippedBytes = Number(response.headers.get('content-length'));
    expect(Math.ceil(gzippedBytes / 3) * 4).toBeLessThan(6 * 1024 * 1024);
    expect(Buffer.from(await response.arrayBuffer()).equals(scalarBuild)).toBe(true); // fetch undoes the gzip
  });

  it('answers 404 for any other asset name', async () => {
    expect(await getJson(api.fetch('/docs/assets/0123456789abcdef0123.js'))).toEqual({ status: 404, headers: expect.anything(), body: { error: 'Not Found' } });
  });
});
