import { countapiStats } from '../countapi/http.ts';
import { logger } from '../shared/logger.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { baseUrlOf, counterIdOf, escapeHtml, page } from './page.ts';
import { embedOf, examplesOf, formatCount, statistics, type Statistics } from './snippets.ts';

const families = [
  ['Public counters', 'CountAPI-compatible <code>hit</code>, <code>get</code>, <code>set</code>, <code>update</code>, <code>create</code> and <code>stats</code>, with JSONP and a tracking pixel: countapi-js works by changing its base URL.'],
  ['Hit counters', 'Visits and distinct visitors of a page (recognised by a keyed hash, never a stored address), as JSON or as an SVG image in four themes: build one with the <a href="embed">embed builder</a>.'],
  ['Private counters', 'Increment, decrement, conditional set, multi-get and delete behind API keys, and a namespace counter API compatible with Requiems’.'],
  ['Quotas', 'One <code>check-consume</code> call decides whether a subject may spend: limits per metric and window, overrides, plans and idempotency keys, countr-compatible.'],
  ['API keys', 'Owners with use and admin keys, minted and revoked through the API or the CLI.'],
] as const;

/** The numbers are the only part of the page that needs the table: without them the page still serves its purpose. */
const currentStatistics = async (): Promise<Statistics | undefined> => {
  try {
    const { requests, keysCreated, keysUpdated } = await countapiStats.totals();
    return { requests, keys_created: keysCreated, keys_updated: keysUpdated };
  } catch (error) {
    logger.warn('Statistics unavailable for the landing page', { errorName: (error as Error).name });
    return undefined;
  }
};

const copyable = (label: string, text: string) =>
  `<figure class="snippet"><figcaption>${escapeHtml(label)}</figcaption><pre data-copy><code>${escapeHtml(text)}</code></pre></figure>`;

/** `GET /`: what this deployment offers, its statistics, its own visit counter, and examples for its URL. */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  const baseUrl = baseUrlOf(event);
  const visits = embedOf(baseUrl, counterIdOf(baseUrl), 'landing', { label: 'visits' });
  const example = embedOf(baseUrl, 'my-site.example', 'home', { label: 'visits' });
  const examples = examplesOf(baseUrl);
  const stats = await currentStatistics();
  const main = `
<section class="hero">
<h1>Incr</h1>
<p>Counters, hit tracking and usage quotas as a service, answering at <strong>${escapeHtml(baseUrl)}</strong>.</p>
<img class="visits" src="${escapeHtml(visits.url)}" alt="Visits to this page" height="20">
</section>
<section aria-labelledby="stats-title">
<h2 id="stats-title">Live statistics</h2>
<dl class="stats" id="stats" aria-live="polite">
${statistics.map(({ key, label }) => `<div><dt>${label}</dt><dd data-stat="${key}">${stats ? formatCount(stats[key]) : '–'}</dd></div>`).join('\n')}
</dl>
<p class="note">Counted by the CountAPI routes and read from <a href="stats"><code>/stats</code></a>; this page refreshes them while it is open.</p>
</section>
<section aria-labelledby="offers-title">
<h2 id="offers-title">What this deployment offers</h2>
<ul class="families">
${families.map(([name, sentence]) => `<li><h3>${name}</h3><p>${sentence} <a href="docs">Reference<span class="visually-hidden">: ${name}</span></a></p></li>`).join('\n')}
</ul>
</section>
<section aria-labelledby="try-title">
<h2 id="try-title">Try it</h2>
${copyable('curl', examples.curl)}
${copyable('fetch', examples.fetch)}
${copyable('The SDK (@incr/client)', examples.sdk)}
${copyable('Markdown (a README badge)', example.markdown)}
${copyable('HTML', example.html)}
<p>More image options in the <a href="embed">embed builder</a>; every route in the <a href="docs">API reference</a> and <a href="openapi.json">its OpenAPI document</a>.</p>
</section>`;
  return page(event, { entry: 'landing', title: 'Incr', main });
});
