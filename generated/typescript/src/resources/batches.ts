import { APIResource } from '../core/resource.js';
import type { APIPromise } from '../core/api-promise.js';
import { CursorPage, type PagePromise } from '../core/pagination.js';
import type { RequestOptions } from '../client.js';
import { pathParam } from '../internal/path.js';
import { pick } from '../internal/params.js';
import type * as Shared from './shared.js';

/**
 * Create and manage batches of API requests that run asynchronously.
 */
export class Batches extends APIResource {
  /**
   * Creates and executes a batch from an uploaded file of requests.
   */
  create(body: BatchCreateParams, options?: RequestOptions): APIPromise<Batch> {
    return this._client.request<Batch>({
      method: 'post',
      path: () => `/batches`,
      body: pick(body, [
        'completion_window',
        'endpoint',
        'input_file_id',
        'metadata',
        'output_expires_after',
      ]),
      expects: 'object',
      options,
    });
  }

  /**
   * Retrieves a batch.
   */
  retrieve(batchID: string, options?: RequestOptions): APIPromise<Batch> {
    return this._client.request<Batch>({
      method: 'get',
      path: () => `/batches/${pathParam('batchID', 'batch_id', batchID)}`,
      expects: 'object',
      options,
    });
  }

  /**
   * List your organization's batches.
   */
  list(
    query: BatchListParams | null | undefined = {},
    options?: RequestOptions,
  ): PagePromise<BatchesPage, Batch> {
    return this._client.requestPage<BatchesPage, Batch>(CursorPage, {
      method: 'get',
      path: () => `/batches`,
      query: pick(query, ['after', 'limit']),
      expects: 'object',
      options,
    });
  }

  /**
   * Cancels an in-progress batch. The batch will be in status cancelling for up to 10 minutes,
   * before changing to cancelled, where it will have partial results (if any) available in the
   * output file.
   */
  cancel(batchID: string, options?: RequestOptions): APIPromise<Batch> {
    return this._client.request<Batch>({
      method: 'post',
      path: () => `/batches/${pathParam('batchID', 'batch_id', batchID)}/cancel`,
      expects: 'object',
      options,
    });
  }
}

export type BatchesPage = CursorPage<Batch>;

/**
 * A batch of requests processed asynchronously from an input file.
 */
export interface Batch {
  /**
   * The identifier of the batch.
   */
  id: string;

  /**
   * The time frame within which the batch should be processed.
   */
  completion_window: string;

  /**
   * When the batch was created, in seconds since the Unix epoch.
   */
  created_at: number;

  /**
   * The API endpoint that every request of the batch is sent to.
   */
  endpoint: string;

  /**
   * The identifier of the file that holds the batch's requests.
   */
  input_file_id: string;

  /**
   * The kind of object, always `batch`.
   */
  object: 'batch';

  /**
   * Where the batch is in its lifecycle.
   */
  status:
    | 'validating'
    | 'failed'
    | 'in_progress'
    | 'finalizing'
    | 'completed'
    | 'expired'
    | 'cancelling'
    | 'cancelled';

  /**
   * When the batch was cancelled, in seconds since the Unix epoch.
   */
  cancelled_at?: number;

  /**
   * When cancelling of the batch began, in seconds since the Unix epoch.
   */
  cancelling_at?: number;

  /**
   * When the batch finished, in seconds since the Unix epoch.
   */
  completed_at?: number;

  /**
   * The identifier of the file that holds the outputs of requests that failed.
   */
  error_file_id?: string;

  /**
   * Problems found while validating the batch's input file.
   */
  errors?: Batch.Errors;

  /**
   * When the batch expired, in seconds since the Unix epoch.
   */
  expired_at?: number;

  /**
   * When the batch will expire, in seconds since the Unix epoch.
   */
  expires_at?: number;

  /**
   * When the batch failed, in seconds since the Unix epoch.
   */
  failed_at?: number;

  /**
   * When the batch began finalizing, in seconds since the Unix epoch.
   */
  finalizing_at?: number;

  /**
   * When the batch began processing, in seconds since the Unix epoch.
   */
  in_progress_at?: number;

