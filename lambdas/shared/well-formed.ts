/**
 * A string with a lone surrogate (`"\ud800"` in JSON) is not Unicode text: DynamoDB cannot store it
 * faithfully (DynamoDB Local turns different ones into one key), and echoing it back breaks
 * clients. Every family refuses such input with a 400 before its schema sees it.
 */
const loneSurrogate = /\p{Cs}/u;

/** The path (`subject`, `tags.0`) of the first string or object key in `value` that is not well-formed Unicode. */
export const illFormedPath = (value: unknown, path = ''): string | undefined => {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path || 'request' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (loneSurrogate.test(key)) return itemPath;
    const found = illFormedPath(item, itemPath);
    if (found !== undefined) return found;
  }
  return undefined;
};

export const illFormedMessage = (path: string) => `${path} must be well-formed Unicode text (no lone surrogates)`;
