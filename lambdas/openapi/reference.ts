import { createHash } from 'node:crypto';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { html, pagePolicy } from '../shared/http/responses.ts';
import { rendererFile } from './renderer.ts';

/**
 * Relative URLs, so the page also works under a custom domain's base path. Scalar's defaults that
 * reach scalar.com (web fonts, telemetry, the AI agent, the MCP and developer tools) are off. Zod, inside
 * Scalar, probes whether it may compile validators with `Function('')`; jitless tells it not to
 * try, so the policy needs no 'unsafe-eval' and sees no blocked attempt. It must be set before the
 * renderer loads; the reference is created once the renderer has run, at DOMContentLoaded.
 */
const configuration = {
  url: 'openapi.json',
  // Every family's operations listed at once: the API is small enough to read in one page.
  defaultOpenAllTags: true,
  withDefaultFonts: false,
  telemetry: false,
  mcp: { disabled: true },
  agent: { disabled: true },
  showDeveloperTools: 'never',
};
const bootstrap =
  'globalThis.__zod_globalConfig = { jitless: true };' +
  `document.addEventListener('DOMContentLoaded', () => Scalar.createApiReference('#reference', ${JSON.stringify(configuration)}));`;

/**
 * Scripts: ours, and the one inline bootstrap by its hash; no eval. Styles may be inline: Scalar
 * writes several `<style>` elements (its stylesheet, the theme) and `style` attributes, most without
 * a way to give them a nonce. Inline CSS runs no script, and the page shows only what Vue renders
 * escaped from our own OpenAPI document. Images may be `data:` URLs (Scalar's icons, the empty
 * favicon that spares a request); fonts are the system's. `connect-src 'self'` lets the page fetch
 * /openapi.json and lets Scalar's client try requests against this same API, and nothing else.
 */
const contentSecurityPolicy = pagePolicy({
  'script-src': [`'sha256-${createHash('sha256').update(bootstrap).digest('base64')}'`],
  'style-src': ["'unsafe-inline'"],
  'font-src': ["'self'"],
});

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Incr API reference</title>
<script>${bootstrap}</script>
</head>
<body>
<noscript>The API reference needs JavaScript; the OpenAPI document itself is at <a href="openapi.json">/openapi.json</a>.</noscript>
<div id="reference"></div>
<script src="docs/assets/${rendererFile}"></script>
</body>
</html>
`;

/**
 * `GET /docs`: the API reference, rendered in the browser by Scalar (./renderer.ts) from
 * /openapi.json, with every file served by Incr itself: no CDN, no font service, no telemetry.
 */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async () => html(page, contentSecurityPolicy));
