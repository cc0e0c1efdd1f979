import * as z from 'zod';
import { pageRequest } from '../shared/query-partition.ts';

/** One schema per key-management request. */

export const createKeyRequest = z.object({
  kind: z.enum(['use', 'admin'], { error: "kind must be 'use' or 'admin'" }).default('use'),
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters').optional(),
});

export const listKeysRequest = z.object(pageRequest);

export const revokeKeyRequest = z.object({
  keyId: z.string().regex(/^key_[0-9a-f]{16}$/, 'keyId must look like key_0123456789abcdef'),
});
