/**
 * Estimated advance widths of the printable ASCII characters in Verdana (falling back to
 * DejaVu Sans, which is as wide) at 11 px, the badge font. Verdana is the widest common sans
 * serif, so text set in a narrower fallback still fits. Renderers are told the width too
 * (`textLength`), so the box and the text always agree.
 */
const asciiWidths: Record<string, number> = {
  ' ': 3.9, '!': 4.3, '"': 5.1, '#': 9, $: 7, '%': 11.9, '&': 8, "'": 3, '(': 5, ')': 5, '*': 7, '+': 9, ',': 4,
  '-': 5, '.': 4, '/': 5, ':': 5, ';': 5, '<': 9, '=': 9, '>': 9, '?': 6, '@': 11, '[': 5, '\\': 5, ']': 5,
  '^': 9, _: 7, '`': 7, '{': 7, '|': 5, '}': 7, '~': 9,
  A: 7.5, B: 7.6, C: 7.7, D: 8.5, E: 7, F: 6.3, G: 8.5, H: 8.3, I: 4.6, J: 5, K: 7.6, L: 6.1, M: 9.3, N: 8.2,
  O: 8.7, P: 6.6, Q: 8.7, R: 7.7, S: 7.5, T: 6.8, U: 8.1, V: 7.5, W: 10.9, X: 7.5, Y: 6.8, Z: 7.5,
  a: 6.6, b: 6.8, c: 5.7, d: 6.8, e: 6.6, f: 3.8, g: 6.8, h: 6.9, i: 3, j: 3.8, k: 6.5, l: 3, m: 10.6, n: 6.9,
  o: 6.6, p: 6.8, q: 6.8, r: 4.7, s: 5.7, t: 4.3, u: 6.9, v: 6.5, w: 8.9, x: 6.5, y: 6.5, z: 5.8,
};
const digitWidth = 7;
const tableFontSize = 11;

/** Outside ASCII: combining marks take no room, wide scripts and emoji a full em, the rest a typical letter. */
const widthOutsideTable = (codePoint: number): number => {
  if (codePoint >= 0x300 && codePoint <= 0x36f) return 0;
  if (codePoint >= 0x1100 && (codePoint <= 0x115f || codePoint >= 0x2e80)) return tableFontSize;
  return 7.5;
};

const widthOf = (character: string): number =>
  asciiWidths[character] ?? (character >= '0' && character <= '9' ? digitWidth : widthOutsideTable(character.codePointAt(0)!));

/** The estimated width in px of `value` set at `fontSize` px. */
export const textWidth = (value: string, fontSize: number): number => {
  let width = 0;
  for (const character of value) width += widthOf(character);
  return (width * fontSize) / tableFontSize;
};
