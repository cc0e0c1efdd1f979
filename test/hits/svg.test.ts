import { describe, expect, it } from 'vitest';
import { renderCounter, renderError, type CounterImageOptions } from '../../lambdas/hits/svg/render.ts';
import { defaultTheme, themeNames } from '../../lambdas/hits/svg/themes.ts';
import { text } from '../../lambdas/hits/svg/xml.ts';
import { maxDigits, maxLabelLength } from '../../lambdas/hits/schemas.ts';
import { getFrom, uniqueName, useLocalApi } from '../helpers.ts';
import { allText, findAll, parseXml, type XmlElement } from './xml.ts';

const api = useLocalApi();
const image = (path: string) => getFrom(`${api.url}${path}`, '127.0.0.2');
const render = (counts: { visit: number; visitor: number }, options: Partial<CounterImageOptions> = {}) =>
  renderCounter(counts, { theme: defaultTheme, show: 'visit', scheme: 'auto', ...options });
const css = (svg: XmlElement) => findAll(svg, 'style')[0]!.text;

const numbers = [0, 7, 1234, 9_007_199_254_740_991];
const optionSets: Partial<CounterImageOptions>[] = [
  {},
  { show: 'visitor' },
  { show: 'both', label: 'views' },
  { label: 'a & b <c> "d" \'e\'', color: '#a1b2c3', labelColor: '#fff' },
  { label: '', digits: maxDigits, scheme: 'dark' },
  { label: '访问 🚀 café', digits: 1, scheme: 'light', color: '#0f08' },
];

