import * as z from 'zod/mini';
import { routeContract } from '../shared/http/contract.ts';
import { pageRequest } from '../shared/page-request.ts';

/** One schema per key-management request. */

export const createKeyRequest = z.object({
  kind: z._default(z.enum(['use', 'admin'], { error: "kind must be 'use' or 'admin'" }), 'use'),
  name: z.optional(z.string().check(z.trim(), z.minLength(1, 'name must not be empty'), z.maxLength(100, 'name must be at most 100 characters'))),
});

export const listKeysRequest = z.object(pageRequest);

export const revokeKeyRequest = z.object({
  keyId: z.string().check(z.regex(/^key_[0-9a-f]{16}$/, 'keyId must look like key_0123456789abcdef')),
});

const keyRecord = z.object({
  keyId: z.string(),
  ownerId: z.string(),
  kind: z.enum(['use', 'admin']),
  /** The first characters of the key, safe to show. */
  prefix: z.string(),
  name: z.optional(z.string()),
  createdAt: z.number().check(z.int()),
  revokedAt: z.optional(z.number().check(z.int())),
});

/** Key management, behind an admin key. */
export const contracts = {
  create: routeContract({
    routeKeys: ['POST /v1/keys'],
    summary: 'Creates a use or admin key: the only answer that ever contains the key',
    examples: { request: { kind: 'use', name: 'billing service' } },
    family: 'v1',
    auth: 'admin',
    request: createKeyRequest,
    responses: { 201: z.extend(keyRecord, { key: z.string() }) },
    // Issuing and revoking keys have no exact inverse: counted in the write's own transaction.
    countsTowardPlan: 'transacted' as const,
  }),
  list: routeContract({
    routeKeys: ['GET /v1/keys'],
    summary: "The owner's keys, a page at a time, never the key or its hash",
    family: 'v1',
    auth: 'admin',
    request: listKeysRequest,
    responses: { 200: z.object({ keys: z.array(keyRecord), nextCursor: z.nullable(z.string()) }) },
  }),
  revoke: routeContract({
    routeKeys: ['DELETE /v1/keys/{keyId}'],
    summary: 'Revokes a key: it stops working everywhere within `effectiveWithinSeconds`',
    family: 'v1',
    auth: 'admin',
    request: revokeKeyRequest,
    responses: { 200: z.extend(keyRecord, { effectiveWithinSeconds: z.number().check(z.int()) }) },
    errors: { 404: "No such key (another owner's keys are not found either)" },
    countsTowardPlan: 'transacted' as const,
  }),
};