  /**
   * Up to 16 key-value pairs attached to the object, for storing extra information in a structured
   * form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
   */
  metadata?: Shared.Metadata | null;

  /**
   * The model used to process the batch's requests, such as `gpt-4o`.
   */
  model?: string;

  /**
   * The identifier of the file that holds the outputs of requests that succeeded.
   */
  output_file_id?: string;

  /**
   * How many requests of the batch are in each state.
   */
  request_counts?: BatchRequestCounts;

  /**
   * Token usage of the batch, summed over its requests.
   */
  usage?: BatchUsage;
}

export namespace Batch {
  /**
   * Problems found while validating the batch's input file.
   */
  export interface Errors {
    /**
     * One entry per problem found.
     */
    data?: Array<BatchError>;

    /**
     * The kind of object, always `list`.
     */
    object?: string;
  }
}

/**
 * One problem found in a batch's input file.
 */
export interface BatchError {
  /**
   * A code that identifies the kind of problem.
   */
  code?: string;

  /**
   * The line of the input file where the problem is, if it is on one line.
   */
  line?: number | null;

  /**
   * A sentence that explains the problem.
   */
  message?: string;

  /**
   * The name of the parameter at fault, if one is.
   */
  param?: string | null;
}

/**
 * Counts of a batch's requests by outcome.
 */
export interface BatchRequestCounts {
  /**
   * Requests that finished successfully.
   */
  completed: number;

  /**
   * Requests that failed.
   */
  failed: number;

  /**
   * All requests of the batch.
   */
  total: number;
}

/**
 * Token usage of a batch, summed over its requests.
 */
export interface BatchUsage {
  /**
   * Tokens in the inputs.
   */
  input_tokens: number;

  /**
   * A breakdown of the input tokens.
   */
  input_tokens_details: BatchUsage.InputTokensDetails;

  /**
   * Tokens in the outputs.
   */
  output_tokens: number;

  /**
   * A breakdown of the output tokens.
   */
  output_tokens_details: BatchUsage.OutputTokensDetails;

  /**
   * Input and output tokens together.
   */
  total_tokens: number;
}

export namespace BatchUsage {
  /**
   * A breakdown of the input tokens.
   */
  export interface InputTokensDetails {
    /**
     * Input tokens served from the prompt cache.
     */
    cached_tokens: number;
  }

  /**
   * A breakdown of the output tokens.
   */
  export interface OutputTokensDetails {
    /**
     * Output tokens spent on reasoning.
     */
    reasoning_tokens: number;
  }
}

export interface BatchCreateParams {
  /**
   * The time frame within which the batch should be processed. Currently only `24h` is supported.
   */
  completion_window: '24h';

  /**
   * The endpoint to be used for all requests in the batch.
   */
  endpoint:
    | '/v1/responses'
    | '/v1/chat/completions'
    | '/v1/embeddings'
    | '/v1/completions'
    | '/v1/moderations'
    | '/v1/images/generations'
    | '/v1/images/edits'
    | '/v1/videos';

  /**
   * The ID of an uploaded file that contains requests for the new batch. The file must be JSONL,
   * uploaded with the purpose `batch`.
   */
  input_file_id: string;

  /**
   * Up to 16 key-value pairs attached to the object, for storing extra information in a structured
   * form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
   */
  metadata?: Shared.Metadata | null;

  /**
   * The expiration policy for the output and error files of the batch.
   */
  output_expires_after?: BatchCreateParams.OutputExpiresAfter;
}

export namespace BatchCreateParams {
  /**
   * The expiration policy for the output and error files of the batch.
   */
  export interface OutputExpiresAfter {
    /**
     * The time the expiration counts from; only `created_at` (the file's creation).
     */
    anchor: 'created_at';

    /**
     * Seconds after the anchor time that the file expires, from 3600 to 2592000.
     */
    seconds: number;
  }
}

export interface BatchListParams {
  /**
   * A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
   * follows it.
   */
  after?: string;

  /**
   * How many objects to return, from 1 to 100.
   */
  limit?: number;
}