describe.each(themeNames)('theme %s', (theme) => {
  it.each(numbers)('renders %i as well-formed, accessible, self-sized SVG with every option set', (count) => {
    for (const options of optionSets) {
      const counts = { visit: count, visitor: Math.floor(count / 3) };
      const svg = parseXml(render(counts, { ...options, theme }));
      expect(svg.name).toBe('svg');
      expect(svg.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', role: 'img' });
      const { width, height, viewBox } = svg.attributes;
      expect(viewBox).toBe(`0 0 ${width} ${height}`);
      expect(Number(width)).toBeGreaterThan(0);
      const title = svg.children[0]!;
      expect(title.name).toBe('title');
      expect(title.text).toBe(svg.attributes['aria-label']);
      const shown = options.show === 'visitor' ? counts.visitor : counts.visit;
      expect(title.text).toContain(String(shown));
      if (options.show === 'both') expect(title.text).toContain(`${counts.visitor} visitor`);
      if (options.label) expect(title.text.startsWith(`${options.label}: `)).toBe(true);
    }
  });

  it('grows with the number of digits shown', () => {
    const widths = Array.from({ length: 16 }, (_, index) => Number(parseXml(render({ visit: 10 ** index, visitor: 0 }, { theme, digits: 1 })).attributes.width));
    for (let index = 1; index < widths.length; index++) expect(widths[index]).toBeGreaterThan(widths[index - 1]!);
    const padded = Number(parseXml(render({ visit: 5, visitor: 0 }, { theme, digits: 8 })).attributes.width);
    expect(padded).toBe(widths[7]);
  });

  it('grows with the label', () => {
    const plain = parseXml(render({ visit: 1, visitor: 1 }, { theme, label: 'x' }));
    const longer = parseXml(render({ visit: 1, visitor: 1 }, { theme, label: 'a much longer label' }));
    expect(Number(longer.attributes.width)).toBeGreaterThan(Number(plain.attributes.width));
  });

  it('escapes user text: a script in the label stays text', () => {
    const label = '<script>alert(1)</script> & "x" \'y\'';
    const source = render({ visit: 3, visitor: 1 }, { theme, label });
    expect(source).not.toMatch(/<script/i);
    const svg = parseXml(source);
    expect(findAll(svg, 'script')).toEqual([]);
    expect(svg.attributes['aria-label']).toBe(`${label}: 3`);
    expect(allText(svg)).toContain(label);
  });

  it('pads with zeros to the requested digits, and says the plain number to screen readers', () => {
    const svg = parseXml(render({ visit: 42, visitor: 0 }, { theme, digits: 5, label: '' }));
    expect(svg.attributes['aria-label']).toBe('42 visits');
    if (theme === 'badge' || theme === 'flip') expect(allText(svg.children.at(-1)!).replaceAll(/\s/g, '')).toContain('00042');
  });

  it('follows the colour scheme: both palettes for auto, one for light or dark', () => {
    const auto = css(parseXml(render({ visit: 1, visitor: 1 }, { theme, scheme: 'auto' })));
    const light = css(parseXml(render({ visit: 1, visitor: 1 }, { theme, scheme: 'light' })));
    const dark = css(parseXml(render({ visit: 1, visitor: 1 }, { theme, scheme: 'dark' })));
    expect(auto).toContain('@media (prefers-color-scheme:dark){');
    expect(light).not.toContain('@media');
    expect(dark).not.toContain('@media');
    const colours = (style: string) => style.replaceAll(/\.c[0-9a-f]{6}-\d+/g, '.x');
    expect(colours(dark)).not.toBe(colours(light));
    expect(colours(auto).startsWith(colours(light))).toBe(true);
  });

  it('applies the chosen colour in both schemes', () => {
    const style = css(parseXml(render({ visit: 1, visitor: 1 }, { theme, color: '#ab12cd', scheme: 'auto' })));
    const chosen = /\.(c[0-9a-f]{6}-\d+)\{(?:fill|stroke):#ab12cd\}/.exec(style);
    expect(chosen).not.toBeNull();
    expect(style.split('@media')[1] ?? '').not.toContain(chosen![1]);
  });
});

describe('SVG building blocks', () => {
  it('are checked by a strict XML parser', () => {
    for (const malformed of ['<a b="<"/>', '<a>&bogus;</a>', '<a>\u0001</a>', '<a/><b/>', '<a>]]></a>', '<a><b></a>']) {
      expect(() => parseXml(malformed), malformed).toThrow();
    }
  });


  it('escapes markup characters and replaces characters XML forbids', () => {
    expect(text(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(text('a\u0000b\u0008c\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(text('tab\tnew\nline 🚀')).toBe('tab\tnew\nline 🚀');
  });

  it('keeps the class names of different palettes apart, so inline SVGs cannot restyle each other', () => {
    const classesOf = (svg: string) => new Set(findAll(parseXml(svg), 'rect').map((rect) => rect.attributes.class));
    const blue = classesOf(render({ visit: 1, visitor: 1 }, { color: '#00f' }));
    const red = classesOf(render({ visit: 1, visitor: 1 }, { color: '#f00' }));
    expect([...blue].filter((name) => red.has(name))).toEqual([]);
  });

  it('draws errors as a red badge that says what went wrong', () => {
    const svg = parseXml(renderError('color must be a hex color'));
    expect(svg.attributes['aria-label']).toBe('error: color must be a hex color');
    expect(allText(svg)).toContain('color must be a hex color');
  });
});

describe('GET /hits/{id}/{resource}.svg', () => {
  it('falls back to the default theme for an unknown theme, never an error', async () => {
    const path = `/hits/site.example/${uniqueName()}.svg?mode=read`;
    const fallback = await image(`${path}&theme=no-such-theme`);
    const explicit = await image(`${path}&theme=${defaultTheme}`);
    expect(fallback.status).toBe(200);
    expect(fallback.text).toBe(explicit.text);
    expect((await image(`${path}&theme=PIXEL`)).text).toBe((await image(`${path}&theme=pixel`)).text);
  });

  it('escapes the label from the query string', async () => {
    const label = encodeURIComponent('<script>alert(1)</script>"&\'');
    const response = await image(`/hits/site.example/${uniqueName()}.svg?label=${label}`);
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/<script/i);
    expect(parseXml(response.text).attributes['aria-label']).toBe('<script>alert(1)</script>"&\': 1');
  });

  it('counts like JSON does, and mode=read shows the numbers without counting', async () => {
    const path = `/hits/site.example/${uniqueName()}.svg`;
    await image(path);
    const counted = await image(`${path}?show=both`);
    expect(parseXml(counted.text).attributes['aria-label']).toBe('visits / visitors: 2 visits, 1 visitor');
    const read = await image(`${path}?mode=read&show=visitor&theme=flip`);
    expect(parseXml(read.text).attributes['aria-label']).toBe('1 visitor');
    expect(parseXml((await image(`${path}?mode=read`)).text).attributes['aria-label']).toBe('visits: 2');
  });

  it('accepts colours with or without #, in any case', async () => {
    for (const color of ['4c1', '%234C1', 'ABCDEF', '%23abcdef80']) {
      expect((await image(`/hits/site.example/${uniqueName()}.svg?mode=read&color=${color}&labelColor=${color}`)).status).toBe(200);
    }
  });

  it.each([
    ['color=red', 'color must be a hex color: 3, 4, 6 or 8 hex digits, # optional'],
    ['color=%2312345', 'color must be a hex color: 3, 4, 6 or 8 hex digits, # optional'],
    ['labelColor=%23ggg', 'labelColor must be a hex color: 3, 4, 6 or 8 hex digits, # optional'],
    ['labelColor=url(x)', 'labelColor must be a hex color: 3, 4, 6 or 8 hex digits, # optional'],
    ['digits=0', `digits must be an integer from 1 to ${maxDigits}`],
    [`digits=${maxDigits + 1}`, `digits must be an integer from 1 to ${maxDigits}`],
    ['digits=1.5', `digits must be an integer from 1 to ${maxDigits}`],
    ['show=all', 'show must be visit, visitor or both'],
    ['scheme=dim', 'scheme must be auto, light or dark'],
    [`label=${'x'.repeat(maxLabelLength + 1)}`, `label must be at most ${maxLabelLength} characters`],
    ['label=a%0Ab', 'label must not contain control characters'],
    ['mode=never', 'mode must be read (or left out to count)'],
  ])('refuses %s with a 400 error image naming the field', async (query, message) => {
    const response = await image(`/hits/site.example/${uniqueName()}.svg?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(parseXml(response.text).attributes['aria-label']).toBe(`error: ${message}`);
  });

  it('answers a missing or malformed name with an error image when the path asks for SVG', async () => {
    for (const [path, message] of [
      ['/hits/site.example.svg', 'Missing id or resource'],
      ['/hits/site.example/ab.svg', 'Invalid resource'],
    ]) {
      const response = await image(path!);
      expect(response.status).toBe(400);
      expect(parseXml(response.text).attributes['aria-label']).toBe(`error: ${message}`);
    }
  });
});
