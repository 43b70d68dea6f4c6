// Type tests for the generated `openai` package: compiled with tsc (strict,
// noUncheckedIndexedAccess, exactOptionalPropertyTypes), never run. Every line after an
// expect-error directive must fail to compile; everything else must compile. The code a user of the
// official openai-node package writes for these operations must compile unchanged.
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIPromise,
  APIUserAbortError,
  NotFoundError,
  OpenAIError,
  RateLimitError,
  type Batch,
  type BatchError,
  type BatchRequestCounts,
  type BatchUsage,
  type ClientOptions,
  type RequestOptions,
} from 'openai';

const client = new OpenAI({ apiKey: 'sk-test', organization: 'org', project: null, maxRetries: 3 });
new OpenAI();
new OpenAI({ apiKey: undefined, baseURL: 'http://localhost:4010', timeout: 20 * 1000 });
new OpenAI({ defaultHeaders: { 'X-Trace': '1', 'X-Removed': null }, fetch: globalThis.fetch });
// @ts-expect-error timeout is a number of milliseconds
new OpenAI({ timeout: '10s' });
// @ts-expect-error unknown client option
new OpenAI({ apiKeys: 'sk' });
// @ts-expect-error maxRetries is a number
client.withOptions({ maxRetries: '2' });

const other: OpenAI = client.withOptions({ maxRetries: 0, timeout: 1000 });
const options: ClientOptions = { apiKey: 'sk' };
void other;
void options;

async function usage(signal: AbortSignal): Promise<void> {
  const batch: Batch = await client.batches.cancel('batch_abc');
  const retrieved = await client.batches.retrieve('batch_abc', { timeout: 5000, maxRetries: 1, signal });
  const requestOptions: RequestOptions = { headers: { 'X-Extra': 'yes' }, query: { debug: 1 } };
  await client.batches.retrieve('batch_abc', requestOptions);

  // @ts-expect-error the batch ID is required
  await client.batches.cancel();
  // @ts-expect-error the batch ID is a string
  await client.batches.cancel(123);
  // @ts-expect-error unknown request option
  await client.batches.cancel('batch_abc', { retries: 1 });
  // @ts-expect-error no such method
  await client.batches.delete('batch_abc');

  // Required properties are plain, optional ones may be absent, `| null` only where nullable.
  const id: string = batch.id;
  const created: number = batch.created_at;
  const kind: 'batch' = batch.object;
  // @ts-expect-error optional: may be undefined
  const cancelledAt: number = batch.cancelled_at;
  const maybeCancelled: number | undefined = batch.cancelled_at;
  // @ts-expect-error not nullable
  batch.completed_at = null;
  const metadata: { [key: string]: string } | null | undefined = batch.metadata;
  // @ts-expect-error metadata values are strings
  const badMetadata: { [key: string]: number } | null | undefined = batch.metadata;
  // noUncheckedIndexedAccess: a metadata entry may be missing.
  // @ts-expect-error possibly undefined
  const entry: string = batch.metadata?.['key'];

  switch (batch.status) {
    case 'validating':
    case 'failed':
    case 'in_progress':
    case 'finalizing':
    case 'completed':
    case 'expired':
    case 'cancelling':
    case 'cancelled':
      break;
    // @ts-expect-error not one of the eight statuses
    case 'paused':
      break;
  }

  const errors: Batch.Errors | undefined = batch.errors;
  const firstError: BatchError | undefined = errors?.data?.[0];
  const line: number | null | undefined = firstError?.line;
  const counts: BatchRequestCounts | undefined = batch.request_counts;
  const total: number | undefined = counts?.total;
  const usageInfo: BatchUsage | undefined = batch.usage;
  const cached: number | undefined = usageInfo?.input_tokens_details.cached_tokens;
  const details: BatchUsage.OutputTokensDetails | undefined = usageInfo?.output_tokens_details;
  const requestID: string | null | undefined = retrieved._request_id;
  void [id, created, kind, cancelledAt, maybeCancelled, metadata, badMetadata, entry, line, total, cached];
  void [details, requestID];

  // APIPromise: a Promise of the parsed body, with the raw response on demand.
  const promise: APIPromise<Batch> = client.batches.retrieve('batch_abc');
  const asPromise: Promise<Batch> = promise;
  const response: Response = await client.batches.retrieve('batch_abc').asResponse();
  const { data, response: raw, request_id } = await client.batches.retrieve('batch_abc').withResponse();
  const fromRaw: Batch = data;
  const status: number = raw.status;
  const rid: string | null = request_id;
  void [asPromise, response, fromRaw, status, rid];
}

function handle(err: unknown): string {
  if (err instanceof OpenAI.NotFoundError) {
    const status: 404 = err.status;
    return `${status} ${err.requestID ?? ''}`;
  }
  if (err instanceof RateLimitError) return String(err.headers.get('retry-after'));
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof APIUserAbortError) return 'aborted';
  if (err instanceof APIError) {
    const code: string | null | undefined = err.code;
    const param: string | null | undefined = err.param;
    const type: string | undefined = err.type;
    return `${err.status ?? ''} ${code ?? ''} ${param ?? ''} ${type ?? ''}`;
  }
  if (err instanceof OpenAIError) return err.message;
  return 'unknown';
}

// Types are also reachable through the client, as in the official package.
function viaNamespace(batch: OpenAI.Batch, options: OpenAI.RequestOptions): OpenAI.Batch.Errors | undefined {
  const usageType: OpenAI.BatchUsage.InputTokensDetails | undefined = batch.usage?.input_tokens_details;
  const resource: OpenAI.Batches = client.batches;
  void [usageType, resource, options];
  // @ts-expect-error no such type
  const missing: OpenAI.Batchez = batch;
  void missing;
  return batch.errors;
}

// Static members are the named exports.
const sameClass: typeof NotFoundError = OpenAI.NotFoundError;
const sameBase: typeof OpenAIError = OpenAI.OpenAIError;
void [usage, handle, viaNamespace, sameClass, sameBase];
