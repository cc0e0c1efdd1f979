import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Scalar's standalone browser build, which renders the API reference (GET /docs) from
 * /openapi.json. The package does not export it, so it is found next to a file the package does
 * export; in AWS the stack copies these files under the bundle's node_modules (the route's
 * `packageFiles` in lib/routes.ts). Its URL is named by its content, so a browser may keep it for good.
 */
const scalarDist = dirname(createRequire(import.meta.url).resolve('@scalar/api-reference/style.css'));

export const renderer = readFileSync(join(scalarDist, 'browser', 'standalone.js'));

export const rendererFile = `${createHash('sha256').update(renderer).digest('hex').slice(0, 20)}.js`;
