import * as z from 'zod/mini';
import { contracts } from '../contracts.ts';
import type { Family, RouteContract } from '../shared/http/contract.ts';

/**
 * The OpenAPI 3.1 document of the whole API, generated from the route contracts (lambdas/contracts.ts)
 * with zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses): nothing is
 * written twice, so the document cannot drift from what the routes parse and answer. The failures
 * the shared edge answers (validation, keys, throttling, outages) are added per family, in the
 * family's error shape.
 */

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  // Transforms (query strings parsed into numbers) are documented by their input side; `$schema` is the document's to declare.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

const message = { type: 'string' };
const errorSchemas: Record<Family, JsonSchema> = {
  countapi: { type: 'object', properties: { error: message }, required: ['error'] },
  hits: { type: 'object', properties: { error: message }, required: ['error'] },
  v1: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: { code: message, message, details: { type: 'object', additionalProperties: message } },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
  // Requiems' flat shape; key failures (401/403) answer in the /v1 shape, as every Incr key failure does.
  requiems: { type: 'object', properties: { error: message, message }, required: ['error', 'message'] },
  site: { type: 'object', properties: { error: message }, required: ['error'] },
};

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } };

/** What the edge may answer besides the contract's own statuses. */
const edgeFailures = (contract: RouteContract): Partial<Record<number, { description: string; retry?: true; shape?: Family | undefined }>> => ({
  ...Object.fromEntries(Object.entries(contract.errors ?? {}).map(([status, description]) => [status, { description: description! }])),
  400: { description: 'The request is invalid; the message names the problem' },
  ...(contract.auth !== 'none' && {
    401: { description: 'Missing, malformed, unknown or revoked key', shape: contract.family === 'requiems' ? 'v1' : undefined },
  }),
  // A route that takes either kind of key has no wrong kind to refuse.
  ...((contract.auth === 'use' || contract.auth === 'admin') && {
    403: { description: `A key of the wrong kind: this route needs a ${contract.auth} key`, shape: contract.family === 'requiems' ? 'v1' : undefined },
  }),
  ...((contract.family === 'v1' || contract.family === 'requiems') && { 415: { description: 'A request body not sent as JSON' } }),
  ...((contract.family === 'countapi' || contract.family === 'hits' || contract.auth !== 'none') && {
    429: { description: 'A rate limit or plan cap is reached', retry: true },
  }),
  500: { description: 'An unexpected failure (no internals are shown)' },
  503: { description: 'DynamoDB is throttling or unreachable: retry', retry: true },
});

const security = ({ auth, family }: RouteContract) => {
  if (auth === 'none') return [];
  // Alternatives: each entry of `security` alone satisfies the route.
  const bearer = (auth === 'any' ? ['useKey', 'adminKey'] : [`${auth}Key`]).map((scheme) => ({ [scheme]: [] }));
  return family === 'requiems' ? [{ requiemsApiKey: [] }, ...bearer] : bearer;
};

const pathParameters = (path: string) => [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1]!);

/** CountAPI's answer formats: JSON, or JSONP with `?callback=`, or a 1x1 GIF with `?img`. */
const countapiFormats = [
  { name: 'callback', in: 'query', required: false, description: 'Answer as JSONP: `callback({...,"status":S});`, always with HTTP 200', schema: { type: 'string' } },
  { name: 'img', in: 'query', required: false, description: 'Answer a 1x1 transparent GIF, always with HTTP 200', schema: { type: 'string' } },
];

