import type { RequestOptions, Transport } from '../transport.js';
import type { AnswerOf, QueryOf } from '../types.js';

type Query = QueryOf<'hits.count'>;

/** The image options of `.svg` hit counters; see docs/api/hits.md, "Image options". */
export interface ImageOptions {
  theme?: 'badge' | 'pixel' | 'segment' | 'flip';
  label?: string;
  /** Hex, `#` optional. */
  color?: string;
  labelColor?: string;
  /** Minimum digits, 1 to 12. */
  digits?: number;
  show?: Query['show'];
  scheme?: Query['scheme'];
  /** Show the numbers without counting: for a second image of the same counter on one page. */
  read?: boolean;
}

export type HitCount = AnswerOf<'hits.count'>;

/** Hit counters: public, counting visits and distinct visitors. */
export const hits = (transport: Transport) => {
  // `.json` always: a resource that itself ends in `.svg` must not be answered as an image.
  const json = (id: string, resource: string, mode: 'read' | undefined, options?: RequestOptions) =>
    transport.body<HitCount>({ method: 'GET', path: ['hits', id, `${resource}.json`], query: { mode }, idempotent: mode === 'read' }, options);
  return {
    /** Counts a visit (and a visitor, when this address is new to the counter). */
    count: (id: string, resource: string, options?: RequestOptions) => json(id, resource, undefined, options),
    /** The numbers, without counting. */
    read: (id: string, resource: string, options?: RequestOptions) => json(id, resource, 'read', options),
    /** The URL of the counter's SVG image, for an `<img>` or Markdown: loading it counts unless `read` is set. */
    imageUrl: (id: string, resource: string, { read, ...options }: ImageOptions = {}) =>
      transport.url(['hits', id, `${resource}.svg`], { ...options, mode: read ? 'read' : undefined }),
  };
};
