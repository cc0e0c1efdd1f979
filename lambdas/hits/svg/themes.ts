import type { Theme } from './theme.ts';
import { badge } from './themes/badge.ts';
import { flip } from './themes/flip.ts';
import { pixel } from './themes/pixel.ts';
import { segment } from './themes/segment.ts';

/** Every theme by its `?theme=` name; the first is the default. */
export const themes = { badge, pixel, segment, flip } satisfies Record<string, Theme>;
export type ThemeName = keyof typeof themes;
export const themeNames = Object.keys(themes) as [ThemeName, ...ThemeName[]];
export const defaultTheme: ThemeName = themeNames[0];
