import * as z from 'zod/mini';

/**
 * The paging input of every listing, as schema fields. Apart from the listing itself
 * (query-partition.ts), so that the contracts, which the OpenAPI document and every function's edge
 * load, do not bring the DynamoDB client along.
 */

export const defaultPageSize = 100;
export const maxPageSize = 1000;
const pageSizeMessage = `limit must be an integer from 1 to ${maxPageSize}`;
const cursorMessage = "cursor must be a previous page's nextCursor";

/**
 * A cursor is the last sort key of its page without the listing's prefix, base64url-encoded. Only
 * canonical encodings of at most 900 bytes pass, so prefix and cursor always make a valid sort key.
 */
const cursor = z.pipe(
  z.string().check(z.minLength(1, cursorMessage), z.maxLength(1200, cursorMessage)),
  z.transform((encoded, context) => {
    const decoded = Buffer.from(encoded, 'base64url').toString('utf8');
    if (Buffer.from(decoded, 'utf8').toString('base64url') === encoded) return decoded;
    context.issues.push({ code: 'custom', message: cursorMessage, input: encoded });
    return z.NEVER;
  }),
);

/** The paging fields of every listing's request schema: `?limit=` and `?cursor=`. */
export const pageRequest = {
  limit: z._default(
    z.coerce.number({ error: pageSizeMessage }).check(z.int(pageSizeMessage), z.minimum(1, pageSizeMessage), z.maximum(maxPageSize, pageSizeMessage)),
    defaultPageSize,
  ),
  cursor: z.optional(cursor),
};
