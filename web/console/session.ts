import { Incr, IncrError } from '../../packages/client/src/index.ts';

/**
 * The signed-in owner's admin key lives in this tab's sessionStorage only: never in a URL (views
 * are in the fragment, which holds no key), a cookie (it would travel with every request) or
 * localStorage (it would outlive the tab). Closing the tab or signing out forgets it.
 */
const storageName = 'incr.console.adminKey';

export const storedKey = () => sessionStorage.getItem(storageName);
export const storeKey = (key: string) => sessionStorage.setItem(storageName, key);
export const forgetKey = () => sessionStorage.removeItem(storageName);

/** The API's root, resolved from the page's own URL: right under a custom domain's base path too. */
const apiRoot = () => new URL(document.getElementById('console')!.dataset.api ?? './', location.href).href;

/** One retry for reads: a console user would rather see the failure than wait through several. */
export const clientFor = (apiKey: string) => new Incr({ baseUrl: apiRoot(), apiKey, retries: 1 });

const fieldList = (details: Record<string, string> | undefined) =>
  details ? Object.values(details).filter((problem, index, all) => all.indexOf(problem) === index).join('; ') : '';

/** A failure as a sentence a person can act on, from the API's own error. */
export const messageOf = (error: unknown): string => {
  if (!(error instanceof IncrError)) return 'Something went wrong in the console; reload the page and try again.';
  if (error.status === null) return 'Incr could not be reached. Check your connection, then try again.';
  if (error.status === 503 || error.status === 429) {
    const wait = error.retryAfter ? `${error.retryAfter} second${error.retryAfter === 1 ? '' : 's'}` : 'a few seconds';
    return `${error.message}. Nothing was lost: try again in ${wait}.`;
  }
  if (error.status === 403) return `${error.message}: sign in with an admin key.`;
  const details = fieldList(error.details);
  return details && details !== error.message ? `${error.message}: ${details}.` : `${error.message}.`.replace(/\.\.$/, '.');
};

export { IncrError };
