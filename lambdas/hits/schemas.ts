import * as z from 'zod/mini';
import { routeContract } from '../shared/http/contract.ts';
import { namePattern } from '../countapi/names.ts';
import { defaultTheme, type ThemeName, themeNames } from './svg/themes.ts';

/**
 * One schema per hit request: `GET /hits/{id}/{resource}` (JSON) and `GET /hits/{id}/{resource}.svg`
 * (image). The input is the path parameters (the resource without its format suffix) and the
 * query string together; the first failing field's message is the 400 answer's `error`. Unknown
 * query parameters (cache busters like `?v=2`) are ignored.
 */

const missingName = 'Missing id or resource';
/** Names follow the public counters' rule (CountAPI namespaces and keys). */
const counterName = (invalid: string) => z.string({ error: missingName }).check(z.minLength(1, missingName), z.regex(namePattern, invalid));

const hitRequestShape = {
  // Resource first: on `/hits/{id}` the missing resource is what the answer must name.
  resource: counterName('Invalid resource'),
  id: counterName('Invalid id'),
  mode: z.optional(z.literal('read', { error: 'mode must be read (or left out to count)' })),
};

export const hitRequest = z.object(hitRequestShape);
export type HitRequest = z.output<typeof hitRequest>;

/** Without flags, so that a form field's `pattern` can check it too (the embed builder's). */
export const hexColorPattern = /^#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
export const showOptions = ['visit', 'visitor', 'both'] as const;
export const schemeOptions = ['auto', 'light', 'dark'] as const;

const hexColor = (field: string) =>
  z.optional(
    z.pipe(
      z.string().check(z.regex(hexColorPattern, `${field} must be a hex color: 3, 4, 6 or 8 hex digits, # optional`)),
      z.transform((color) => `#${color.replace('#', '').toLowerCase()}`),
    ),
  );

export const maxDigits = 12;
export const maxLabelLength = 50;

/** Any case of a theme's name; an unknown one draws the default theme rather than failing the image. */
const themeOf = (name: string): ThemeName => {
  const lowerCase = name.toLowerCase();
  return themeNames.find((theme) => theme === lowerCase) ?? defaultTheme;
};

export const hitImageRequest = z.object({
  ...hitRequestShape,
  // A transform, not `z.catch`: zod/mini's catch pulls all of zod's utilities (~7 KB) into the bundle.
  theme: z._default(z.pipe(z.string(), z.transform(themeOf)), defaultTheme),
  label: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(maxLabelLength, `label must be at most ${maxLabelLength} characters`),
        z.regex(/^[^\p{Cc}]*$/u, 'label must not contain control characters'),
      ),
  ),
  color: hexColor('color'),
  labelColor: hexColor('labelColor'),
  digits: z.optional(
    z
      .pipe(z.string().check(z.regex(/^\d{1,2}$/, `digits must be an integer from 1 to ${maxDigits}`)), z.transform(Number))
      .check(z.refine((digits) => digits >= 1 && digits <= maxDigits, `digits must be an integer from 1 to ${maxDigits}`)),
  ),
  show: z._default(z.enum(showOptions, { error: 'show must be visit, visitor or both' }), 'visit'),
  scheme: z._default(z.enum(schemeOptions, { error: 'scheme must be auto, light or dark' }), 'auto'),
});
export type HitImageRequest = z.output<typeof hitImageRequest>;

/** The hit counter: public, answered as JSON, or with `.svg` as an image in one of the themes (the image options apply then). */
export const contract = routeContract({
  examples: { request: { id: 'my-site.example', resource: 'home' }, responses: { 200: { visit: 1, visitor: 1 } } },
  // The shorter paths reach the handler only to be told `Missing id or resource`.
  routeKeys: ['GET /hits/{id}/{resource}', 'GET /hits/{id}', 'GET /hits'],
  summary: 'Counts a visit (and a new visitor), or with mode=read only reads; `.svg` answers an image',
  family: 'hits',
  auth: 'none',
  request: hitImageRequest,
  responses: { 200: z.object({ visit: z.number().check(z.int()), visitor: z.number().check(z.int()) }) },
});
