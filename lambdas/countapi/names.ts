import type { APIGatewayProxyEventHeaders } from 'aws-lambda';

/** CountAPI's rule for namespaces and keys. */
export const namePattern = /^[A-Za-z0-9_\-.]{3,64}$/;
const maxNameLength = 64;
const minReservedValueLength = 3;
const charactersOutsideNames = /[^A-Za-z0-9_\-.]/g;

/** The page that made the request: from Referer, or (host only) from Origin when there is none. */
const requestingPage = (headers: APIGatewayProxyEventHeaders): { host: string; pathname: string } => {
  const parse = (value: string | undefined) => {
    try {
      return value ? new URL(value) : undefined;
    } catch {
      return undefined;
    }
  };
  const referer = parse(headers.referer);
  if (referer) return { host: referer.hostname, pathname: referer.pathname };
  return { host: parse(headers.origin)?.hostname ?? '', pathname: '' };
};

/** A reserved word's value as a name fragment: slashes and other foreign characters removed, padded to 3. */
const asNameFragment = (value: string): string =>
  value.replace(charactersOutsideNames, '').padEnd(minReservedValueLength, '.');

/**
 * Replaces CountAPI's reserved words `:HOST:` and `:PATHNAME:` in a namespace or key with values
 * from the requesting page, so one snippet can count every page of every site it is pasted into.
 * A name without reserved words is returned as is (validation happens afterwards).
 */
export const resolveReservedWords = (name: string | undefined, headers: APIGatewayProxyEventHeaders): string | undefined => {
  if (name === undefined || !name.includes(':')) return name;
  const page = requestingPage(headers);
  return name
    .replaceAll(':HOST:', asNameFragment(page.host))
    .replaceAll(':PATHNAME:', asNameFragment(page.pathname))
    .slice(0, maxNameLength);
};
