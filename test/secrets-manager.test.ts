import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestErrorOf } from '../lambdas/shared/http/request-error.ts';
import { SecretsManagerError, secretsManager } from '../lambdas/shared/secrets-manager.ts';

/** A stand-in for Secrets Manager's endpoint: records each request and gives the answer a test set. */
type Recorded = { method?: string; url?: string; headers: IncomingMessage['headers']; body: string };
let recorded: Recorded[] = [];
let answer: { status: number; body: string; headers?: Record<string, string> };
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    recorded.push({ method: request.method, url: request.url, headers: request.headers, body });
    response.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1', ...answer.headers }).end(answer.body);
  });
});
let endpoint: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  recorded = [];
});

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI', sessionToken: 'session-token' });
const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:incr-ip-hash-AbCdEf';
const read = () => secretsManager({ region: 'eu-west-1', endpoint, credentials }).getSecretString(arn);
/** What the request would answer if the read failed this way (lambdas/shared/ip-hash.ts lets the error through). */
const statusFor = async () => requestErrorOf(await read().catch((error: unknown) => error)).statusCode;

describe('GetSecretValue over SigV4', () => {
  it('is one signed JSON POST to Secrets Manager and returns the secret string', async () => {
    answer = { status: 200, body: JSON.stringify({ ARN: arn, Name: 'incr-ip-hash', SecretString: 'the-hmac-key', VersionId: 'v1' }) };
    expect(await read()).toBe('the-hmac-key');
    expect(recorded).toHaveLength(1);
    const [{ method, url, headers, body }] = recorded as [Recorded];
    expect({ method, url, body: JSON.parse(body) }).toEqual({ method: 'POST', url: '/', body: { SecretId: arn } });
    expect(headers).toMatchObject({
      'x-amz-target': 'secretsmanager.GetSecretValue',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-security-token': 'session-token',
      'x-amz-date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
    });
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('answers 500 for a refusal that a retry cannot change (no such secret, access denied)', async () => {
    answer = { status: 400, body: JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }) };
    await expect(read()).rejects.toEqual(expect.objectContaining({ name: 'ResourceNotFoundException', statusCode: 400, message: "Secrets Manager can't find the specified secret." }));
    expect(await statusFor()).toBe(500);
    answer = { status: 400, body: '{}', headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/' } };
    await expect(read()).rejects.toEqual(expect.objectContaining({ name: 'AccessDeniedException' }));
  });

  it('answers 503 for throttling, a server error, or an answer that is not JSON', async () => {
    for (const failure of [
      { status: 400, body: JSON.stringify({ __type: 'com.amazonaws.secretsmanager#ThrottlingException', message: 'Rate exceeded' }) },
      { status: 500, body: JSON.stringify({ __type: 'InternalServiceError', message: 'An error occurred on the server side.' }) },
      { status: 502, body: '<html>Bad Gateway</html>' },
    ]) {
      answer = failure;
      await expect(read()).rejects.toBeInstanceOf(SecretsManagerError);
      expect(await statusFor()).toBe(503);
    }
  });

  it('answers 503 when Secrets Manager cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const error = await secretsManager({ region: 'eu-west-1', endpoint: unreachable, credentials })
      .getSecretString(arn)
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(requestErrorOf(error).statusCode).toBe(503);
  });
});
