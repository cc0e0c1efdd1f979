import type { Painter, Palette, Scheme } from './paint.ts';
import { caption, type Drawing } from './theme.ts';
import { element, fragment, type Markup } from './xml.ts';

/**
 * What the display themes (dot matrix, seven segments) share: a dark rounded panel holding an
 * optional caption and, right of it, the lit display in the accent colour.
 */

export interface PanelOptions {
  /** The panel's colour per scheme: both dark, a display is lit against darkness. */
  panel: Record<Exclude<Scheme, 'auto'>, string>;
  accent: string;
  height: number;
  padding: number;
}

/** The display itself, drawn from its left edge `x`: its width and markup. */
export type DrawDisplay = (x: number) => { width: number; markup: Markup };

export const panelDisplay = ({ panel, accent, height, padding }: PanelOptions) => ({
  palette: (scheme: Exclude<Scheme, 'auto'>, { color, labelColor }: { color?: string; labelColor?: string }): Palette => ({
    panel: panel[scheme],
    accent: color ?? accent,
    caption: labelColor ?? '#d6d3d1',
  }),
  draw: (label: string, paint: Painter, drawDisplay: DrawDisplay): Drawing => {
    const labelCaption = caption(label, padding + 2, height / 2, paint.fill('caption'));
    const display = drawDisplay(padding + labelCaption.advance);
    const width = padding + labelCaption.advance + display.width + padding;
    return {
      width,
      height,
      body: fragment(element('rect', { width, height, rx: 4, class: paint.fill('panel') }), labelCaption.markup, display.markup),
    };
  },
});
