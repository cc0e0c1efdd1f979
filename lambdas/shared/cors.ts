import { config } from './config.ts';

/**
 * Which web pages may read Incr's answers. The stack passes the deploy setting `incr:corsOrigins`
 * as CORS_ALLOWED_ORIGINS (comma-separated); unset or `*` lets every origin read them, which is
 * CountAPI's documented behaviour. With a list, an allowed Origin is echoed back and any other gets
 * no Access-Control-Allow-Origin at all, so the browser withholds the answer from that page.
 */
export const corsAllowOrigin = (allowedOrigins: readonly string[]) => {
  if (allowedOrigins.includes('*')) return (): Record<string, string> => ({ 'Access-Control-Allow-Origin': '*' });
  const allowed = new Set(allowedOrigins);
  // Vary: Origin keeps a shared cache from serving one origin's answer to another.
  return (origin: string | undefined): Record<string, string> =>
    origin !== undefined && allowed.has(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
};

/** The Access-Control-Allow-Origin (and Vary) headers for a request's `Origin` header. */
export const allowOriginHeaders = corsAllowOrigin(config.corsOrigins);
