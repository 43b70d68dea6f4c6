const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8000;
const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a failed response may be retried: the server's `x-should-retry` header decides first. */
export function shouldRetry(response: Response): boolean {
  const hint = response.headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  const status = response.status;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long to wait before retry number `retriesTaken + 1`: what the server asks for
 * (`retry-after-ms`, else `retry-after` in seconds or as an HTTP date) when that is more than 0 and
 * at most 60 seconds, otherwise an exponential backoff with jitter.
 */
export function retryDelayMs(headers: Headers | undefined, retriesTaken: number): number {
  const asked = retryAfterMs(headers);
  if (asked !== undefined && asked > 0 && asked <= MAX_RETRY_AFTER_MS) return asked;
  const backoff = Math.min(INITIAL_RETRY_DELAY_MS * Math.pow(2, retriesTaken), MAX_RETRY_DELAY_MS);
  return backoff * (1 - 0.25 * Math.random());
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const millis = headers?.get('retry-after-ms');
  if (millis) {
    const value = Number(millis);
    if (Number.isFinite(value)) return value;
  }
  const after = headers?.get('retry-after');
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return date - Date.now();
  }
  return undefined;
}
