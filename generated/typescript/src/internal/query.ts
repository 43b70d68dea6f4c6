/**
 * Percent-encodes everything but the unreserved characters of RFC 3986 (`A-Z a-z 0-9 - . _ ~`),
 * exactly as the Python SDK does (encodeURIComponent alone leaves `!'()*` as they are).
 */
export function encodeRFC3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/**
 * A query string (without `?`) as the Python SDK sends it: keys in order, `undefined` and `null`
 * left out, an array as one pair per item, booleans as `true`/`false`, a space as `+`.
 */
export function buildQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      const text = typeof item === 'object' ? JSON.stringify(item) : String(item);
      pairs.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(text)}`);
    }
  }
  return pairs.join('&');
}

function encodeQueryComponent(text: string): string {
  return encodeRFC3986(text).replace(/%20/g, '+');
}
