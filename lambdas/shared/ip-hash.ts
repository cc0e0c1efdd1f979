import { createHmac } from 'node:crypto';
import { config } from './config.ts';
import { secretsManager } from './secrets-manager.ts';

/**
 * Client IP addresses are never stored or logged raw: they become a keyed hash (HMAC-SHA-256)
 * whose secret the stack generates in Secrets Manager. A plain SHA-256 would not do: the whole
 * IPv4 space can be hashed in minutes, so only the secret makes the marker irreversible.
 * The secret is read once per container, on first use; locally the server hands over the key itself.
 */
let client: ReturnType<typeof secretsManager> | undefined;
let secret: Promise<string> | undefined;

const loadSecret = async (): Promise<string> => {
  const { arn, local } = config.ipHashSecret;
  if (arn) {
    // Created on first use: a function that never reads the secret (it imports this module through
    // public-creation.ts) then pays nothing for it at start-up.
    client ??= secretsManager({ region: config.region });
    const SecretString = await client.getSecretString(arn);
    if (!SecretString) throw new Error('the IP hash secret is empty');
    return SecretString;
  }
  if (!local) throw new Error('neither IP_HASH_SECRET_ARN nor IP_HASH_SECRET is set');
  return local;
};

export const ipHashSecret = (): Promise<string> => {
  secret ??= loadSecret().catch((error: unknown) => {
    secret = undefined; // a failed read must not poison the container: the next request tries again
    throw error;
  });
  return secret;
};

/**
 * 128 bits of the HMAC, base64url: short enough for keys, far beyond collision range. A `scope`
 * (e.g. one counter's name) makes the hash of one address differ from scope to scope, so markers
 * of different scopes cannot be linked to one visitor, even by someone who can read the table.
 */
export const hashIp = (ip: string, hmacSecret: string, scope?: string): string =>
  createHmac('sha256', hmacSecret)
    .update(scope === undefined ? ip : `${scope}/${ip}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
