import { panelDisplay } from '../panel.ts';
import type { Theme } from '../theme.ts';
import { element } from '../xml.ts';

/**
 * A dot-matrix display: amber dots on a dark panel, every digit a 5x7 glyph, unlit dots faintly
 * visible. Rows of dots are dashed lines (3 px dash, 1 px gap), so a run of lit dots is one
 * short path command and the whole unlit matrix is seven.
 */

/** 5x7 glyphs, one string per row, `#` lit. */
const glyphs: Record<string, string[]> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '/': ['.....', '....#', '...#.', '..#..', '.#...', '#....', '.....'],
};
const glyphColumns = 5;
const rows = 7;
/** One blank column between glyphs. */
const advanceColumns = glyphColumns + 1;
const pitch = 4;
const dot = 3;
const padding = 4;
const height = 2 * padding + rows * pitch - (pitch - dot);

/** `M x y h length` per run of lit dots in each row of `text`, from the display's top-left dot at (x0, y0). */
const litRuns = (text: string, x0: number, y0: number): string => {
  const commands: string[] = [];
  [...text].forEach((character, index) => {
    glyphs[character]!.forEach((row, rowIndex) => {
      for (const run of row.matchAll(/#+/g)) {
        const x = x0 + (index * advanceColumns + run.index) * pitch;
        commands.push(`M${x} ${y0 + rowIndex * pitch + dot / 2}h${run[0].length * pitch - (pitch - dot)}`);
      }
    });
  });
  return commands.join('');
};

const display = panelDisplay({ panel: { light: '#1c1917', dark: '#0c0a09' }, accent: '#ffb000', height, padding });

export const pixel: Theme = {
  defaultDigits: 7,
  labelledByDefault: false,
  palette: display.palette,
  draw: ({ values, label }, paint) =>
    display.draw(label, paint, (x0) => {
      const text = values.join('/');
      const width = (text.length * advanceColumns - 1) * pitch - (pitch - dot);
      const matrixRows = Array.from({ length: rows }, (_, row) => `M${x0} ${padding + row * pitch + dot / 2}h${width}`).join('');
      return {
        width,
        markup: element(
          'g',
          { class: paint.stroke('accent'), 'stroke-width': dot, 'stroke-dasharray': `${dot} ${pitch - dot}` },
          element('path', { d: matrixRows, opacity: 0.14 }),
          element('path', { d: litRuns(text, x0, padding) }),
        ),
      };
    }),
};
