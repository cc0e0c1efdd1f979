import { writeFileSync } from 'node:fs';
import { buildPages, generatedFile } from '../web/build.ts';

writeFileSync(generatedFile, await buildPages());
console.log(`Wrote ${generatedFile}`);
