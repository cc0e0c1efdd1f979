import type { ColorChoices, Painter, Palette } from './paint.ts';
import { textWidth } from './text-width.ts';
import { element, fragment, type Markup, text } from './xml.ts';

/** What every theme draws: one or two numbers (already padded), and an optional label. */
export interface DrawInput {
  values: string[];
  /** Empty for no label. */
  label: string;
}

export interface Drawing {
  width: number;
  height: number;
  body: Markup;
}

export interface Theme {
  /** Minimum number of digits when the request does not set `digits`. */
  defaultDigits: number;
  /** Whether the theme shows a label (`visits`, ...) when the request does not set one. */
  labelledByDefault: boolean;
  /** The theme's colours for one scheme, after the user's choices. */
  palette(scheme: 'light' | 'dark', choices: ColorChoices): Palette;
  draw(input: DrawInput, paint: Painter): Drawing;
}

/** The badge font; text-width.ts measures it. */
export const sansSerif = 'Verdana,Geneva,DejaVu Sans,sans-serif';

/** Text of estimated width, told to the renderer too, so the text fills exactly the room made for it. */
export const fittedText = (value: string, x: number, y: number, fontSize: number, className: string): { width: number; markup: Markup } => {
  const width = Math.ceil(textWidth(value, fontSize));
  return {
    width,
    markup: element('text', { x, y, class: className, textLength: width, lengthAdjust: 'spacingAndGlyphs' }, text(value)),
  };
};

const captionFontSize = 11;
const captionGap = 6;

/**
 * A label in front of a counter (themes other than the badge), vertically centred on `middle`.
 * Returns how far the counter must move right to make room (0 without a label).
 */
export const caption = (label: string, x: number, middle: number, className: string): { advance: number; markup: Markup } => {
  if (label === '') return { advance: 0, markup: fragment() };
  const fitted = fittedText(label, x, middle + captionFontSize * 0.36, captionFontSize, className);
  return {
    advance: fitted.width + captionGap,
    markup: element('g', { 'font-family': sansSerif, 'font-size': captionFontSize }, fitted.markup),
  };
};
