/**
 * The only way SVG markup is built: `element()` escapes every attribute value and accepts as
 * children only markup that went through `element()` or `text()`, so user text (a label, an
 * error message) cannot reach the document unescaped; the `Markup` brand makes TypeScript enforce it.
 */
declare const markupBrand: unique symbol;
export type Markup = string & { readonly [markupBrand]: true };

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Characters XML 1.0 forbids even escaped (controls, lone surrogates, U+FFFE/U+FFFF). */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const escape = (value: string): string => value.replace(notXmlCharacter, '\uFFFD').replace(/[&<>"']/g, (character) => escapes[character]!);

/** Text content, escaped. */
export const text = (value: string): Markup => escape(value) as Markup;

/** Coordinates with at most two decimals keep documents small without visible rounding. */
const formatValue = (value: string | number): string => (typeof value === 'number' ? String(Math.round(value * 100) / 100) : escape(value));

export const element = (name: string, attributes: Record<string, string | number | undefined>, ...children: Markup[]): Markup => {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([attribute, value]) => ` ${attribute}="${formatValue(value)}"`)
    .join('');
  return (children.length === 0 ? `<${name}${attributeText}/>` : `<${name}${attributeText}>${children.join('')}</${name}>`) as Markup;
};

/** Several pieces of markup as one. */
export const fragment = (...children: Markup[]): Markup => children.join('') as Markup;
