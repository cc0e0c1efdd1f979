import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaults, profiles, readCostSection, renderCostTables, withCostTables } from '../bench/cost-model.ts';

const document = readFileSync(new URL('../docs/cost.md', import.meta.url), 'utf8');
/** Everything but the first line, which holds the date of the run. */
const withoutDate = (tables: string) => tables.split('\n').slice(1).join('\n');

describe('docs/cost.md', () => {
  const { tables, measurements } = readCostSection(document);

  it('holds the tables npm run bench:costs makes of the measurements listed under them', () => {
    expect(tables.split('\n')[0]).toMatch(/^Measured on \d{4}-\d{2}-\d{2} by `npm run bench:costs`\.$/);
    expect(withoutDate(tables)).toBe(withoutDate(renderCostTables(measurements, 'any day')));
  });

  it('prices every hot route and a row for each setting that changes the figure', () => {
    expect(measurements.filter((measurement) => measurement.hot).map(({ sample }) => sample)).toEqual(
      expect.arrayContaining(['countapi-hit', 'countapi-get', 'hits', 'hits-svg', 'counters-get', 'counters-increment', 'quota-check-consume', 'quota-usage']),
    );
    for (const profile of [defaults, ...profiles]) expect(tables).toContain(`| ${profile.name} |`);
  });

  it('is rewritten between its markers only, the same way each time', () => {
    const rewritten = withCostTables(document, measurements, '2031-02-03');
    expect(rewritten.split('<!-- bench:costs start -->')[0]).toBe(document.split('<!-- bench:costs start -->')[0]);
    expect(rewritten.split('<!-- bench:costs end -->')[1]).toBe(document.split('<!-- bench:costs end -->')[1]);
    expect(readCostSection(rewritten)).toEqual({ tables: renderCostTables(measurements, '2031-02-03'), measurements });
  });
});
