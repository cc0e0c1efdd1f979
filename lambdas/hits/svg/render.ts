import type { HitCounts } from '../hit-store.ts';
import { createPainter, type ColorChoices, type Scheme } from './paint.ts';
import type { Theme } from './theme.ts';
import { themes, type ThemeName } from './themes.ts';
import { element, text, type Markup } from './xml.ts';

/** Which numbers an image shows. */
export type Shown = 'visit' | 'visitor' | 'both';

export interface CounterImageOptions extends ColorChoices {
  theme: ThemeName;
  /** Undefined: the theme's default (a badge says what it counts, the other themes say nothing). */
  label?: string;
  /** Minimum digits, padded with zeros; undefined: the theme's default. */
  digits?: number;
  show: Shown;
  scheme: Scheme;
}

const defaultLabels: Record<Shown, string> = { visit: 'visits', visitor: 'visitors', both: 'visits / visitors' };

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What screen readers say and tooltips show: the exact numbers, unpadded. */
const accessibleText = ({ visit, visitor }: HitCounts, show: Shown, label: string): string => {
  const numbers = { visit: String(visit), visitor: String(visitor), both: `${counted(visit, 'visit')}, ${counted(visitor, 'visitor')}` }[show];
  if (label !== '') return `${label}: ${numbers}`;
  return show === 'both' ? numbers : counted(show === 'visit' ? visit : visitor, show);
};

/** The root element: sized to its content, an image to assistive technology, titled with the numbers. */
const svgDocument = (width: number, height: number, title: string, css: string, body: Markup): string =>
  element(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title },
    element('title', {}, text(title)),
    element('style', {}, text(css)),
    body,
  );

const draw = (theme: Theme, values: string[], label: string, title: string, choices: ColorChoices, scheme: Scheme): string => {
  const paint = createPainter({ light: theme.palette('light', choices), dark: theme.palette('dark', choices) }, scheme);
  const { width, height, body } = theme.draw({ values, label }, paint);
  return svgDocument(width, height, title, paint.css(), body);
};

export const renderCounter = (counts: HitCounts, options: CounterImageOptions): string => {
  const theme = themes[options.theme];
  const label = options.label ?? (theme.labelledByDefault ? defaultLabels[options.show] : '');
  const pad = (count: number) => String(count).padStart(options.digits ?? theme.defaultDigits, '0');
  const values = options.show === 'both' ? [pad(counts.visit), pad(counts.visitor)] : [pad(counts[options.show])];
  return draw(theme, values, label, accessibleText(counts, options.show, label), options, options.scheme);
};

/** Failures of image requests are images too (a page shows them where the counter would be), as a red badge. */
export const renderError = (message: string): string =>
  draw(themes.badge, [message], 'error', `error: ${message}`, { color: '#cb2431' }, 'light');
