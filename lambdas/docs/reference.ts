import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { v1ErrorShape } from '../shared/http/error-shapes.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { RequestError } from '../shared/http/request-error.ts';
import { html, immutableAsset } from '../shared/http/responses.ts';

/**
 * `GET /docs`: the API reference, rendered in the browser by Scalar's standalone build from
 * /openapi.json, with every file served by this function: no CDN, no font service, no telemetry.
 *
 * The package does not export its browser build, so it is found next to a file it does export;
 * in AWS the stack copies these files under the bundle's node_modules (the route's `packageFiles`).
 */
const scalarDist = dirname(createRequire(import.meta.url).resolve('@scalar/api-reference/style.css'));
const renderer = readFileSync(join(scalarDist, 'browser', 'standalone.js'));
const rendererFile = `${createHash('sha256').update(renderer).digest('hex').slice(0, 20)}.js`;

// Compressed on the first request for it, not when the function starts: the page's requests
// (most of them, since browsers keep the script for a year) never pay for it.
let gzippedRenderer: Buffer | undefined;

/**
 * Relative URLs, so the page also works under a custom domain's base path. Scalar's defaults that
 * reach scalar.com (web fonts, telemetry, the AI agent, the MCP and developer tools) are off. Zod, inside
 * Scalar, probes whether it may compile validators with `Function('')`; jitless tells it not to
 * try, so the policy needs no 'unsafe-eval' and sees no blocked attempt. It must be set before the
 * renderer loads; the reference is created once the renderer has run, at DOMContentLoaded.
 */
const configuration = {
  url: 'openapi.json',
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
const contentSecurityPolicy = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${createHash('sha256').update(bootstrap).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

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

export const handler = edge({ answerError: jsonErrors(v1ErrorShape) }, async (event) => {
  const file = event.pathParameters?.file;
  if (file === undefined) return html(page, contentSecurityPolicy);
  // Any other name is an older deployment's script (or none): its content is gone.
  if (file !== rendererFile) throw new RequestError(404, 'not_found', 'Not Found');
  gzippedRenderer ??= gzipSync(renderer);
  return immutableAsset('text/javascript; charset=utf-8', gzippedRenderer);
});
