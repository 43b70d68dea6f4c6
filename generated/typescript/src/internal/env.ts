type ProcessLike = { env?: Record<string, string | undefined> };

/** An environment variable, trimmed; undefined when unset, empty, or when there is no `process`. */
export function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: ProcessLike }).process;
  const value = process?.env?.[name]?.trim();
  return value ? value : undefined;
}

/** A client option that falls back to an environment variable: `null` means "none", without fallback. */
export function optionOrEnv(value: string | null | undefined, env: string): string | null {
  return value === undefined ? (readEnv(env) ?? null) : value;
}
