import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler, streamCollector } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Secrets Manager's GetSecretValue, one signed JSON POST over the signer, HTTP handler and
 * credentials the DynamoDB client already bundles. The Secrets Manager client would add ~13 KB to
 * the three functions that read the IP-hash secret (docs/cold-starts.md) for this one call.
 *
 * Unlike the SDK it does not retry: the secret is read once per container, and a failed read
 * leaves the next request to try again (lambdas/shared/ip-hash.ts).
 */

/** A refusal from Secrets Manager, named by its error type (e.g. ResourceNotFoundException). */
export class SecretsManagerError extends Error {
  /** Throttling and server errors, which a retry may get past: lambdas/shared/errors.ts answers them with 503. */
  readonly $retryable: { throttling: boolean } | undefined;

  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = name;
    const throttling = name === 'ThrottlingException' || statusCode === 429;
    this.$retryable = throttling || statusCode >= 500 ? { throttling } : undefined;
  }
}

export type SecretsManagerOptions = {
  region: string;
  /** Secrets Manager's regional endpoint unless set (the tests' fake). */
  endpoint?: string;
  credentials?: ConstructorParameters<typeof SignatureV4>[0]['credentials'];
};

const regionalEndpoint = (region: string) => `https://secretsmanager.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;

/** `com.amazonaws.secretsmanager#ResourceNotFoundException` (or the x-amzn-errortype header) → ResourceNotFoundException. */
const errorName = (type: string | undefined) => type?.split('#').at(-1)?.split(':')[0] || 'SecretsManagerError';

type Answer = { SecretString?: string; __type?: string; message?: string; Message?: string };

/** A load balancer in front of the service may answer a 5xx with a page instead of JSON: the status still decides. */
const parsed = (text: string): Answer => {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return {};
  }
};

export const secretsManager = ({ region, endpoint = regionalEndpoint(region), credentials = defaultProvider() }: SecretsManagerOptions) => {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'secretsmanager', region, credentials, sha256: Sha256 });
  const http = new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 3_000 });

  return {
    async getSecretString(secretId: string): Promise<string | undefined> {
      const request = new HttpRequest({
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        method: 'POST',
        path: '/',
        headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        body: JSON.stringify({ SecretId: secretId }),
      });
      const { response } = await http.handle((await signer.sign(request)) as HttpRequest);
      const body = parsed(Buffer.from(await streamCollector(response.body)).toString('utf8'));
      if (response.statusCode !== 200) {
        const type = body.__type ?? (response.headers['x-amzn-errortype'] as string | undefined);
        throw new SecretsManagerError(errorName(type), body.message ?? body.Message ?? `HTTP ${response.statusCode}`, response.statusCode);
      }
      return body.SecretString;
    },
  };
};
