import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { escapeHtml, page, rootOf } from './page.ts';

/**
 * `GET /console`: the shell of the console (web/console.tsx renders it). It knows nobody: the
 * owner signs in in the browser, whose script calls the admin API with the key. `data-api` is this
 * deployment's root relative to the page, so the API is found under a custom domain's base path too.
 */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  const main = `
<div id="console" data-api="${escapeHtml(rootOf(event))}"><noscript><p>The console needs JavaScript. Everything it does is also in the <a href="docs">API reference</a>, behind an admin key.</p></noscript></div>`;
  return page(event, { entry: 'console', title: 'Console · Incr', main });
});
