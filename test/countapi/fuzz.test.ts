import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useLocalApi } from '../helpers.ts';

const api = useLocalApi();

const operation = fc.constantFrom('hit', 'get', 'set', 'update', 'info', 'create', 'stats');
const segment = fc.oneof(
  fc.constantFrom(':HOST:', ':PATHNAME:', 'x:HOST:y', 'default', '..', '.', '%', '%2F'),
  fc.stringMatching(/^[A-Za-z0-9_.-]{0,70}$/),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
);
/** Mostly paths that reach a CountAPI route, some that reach nothing. */
const path = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(operation, fc.array(segment, { maxLength: 2 })).map(([op, names]) => [op, ...names]) },
  { weight: 1, arbitrary: fc.array(segment, { minLength: 1, maxLength: 4 }) },
);
const queryValue = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.constantFrom('', 'true', 'false', '1', '0', 'NaN', '-0', '1e3', '0x10', ' 5', 'alert(1)', 'cb', 'a.b$c'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const query = fc.array(
  fc.tuple(
    fc.constantFrom('value', 'amount', 'key', 'namespace', 'enable_reset', 'update_lowerbound', 'update_upperbound', 'callback', 'img', 'x'),
    queryValue,
  ),
  { maxLength: 5 },
);

describe('CountAPI fuzzing', () => {
  it('never answers 5xx to random paths, query strings and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        path,
        query,
        fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }))),
        async (segments, params, referer) => {
          const search = new URLSearchParams(params).toString();
          const response = await api.fetch(`/${segments.join('/')}${search ? `?${search}` : ''}`, {
            headers: referer === null ? {} : { referer: referer.replace(/[^\x20-\x7e]/g, '') },
          });
          await response.arrayBuffer();
          expect(response.status, `${segments.join('/')}?${search}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
  });
});
