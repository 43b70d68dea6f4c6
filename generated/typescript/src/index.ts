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
  object: "batch";
  /**
   * Where the batch is in its lifecycle.
   */
  status: "validating" | "failed" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelling" | "cancelled";
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
   * Up to 16 key-value pairs attached to the object, for storing extra information in a structured form. Keys are strings of at most 64 characters; values are strings of at most 512 characters.
   */
  metadata?: { [key: string]: string } | null;
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
    data?: Array<BatchError>;
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
    cached_tokens: number;
  }
  /**
   * A breakdown of the output tokens.
   */
  export interface OutputTokensDetails {
    reasoning_tokens: number;
  }
}

export class OpenAIError extends Error {}

export class APIError extends OpenAIError {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface ClientOptions {
  apiKey?: string | undefined;
  baseURL?: string | undefined;
}

declare const process: { env: Record<string, string | undefined> } | undefined;

function readEnv(name: string): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env[name];
}

/**
 * Create and manage batches of API requests that run asynchronously.
 */
export class Batches {
  constructor(private readonly client: OpenAI) {}

  /**
   * Cancel batch
   */
  cancel(batchID: string): Promise<Batch> {
    if (!batchID) throw new OpenAIError("Expected a non-empty value for `batchID`");
    const path = "/batches/{batch_id}/cancel".replace("{batch_id}", encodeURIComponent(String(batchID)));
    return this.client.request<Batch>("POST", path);
  }

  /**
   * Retrieve batch
   */
  retrieve(batchID: string): Promise<Batch> {
    if (!batchID) throw new OpenAIError("Expected a non-empty value for `batchID`");
    const path = "/batches/{batch_id}".replace("{batch_id}", encodeURIComponent(String(batchID)));
    return this.client.request<Batch>("GET", path);
  }
}

export default class OpenAI {
  readonly baseURL: string;
  readonly #apiKey: string;
  readonly batches: Batches = new Batches(this);

  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("OPENAI_API_KEY");
    if (apiKey === undefined) {
      throw new OpenAIError("Missing credentials. Please pass an `apiKey`, or set the `OPENAI_API_KEY` environment variable.");
    }
    this.#apiKey = apiKey;
    this.baseURL = options.baseURL ?? readEnv("OPENAI_BASE_URL") ?? "https://api.openai.com/v1";
  }

  async request<T>(method: string, path: string): Promise<T> {
    const response = await fetch(this.baseURL.replace(/\/$/, '') + path, {
      method,
      headers: { Authorization: `Bearer ${this.#apiKey}`, Accept: 'application/json' },
    });
    if (!response.ok) throw new APIError(response.status, `${response.status} status code`);
    return (await response.json()) as T;
  }
}
