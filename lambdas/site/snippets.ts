import { Incr, type ImageOptions } from '../../packages/client/src/index.ts';

/**
 * The copy-paste text the pages offer, for this deployment's own base URL. Shared by the server
 * (the landing page renders it into the HTML) and the browser (the embed builder rebuilds it as
 * options change), and every image URL comes from the SDK's `hits.imageUrl`: one URL builder.
 */

export interface Embed {
  /** The image that counts: what goes into a README or a page. */
  url: string;
  /** The same image, read without counting: what a preview shows. */
  previewUrl: string;
  markdown: string;
  html: string;
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export const embedOf = (baseUrl: string, id: string, resource: string, options: Omit<ImageOptions, 'read'> = {}): Embed => {
  const { hits } = new Incr({ baseUrl });
  const url = hits.imageUrl(id, resource, options);
  const alt = options.label || 'Visits';
  return {
    url,
    previewUrl: hits.imageUrl(id, resource, { ...options, read: true }),
    markdown: `![${alt.replace(/[[\]\\]/g, '\\$&')}](${url})`,
    html: `<img src="${attribute(url)}" alt="${attribute(alt)}">`,
  };
};

/** The landing page's examples: one per way of calling Incr. */
export const examplesOf = (baseUrl: string) => ({
    curl: `curl ${baseUrl}/hit/my-site.example/visits\ncurl ${baseUrl}/hits/my-site.example/home`,
    fetch: `const { value } = await (await fetch('${baseUrl}/hit/my-site.example/visits')).json();`,
    sdk: `import { Incr } from '@incr/client';\n\nconst incr = new Incr({ baseUrl: '${baseUrl}' });\nconst { visit, visitor } = await incr.hits.count('my-site.example', 'home');`,
});

/** Numbers as both the server and the refreshing script write them. */
export const formatCount = (count: number) => new Intl.NumberFormat('en-US').format(count);

/** The statistics `/stats` answers, in the order and with the names the landing page shows them. */
export const statistics = [
  { key: 'requests', label: 'Requests served' },
  { key: 'keys_created', label: 'Counters created' },
  { key: 'keys_updated', label: 'Counters updated' },
] as const;
export type Statistics = Record<(typeof statistics)[number]['key'], number>;

/** What the embed builder's script is told by its page (lambdas/site/embed.ts): the image route's options and rules. */
export interface BuilderSettings {
  baseUrl: string;
  /** The counter id it suggests. */
  id: string;
  themes: readonly string[];
  show: readonly string[];
  scheme: readonly string[];
  maxDigits: number;
  maxLabelLength: number;
  /** Unanchored, for `pattern` attributes. */
  namePattern: string;
  colorPattern: string;
}
