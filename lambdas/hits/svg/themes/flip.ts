import { readableOn } from '../paint.ts';
import { caption, type Theme } from '../theme.ts';
import { element, fragment, text } from '../xml.ts';

/**
 * A flip-clock: every digit on its own rounded tile, split across the middle; a slash between two
 * numbers stands on the background.
 */

const tileWidth = 22;
const tileHeight = 30;
const tileGap = 3;
const fontSize = 22;
const baseline = 23;
const monospace = 'ui-monospace,SFMono-Regular,Menlo,Consolas,DejaVu Sans Mono,monospace';

export const flip: Theme = {
  defaultDigits: 7,
  labelledByDefault: false,
  palette: (scheme, { color, labelColor }) => {
    const accent = color ?? (scheme === 'light' ? '#24292f' : '#3d444d');
    return {
      accent,
      onAccent: readableOn(accent),
      caption: labelColor ?? (scheme === 'light' ? '#24292f' : '#e6edf3'),
    };
  },
  draw: ({ values, label }, paint) => {
    const labelCaption = caption(label, 0, tileHeight / 2, paint.fill('caption'));
    const characters = [...values.join('/')];
    const xOf = (index: number) => labelCaption.advance + index * (tileWidth + tileGap);
    const tiles = characters.flatMap((character, index) =>
      character === '/' ? [] : [element('rect', { x: xOf(index), width: tileWidth, height: tileHeight, rx: 4 })],
    );
    const splits = characters.map((character, index) => (character === '/' ? '' : `M${xOf(index)} ${tileHeight / 2}h${tileWidth}`)).join('');
    // One <text> per tile: lists of x positions in one <text> are not understood by every renderer.
    const glyph = (character: string, index: number) =>
      element('text', { x: xOf(index) + tileWidth / 2, y: baseline, class: character === '/' ? paint.fill('caption') : undefined }, text(character));
    return {
      width: xOf(characters.length) - tileGap,
      height: tileHeight,
      body: fragment(
        labelCaption.markup,
        element('g', { class: paint.fill('accent') }, ...tiles),
        element('path', { d: splits, stroke: '#000', 'stroke-opacity': 0.35 }),
        element(
          'g',
          { class: paint.fill('onAccent'), 'font-family': monospace, 'font-size': fontSize, 'font-weight': 'bold', 'text-anchor': 'middle' },
          ...characters.map(glyph),
        ),
      ),
    };
  },
};
