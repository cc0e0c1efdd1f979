import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StartupError } from './startup-error.ts';

export const newIpHashSecret = (): string => randomBytes(32).toString('hex');

/**
 * Returns the HMAC secret stored at `path`, creating a random one (32 bytes, hex) on first use.
 * Keeping it across runs keeps visitor hashes stable, as the deployed secret does; the file is
 * readable by its owner only.
 */
export const loadOrCreateIpHashSecret = (path: string): string => {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // `wx` fails if the file exists, so two servers starting at once cannot overwrite each other's secret.
    const secret = newIpHashSecret();
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret) throw new StartupError(`${path} is empty: delete it to have a new secret generated`);
  return secret;
};