const operation = (contract: RouteContract, method: string, path: string, operationId: string, tag: string) => {
  const inPath = new Set(pathParameters(path));
  const headers = new Set(contract.headers ?? []);
  const input = jsonSchema(contract.request, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  const properties = input.properties ?? {};
  const required = new Set(input.required ?? []);
  const carriesBody = ['POST', 'PUT', 'PATCH'].includes(method);
  const example = contract.examples?.request;
  const parameter = (name: string, where: 'path' | 'query' | 'header') => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: properties[name] ?? { type: 'string' },
    ...(example?.[name] !== undefined && { example: example[name] }),
  });
  const bodyFields = Object.keys(properties).filter((name) => !inPath.has(name) && !headers.has(name));
  const parameters = [
    ...[...inPath].map((name) => parameter(name, 'path')),
    ...(carriesBody ? [] : bodyFields.map((name) => parameter(name, 'query'))),
    ...[...headers].map((name) => parameter(name, 'header')),
    ...(contract.family === 'countapi' ? countapiFormats : []),
  ];
  const bodySchema = {
    type: 'object',
    properties: Object.fromEntries(bodyFields.map((name) => [name, properties[name]])),
    required: bodyFields.filter((name) => required.has(name)),
  };
  const answers = Object.entries(contract.responses).map(([status, schema]) => [
    status,
    {
      description: Number(status) < 400 ? 'The answer' : "The outcome, in the route's own shape",
      ...(status !== '304' && {
        content: {
          ...Object.fromEntries(
            [contract.mediaType ?? 'application/json']
              .flat()
              .map((mediaType) => [mediaType, { schema: jsonSchema(schema!, 'output'), ...(contract.examples?.responses?.[Number(status)] !== undefined && { example: contract.examples.responses[Number(status)] }) }]),
          ),
          ...(contract.family === 'hits' && status === '200' && { 'image/svg+xml': { schema: { type: 'string' } } }),
        },
      }),
      ...(contract.family === 'countapi' && { headers: { 'X-Path': { description: '`namespace/key` of the counter the request named', schema: { type: 'string' } } } }),
    },
  ]);
  const failures = Object.entries(edgeFailures(contract))
    .filter(([status]) => !(status in contract.responses))
    .map(([status, failure]) => [
      status,
      {
        description: failure!.description,
        content: {
          'application/json': { schema: errorSchemas[failure!.shape ?? contract.family] },
          // An image request (`.svg`) is answered an error image with the same status.
          ...(contract.family === 'hits' && { 'image/svg+xml': { schema: { type: 'string' } } }),
        },
        ...(failure!.retry && { headers: retryAfter }),
      },
    ]);
  return {
    operationId,
    summary: contract.summary,
    tags: [tag],
    security: security(contract),
    parameters,
    ...(carriesBody &&
      bodyFields.length > 0 && {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: bodySchema,
              ...(example && { example: Object.fromEntries(bodyFields.filter((name) => example[name] !== undefined).map((name) => [name, example[name]])) }),
            },
          },
        },
      }),
    responses: Object.fromEntries([...answers, ...failures]),
  };
};

const tags: Record<keyof typeof contracts, string> = {
  countapi: 'CountAPI counters',
  hits: 'Hit counters',
  counters: 'Private counters',
  namespaceCounter: 'Namespace counter',
  keys: 'API keys',
  quota: 'Quotas',
  site: 'About this API',
};

export const buildOpenApiDocument = ({ version }: { version: string }) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [family, routes] of Object.entries(contracts) as [keyof typeof contracts, Record<string, RouteContract>][]) {
    for (const [name, contract] of Object.entries(routes)) {
      contract.routeKeys.forEach((routeKey, index) => {
        const [method, path] = routeKey.split(' ') as [string, string];
        const operationId = `${family}.${name}${index === 0 ? '' : `.${index + 1}`}`;
        (paths[path] ??= {})[method.toLowerCase()] = operation(contract, method, path, operationId, tags[family]);
      });
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Incr',
      version,
      description:
        'Counters, hit tracking and usage quotas as a service, in your own AWS account. CountAPI-compatible public counters, hit counters with SVG images, private counters (unkey\'s semantics), a Requiems-compatible namespace counter and countr-compatible quota decisions.',
    },
    servers: [{ url: '/', description: 'This deployment' }],
    tags: Object.values(tags).map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        useKey: { type: 'http', scheme: 'bearer', description: 'A use key (`ck_use_live_…`): decisions, usage and counters' },
        adminKey: { type: 'http', scheme: 'bearer', description: 'An admin key (`ck_admin_live_…`): keys, metrics, overrides, the account, usage' },
        requiemsApiKey: { type: 'apiKey', in: 'header', name: 'requiems-api-key', description: 'A use key, as Requiems sends it' },
      },
    },
  };
};

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
