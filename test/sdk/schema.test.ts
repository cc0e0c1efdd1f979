import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateSchema, schemaFile } from '../../packages/client/scripts/generate.ts';

it('the committed SDK types are what the OpenAPI document generates (npm run sdk:generate)', async () => {
  expect(await readFile(schemaFile, 'utf8')).toBe(await generateSchema());
});
