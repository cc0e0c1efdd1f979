import * as z from 'zod';

const invalidNamespace = 'Invalid namespace: must be 1–64 chars, alphanumeric, hyphen or underscore only';

export const namespaceRequest = z.object({
  namespace: z.string({ error: invalidNamespace }).regex(/^[A-Za-z0-9_-]{1,64}$/, invalidNamespace),
});
