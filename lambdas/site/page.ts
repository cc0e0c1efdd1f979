import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { namePattern } from '../countapi/names.ts';
import { html, pagePolicy } from '../shared/http/responses.ts';
import { type EntryName, entries } from './assets.ts';

/**
 * The HTML shell of every page Incr serves for people (the landing page, the embed builder, and
 * the console): one policy, one header, the page's own script and stylesheet by their hashed
 * names. A page supplies only its title and its server-rendered main content.
 */

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Only our own files run or style the pages: nothing inline, so no hash or nonce is needed. */
export const contentSecurityPolicy = pagePolicy();

const hostPattern = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** The matched route's own path (`/embed`): pages have no path parameters. */
const routePathOf = (event: APIGatewayProxyEventV2) => event.routeKey.slice(event.routeKey.indexOf(' ') + 1);

/**
 * The path this deployment is served under: empty at a domain's root, `/incr` for a custom
 * domain's API mapping `incr` (API Gateway leaves the mapping's path, like a named stage's, in
 * `rawPath`): what precedes the route's own path.
 */
export const basePathOf = (event: APIGatewayProxyEventV2) => {
  const routePath = routePathOf(event).replace(/\/$/, '');
  const path = event.rawPath.replace(/\/$/, '');
  return path.endsWith(routePath) ? path.slice(0, path.length - routePath.length) : '';
};

/**
 * This deployment's base URL as the browser reached it: API Gateway's domain (the custom domain
 * when there is one) and base path, and the local server's Host. Anything that is not a plain host
 * name (a forged Host header) gives no URL a reader would copy, so the examples fall back to localhost.
 */
export const baseUrlOf = (event: APIGatewayProxyEventV2) => {
  const host = hostPattern.test(event.requestContext.domainName) ? event.requestContext.domainName.toLowerCase() : 'localhost';
  return `${event.headers['x-forwarded-proto'] === 'http' ? 'http' : 'https'}://${host}${encodeURI(basePathOf(event))}`;
};

/** The counter id the pages suggest and count under: this deployment's host name, when it is a valid id. */
export const counterIdOf = (baseUrl: string) => {
  const host = new URL(baseUrl).hostname;
  return namePattern.test(host) ? host : 'incr';
};

/**
 * Relative links keep the pages working under any base path: `../` per level of the route's own
 * path below the deployment's root (the base path's levels are above it).
 */
export const rootOf = (event: APIGatewayProxyEventV2) => '../'.repeat(Math.max(0, routePathOf(event).split('/').length - 2)) || './';

/** `path`: the route the link leads to, to mark the current page. */
const navigation = [
  { href: '', path: '/', label: 'Incr' },
  { href: 'embed', path: '/embed', label: 'Embed builder' },
  { href: 'console', path: '/console', label: 'Console' },
  { href: 'docs', path: '/docs', label: 'API reference' },
];

export const page = (event: APIGatewayProxyEventV2, { entry, title, main }: { entry: EntryName; title: string; main: string }) => {
  const root = rootOf(event);
  const { script, style } = entries[entry];
  const links = navigation
    .map(({ href, path, label }) => `<a href="${root}${href}"${event.routeKey === `GET ${path}` ? ' aria-current="page"' : ''}>${label}</a>`)
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
