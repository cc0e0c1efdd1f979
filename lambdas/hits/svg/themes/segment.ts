import { panelDisplay } from '../panel.ts';
import type { Theme } from '../theme.ts';
import { element } from '../xml.ts';

/**
 * A seven-segment LED display: slanted red digits on a dark panel, unlit segments faintly visible.
 * Each segment is a hexagon; lit and unlit segments are one path each.
 */

type SegmentName = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

const litSegments: Record<string, string> = {
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abdeg',
  '3': 'abcdg',
  '4': 'bcfg',
  '5': 'acdfg',
  '6': 'acdefg',
  '7': 'abc',
  '8': 'abcdefg',
  '9': 'abcdfg',
};

const digitWidth = 16;
const digitHeight = 28;
/** Half a segment's thickness. */
const half = 2;
const gap = 1;
const spacing = 6;
const padding = 6;
const height = digitHeight + 2 * padding;
/** The slant moves the top of the digits right by this much (tan 8° of the panel's height). */
const slant = 0.14;
const slantRoom = Math.ceil(height * slant);

/** A horizontal segment whose tips are (x1, y) and (x2, y). */
const horizontal = (x1: number, x2: number, y: number) => {
  const length = x2 - x1 - 2 * half;
  return `M${x1} ${y}l${half}-${half}h${length}l${half} ${half}l-${half} ${half}h-${length}z`;
};
/** A vertical segment whose tips are (x, y1) and (x, y2). */
const vertical = (x: number, y1: number, y2: number) => {
  const length = y2 - y1 - 2 * half;
  return `M${x} ${y1}l${half} ${half}v${length}l-${half} ${half}l-${half}-${half}v-${length}z`;
};

/** The outline of each segment of a digit whose top-left corner is (x, y); segments meet tip to tip. */
const segmentPaths = (x: number, y: number): Record<SegmentName, string> => {
  const [left, right] = [x + half, x + digitWidth - half];
  const [top, middle, bottom] = [y + half, y + digitHeight / 2, y + digitHeight - half];
  return {
    a: horizontal(left + gap, right - gap, top),
    g: horizontal(left + gap, right - gap, middle),
    d: horizontal(left + gap, right - gap, bottom),
    f: vertical(left, top + gap, middle - gap),
    b: vertical(right, top + gap, middle - gap),
    e: vertical(left, middle + gap, bottom - gap),
    c: vertical(right, middle + gap, bottom - gap),
  };
};

/** A slash between two numbers: a thin slanted bar. */
const slash = (x: number, y: number) => `M${x + digitWidth / 2 + 3} ${y + 2}h2l-8 ${digitHeight - 4}h-2z`;

const display = panelDisplay({ panel: { light: '#1f1f1f', dark: '#0a0a0a' }, accent: '#ff3b30', height, padding });

export const segment: Theme = {
  defaultDigits: 7,
  labelledByDefault: false,
  palette: display.palette,
  draw: ({ values, label }, paint) =>
    display.draw(label, paint, (x0) => {
      const characters = [...values.join('/')];
      const lit: string[] = [];
      const unlit: string[] = [];
      characters.forEach((character, index) => {
        const x = x0 + index * (digitWidth + spacing);
        if (character === '/') lit.push(slash(x, padding));
        else for (const [name, path] of Object.entries(segmentPaths(x, padding))) (litSegments[character]!.includes(name) ? lit : unlit).push(path);
      });
      return {
        width: characters.length * (digitWidth + spacing) - spacing + slantRoom,
        // Slanted about the panel's bottom edge, so the digits lean right and stay inside.
        markup: element(
          'g',
          { class: paint.fill('accent'), transform: `translate(${slant * height} 0) skewX(-8)` },
          element('path', { d: unlit.join(''), opacity: 0.12 }),
          element('path', { d: lit.join('') }),
        ),
      };
    }),
};
