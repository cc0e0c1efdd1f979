import { createHash } from 'node:crypto';

/**
 * Colours by role (`accent`, `caption`, ...), applied through CSS classes so that one document can
 * carry a light and a dark palette: with `scheme=auto` the dark one applies under
 * `prefers-color-scheme: dark`, which browsers evaluate for SVG images too.
 *
 * Class names start with a hash of the palettes: an SVG pasted inline into a page shares one
 * stylesheet with every other inline SVG there, and counters of different colours must not restyle
 * each other (identical palettes produce identical rules, which is harmless).
 */

export type Scheme = 'auto' | 'light' | 'dark';
export type Palette = Record<string, string>;

/** What the user chose; each theme decides which of its roles these colour. */
export interface ColorChoices {
  color?: string;
  labelColor?: string;
}

export interface Painter {
  /** The class that fills with the role's colour. */
  fill(role: string): string;
  /** The class that strokes with the role's colour. */
  stroke(role: string): string;
  /** The stylesheet for every class handed out so far. */
  css(): string;
}

const shortHash = (value: string) => `c${createHash('sha256').update(value).digest('hex').slice(0, 6)}-`;

export const createPainter = (palettes: { light: Palette; dark: Palette }, scheme: Scheme): Painter => {
  const prefix = shortHash(JSON.stringify([palettes, scheme]));
  const used = new Map<string, { role: string; property: 'fill' | 'stroke' }>();
  const classFor = (role: string, property: 'fill' | 'stroke') => {
    const existing = [...used].find(([, usage]) => usage.role === role && usage.property === property);
    if (existing) return existing[0];
    const name = `${prefix}${used.size}`;
    used.set(name, { role, property });
    return name;
  };
  const rules = (palette: Palette, differingFrom?: Palette) =>
    [...used]
      .filter(([, { role }]) => differingFrom === undefined || palette[role] !== differingFrom[role])
      .map(([name, { role, property }]) => `.${name}{${property}:${palette[role]}}`)
      .join('');
  return {
    fill: (role) => classFor(role, 'fill'),
    stroke: (role) => classFor(role, 'stroke'),
    css: () => {
      if (scheme !== 'auto') return rules(palettes[scheme]);
      const darkRules = rules(palettes.dark, palettes.light);
      return rules(palettes.light) + (darkRules ? `@media (prefers-color-scheme:dark){${darkRules}}` : '');
    },
  };
};

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` as red, green and blue from 0 to 1 (alpha ignored). */
const channels = (hex: string): [number, number, number] => {
  const digits = hex.slice(1);
  const pairs = digits.length <= 4 ? [...digits.slice(0, 3)].map((digit) => digit + digit) : [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  return pairs.map((pair) => Number.parseInt(pair, 16) / 255) as [number, number, number];
};

/** WCAG relative luminance. */
const luminance = (hex: string): number => {
  const [red, green, blue] = channels(hex).map((channel) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
};

const light = '#fff';
const dark = '#111';

/** White or near-black text, whichever contrasts more with the background `hex`. */
export const readableOn = (hex: string): string => {
  const background = luminance(hex);
  return (1.05) / (background + 0.05) >= (background + 0.05) / (luminance(dark) + 0.05) ? light : dark;
};
