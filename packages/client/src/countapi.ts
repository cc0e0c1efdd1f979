import { countapi } from './resources/countapi.js';
import { Transport } from './transport.js';
import type { CreateOptions } from './resources/countapi.js';

/**
 * countapi-js's functions, arguments and results, against Incr: change the import from
 * `countapi-js` to `@incr/client/countapi` and call `setBaseUrl` once. Failures reject with an
 * `IncrError` (countapi-js rejected with strings).
 */

let client = countapi(new Transport({ baseUrl: 'http://localhost:3000' }));

/** Points every function at a deployment (`http://localhost:3000` until then). */
export const setBaseUrl = (baseUrl: string) => {
  client = countapi(new Transport({ baseUrl }));
};

/** countapi-js's optional namespace: with one argument it is the key, in namespace `default`. */
const counter = (namespace: string, key?: string): [string, string] => (key === undefined ? ['default', namespace] : [namespace, key]);
/** With two arguments, the last is the number. */
const withNumber = (namespace: string, key: string | number, value?: number): [string, string, number] =>
  value === undefined ? ['default', namespace, key as number] : [namespace, key as string, value];

export function hit(key: string): ReturnType<typeof client.hit>;
export function hit(namespace: string, key: string): ReturnType<typeof client.hit>;
export function hit(namespace: string, key?: string) {
  return client.hit(...counter(namespace, key));
}

export function get(key: string): ReturnType<typeof client.get>;
export function get(namespace: string, key: string): ReturnType<typeof client.get>;
export function get(namespace: string, key?: string) {
  return client.get(...counter(namespace, key));
}

export function info(key: string): ReturnType<typeof client.info>;
export function info(namespace: string, key: string): ReturnType<typeof client.info>;
export function info(namespace: string, key?: string) {
  return client.info(...counter(namespace, key));
}

export function set(key: string, value: number): ReturnType<typeof client.set>;
export function set(namespace: string, key: string, value: number): ReturnType<typeof client.set>;
export function set(namespace: string, key: string | number, value?: number) {
  return client.set(...withNumber(namespace, key, value));
}

export function update(key: string, amount: number): ReturnType<typeof client.update>;
export function update(namespace: string, key: string, amount: number): ReturnType<typeof client.update>;
export function update(namespace: string, key: string | number, amount?: number) {
  return client.update(...withNumber(namespace, key, amount));
}

export const create = (options?: CreateOptions) => client.create(options);
export const stats = () => client.stats();

/** A hit on this page, in the namespace of the page's host (`:HOST:` and `:PATHNAME:` come from the Referer). */
export const visits = (page = ':PATHNAME:') => client.hit(':HOST:', page);
/** A hit on event `name`, in the namespace of the page's host. */
export const event = (name: string) => client.hit(':HOST:', name);

export { IncrError } from './error.js';
export default { hit, get, set, update, create, info, stats, visits, event, setBaseUrl };
