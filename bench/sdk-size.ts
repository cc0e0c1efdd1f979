import { budgetBytes, measureClient } from '../packages/client/scripts/size.ts';

/** Prints the client SDK's minified and gzipped size against its budget. */
const { files, totalGzipped } = await measureClient();
for (const { file, minified, gzipped } of files) console.log(`${file.padEnd(14)} ${String(minified).padStart(6)} B min  ${String(gzipped).padStart(6)} B min+gzip`);
console.log(`total          ${String(totalGzipped).padStart(6)} B min+gzip, budget ${budgetBytes} B`);
