/**
 * Headers as callers may give them: a `Headers` object, pairs, or a record in which `null` removes a
 * header set by an earlier layer (client defaults, then per-request headers).
 */
export type HeadersLike =
  Headers | ReadonlyArray<readonly [string, string]> | Record<string, string | null | undefined>;

/** Merges layers of headers, later ones winning; names compare case-insensitively. */
export function mergeHeaders(layers: ReadonlyArray<HeadersLike | null | undefined>): Headers {
  const merged = new Headers();
  for (const layer of layers) {
    if (!layer) continue;
    const entries =
      layer instanceof Headers ? layer.entries() : Array.isArray(layer) ? layer : Object.entries(layer);
    for (const [name, value] of entries as Iterable<[string, string | null | undefined]>) {
      if (value === null) merged.delete(name);
      else if (value !== undefined) merged.set(name, value);
    }
  }
  return merged;
}
