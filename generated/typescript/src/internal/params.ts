/**
 * The fields of `params` named in `keys` (their JSON wire names), own properties only, in the order the
 * caller wrote them (as `JSON.stringify` of the caller's object would send them), copied onto an object
 * without a prototype. So a field named `__proto__`, `constructor` or `toString` is sent as a plain
 * field when it is given, and never read from `Object.prototype` or turned into a prototype when it is not.
 */
export function pick(params: object | null | undefined, keys: readonly string[]): Record<string, unknown> {
  const picked = Object.create(null) as Record<string, unknown>;
  if (params === null || params === undefined) return picked;
  const wanted = new Set(keys);
  for (const key of Object.keys(params)) {
    if (wanted.has(key)) picked[key] = (params as Record<string, unknown>)[key];
  }
  return picked;
}
