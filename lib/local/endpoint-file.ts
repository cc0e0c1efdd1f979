import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * While `npm start` runs, `.incr-data/local-endpoint.json` says where its DynamoDB listens, so
 * the CLI (`npm run incr`) can reach the local table without being told the random port.
 */
export interface LocalEndpoint {
  endpoint: string;
  tableName: string;
}

export const writeLocalEndpoint = (path: string, endpoint: LocalEndpoint): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(endpoint)}\n`);
};

export const readLocalEndpoint = (path: string): LocalEndpoint | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LocalEndpoint;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

export const removeLocalEndpoint = (path: string): void => rmSync(path, { force: true });
