import { namePattern } from '../countapi/names.ts';
import { hexColorPattern, maxDigits, maxLabelLength, schemeOptions, showOptions } from '../hits/schemas.ts';
import { themeNames } from '../hits/svg/themes.ts';
import { edge, jsonErrors } from '../shared/http/edge.ts';
import { messageErrorShape } from '../shared/http/error-shapes.ts';
import { baseUrlOf, counterIdOf, escapeHtml, page } from './page.ts';
import type { BuilderSettings } from './snippets.ts';

/** Patterns without their anchors, for form fields' `pattern` attributes (which anchor them). */
const fieldPattern = (pattern: RegExp) => pattern.source.replace(/^\^|\$$/g, '');

/** What the builder offers and checks comes from the image route's own schema, handed to the script in the markup. */
const builderSettings = (baseUrl: string, id: string): BuilderSettings => ({
  baseUrl,
  id,
  themes: themeNames,
  show: showOptions,
  scheme: schemeOptions,
  maxDigits,
  maxLabelLength,
  namePattern: fieldPattern(namePattern),
  colorPattern: fieldPattern(hexColorPattern),
});

/** `GET /embed`: the builder of hit counter images (web/embed.tsx renders it). */
export const handler = edge({ answerError: jsonErrors(messageErrorShape) }, async (event) => {
  const baseUrl = baseUrlOf(event);
  const settings = builderSettings(baseUrl, counterIdOf(baseUrl));
  const main = `
<h1>Embed builder</h1>
<p>Choose a hit counter’s options, see the real image from this deployment (the preview reads it without counting), and copy it as Markdown, HTML or a URL.</p>
<div id="builder" data-settings="${escapeHtml(JSON.stringify(settings))}"><noscript><p>The builder needs JavaScript. The image options are listed in the <a href="docs">API reference</a>, under <code>GET /hits/{id}/{resource}</code>.</p></noscript></div>`;
  return page(event, { entry: 'embed', title: 'Embed builder · Incr', main });
});
