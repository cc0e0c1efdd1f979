import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { namePattern } from '../countapi/names.ts';
import { html, pagePolicy } from '../shared/http/responses.ts';
import { type EntryName, entries } from './assets.ts';

/**
 * The HTML shell of every page Incr serves for people (the landing page, the embed builder, and
 * the console next): one policy, one header, the page's own script and stylesheet by their hashed
 * names. A page supplies only its title and its server-rendered main content.
 */

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Only our own files run or style the pages: nothing inline, so no hash or nonce is needed. */
export const contentSecurityPolicy = pagePolicy();

const hostPattern = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * This deployment's base URL as the browser reached it: API Gateway's domain (the custom domain
 * when there is one), and the local server's Host. Anything that is not a plain host name (a forged
 * Host header) gives no URL a reader would copy, so the examples fall back to localhost.
 */
export const baseUrlOf = (event: APIGatewayProxyEventV2) => {
  const host = hostPattern.test(event.requestContext.domainName) ? event.requestContext.domainName.toLowerCase() : 'localhost';
  return `${event.headers['x-forwarded-proto'] === 'http' ? 'http' : 'https'}://${host}`;
};

/** The counter id the pages suggest and count under: this deployment's host name, when it is a valid id. */
export const counterIdOf = (baseUrl: string) => {
  const host = new URL(baseUrl).hostname;
  return namePattern.test(host) ? host : 'incr';
};

/** Relative links keep the pages working under a custom domain's base path: `../` per level below the root. */
const rootOf = (event: APIGatewayProxyEventV2) => '../'.repeat(Math.max(0, event.rawPath.split('/').length - 2)) || './';

const navigation = [
  { href: '', label: 'Incr' },
  { href: 'embed', label: 'Embed builder' },
  { href: 'docs', label: 'API reference' },
];

export const page = (event: APIGatewayProxyEventV2, { entry, title, main }: { entry: EntryName; title: string; main: string }) => {
  const root = rootOf(event);
  const { script, style } = entries[entry];
  const links = navigation
    .map(({ href, label }) => `<a href="${root}${href}"${`/${href}` === event.rawPath ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('');
  return html(
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/${style}">
<script type="module" src="${root}assets/${script}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site">${links}</nav></header>
<main id="main">
${main}
</main>
</body>
</html>
`,
    contentSecurityPolicy,
  );
};
