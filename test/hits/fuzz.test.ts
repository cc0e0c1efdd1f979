import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useLocalApi } from '../helpers.ts';
import { parseXml } from './xml.ts';

const api = useLocalApi();

const name = fc.oneof(
  fc.constantFrom('site.example', 'page', 'ab', '.svg', '.json', 'x.svg.json', '%2F', '%00', ':HOST:'),
  fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
);
const suffix = fc.constantFrom('', '.json', '.svg', '.SVG', '.svg.svg');
const value = fc.oneof(
  fc.constantFrom('', 'read', 'both', 'visitor', 'pixel', 'flip', 'segment', 'badge', 'dark', '12', '0', '-1', '1e3', '#fff', 'fff', 'zzz'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);
const query = fc.array(fc.tuple(fc.constantFrom('mode', 'theme', 'label', 'color', 'labelColor', 'digits', 'show', 'scheme', 'v'), value), {
  maxLength: 6,
});

describe('hits fuzzing', () => {
  it('never answers 5xx, and every image it answers, errors included, is well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 0, maxLength: 3 }), suffix, query, async (names, format, params) => {
        const search = new URLSearchParams(params).toString();
        const path = `/hits/${names.join('/')}${format}${search ? `?${search}` : ''}`;
        const response = await api.fetch(path);
        const body = await response.text();
        expect(response.status, path).toBeLessThan(500);
        if (response.headers.get('content-type')?.startsWith('image/svg+xml')) {
          expect(parseXml(body).attributes.role, path).toBe('img');
          expect(body, path).not.toMatch(/<script/i);
        }
      }),
      { numRuns: 300 },
    );
  });
});
