/**
 * The one source of time for domain code. Handlers read `clock.now()` once per request and pass
 * the instant down, so a request sees one consistent time; tests replace `now` to pin window edges.
 */
export const clock = {
  now: (): number => Date.now(),
};
