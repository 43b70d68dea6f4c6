import { APIPromise, type APIResponseProps, type WithRequestID } from './core/api-promise.js';
import {
  OpenAIError,
  APIError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  APIResponseValidationError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  castToError,
} from './core/error.js';
import { optionOrEnv, readEnv } from './internal/env.js';
import { mergeHeaders, type HeadersLike } from './internal/headers.js';
import { buildQuery } from './internal/query.js';
import { retryDelayMs, shouldRetry } from './internal/retry.js';
import { sleep } from './internal/timers.js';
import { VERSION } from './version.js';
import {
  Batches,
  type Batch,
  type BatchError,
  type BatchRequestCounts,
  type BatchUsage,
} from './resources/batches.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /**
   * The API key, sent as a bearer token. Defaults to `process.env['OPENAI_API_KEY']`.
   */
  apiKey?: string | undefined;

  /**
   * The organization that requests are billed and attributed to.
   *
   * Defaults to `process.env['OPENAI_ORG_ID']`; `null` sends no header.
   */
  organization?: string | null | undefined;

  /**
   * The project that requests are attributed to.
   *
   * Defaults to `process.env['OPENAI_PROJECT_ID']`; `null` sends no header.
   */
  project?: string | null | undefined;

  /**
   * The URL every request path is appended to. Defaults to `process.env['OPENAI_BASE_URL']`, then
   * `https://api.openai.com/v1`.
   */
  baseURL?: string | null | undefined;

  /**
   * The maximum time in milliseconds to wait for a response before the request is abandoned (and
   * retried, up to `maxRetries`). Defaults to 600000.
   */
  timeout?: number | undefined;

  /** How many times a failed request is retried (connection errors, timeouts, 408, 409, 429, >= 500). */
  maxRetries?: number | undefined;

  /** Headers sent with every request; `null` removes a header this client would otherwise send. */
  defaultHeaders?: HeadersLike | undefined;

  /** Query parameters added to every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;

  /** The `fetch` to use instead of the global one (a proxy, an instrumented fetch, tests). */
  fetch?: Fetch | undefined;
}

/** Options of one request; they take precedence over the client's. */
export interface RequestOptions {
  /** Extra headers; `null` removes a header the client would otherwise send. */
  headers?: HeadersLike | undefined;
  /** Extra query parameters. */
  query?: Record<string, unknown> | undefined;
  /** Milliseconds, for this request only. */
  timeout?: number | undefined;
  /** Retries, for this request only. */
  maxRetries?: number | undefined;
  /** Aborting it cancels the request (and any pending retry) with an APIUserAbortError. */
  signal?: AbortSignal | null | undefined;
}

/** What a resource method asks the client to do. */
export interface RequestSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Computed inside the request, so that an invalid path parameter rejects the returned promise. */
  path: () => string;
  query?: Record<string, unknown> | undefined;
  body?: Record<string, unknown> | undefined;
  /** What a successful body must be: a JSON object, a JSON array, or nothing (ignored). */
  expects: 'object' | 'array' | 'void';
  options?: RequestOptions | undefined;
}

const DEFAULT_TIMEOUT_MS = 600000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * Client library for the OpenAI REST API.
 *
 * API client for OpenAI API.
 */
export class OpenAI {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly organization: string | null;
  readonly project: string | null;

  readonly #apiKey: string;
  readonly #options: ClientOptions;
  readonly #fetch: Fetch;

  /**
   * Create and manage batches of API requests that run asynchronously.
   */
  batches: Batches = new Batches(this);

  /**
   * @param options.apiKey - Defaults to `process.env['OPENAI_API_KEY']`.
   */
  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv('OPENAI_API_KEY');
    if (apiKey === undefined) {
      throw new OpenAIError(
        "The OPENAI_API_KEY environment variable is missing or empty; either provide it, or instantiate the OpenAI client with an apiKey option, like new OpenAI({ apiKey: 'My API Key' }).",
      );
    }
    this.#apiKey = apiKey;
    this.#options = { ...options, apiKey };
    this.baseURL = options.baseURL || readEnv('OPENAI_BASE_URL') || 'https://api.openai.com/v1';
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.organization = optionOrEnv(options.organization, 'OPENAI_ORG_ID');
    this.project = optionOrEnv(options.project, 'OPENAI_PROJECT_ID');
    const fetchImpl = options.fetch ?? (globalThis as { fetch?: Fetch }).fetch;
    if (!fetchImpl) {
      const message = 'No `fetch` is available: pass one as the `fetch` option (Node >= 18 has one).';
      throw new OpenAIError(message);
    }
    this.#fetch = fetchImpl;
  }

  /** A new client with the same options except those given here. */
  withOptions(options: Partial<ClientOptions>): this {
    const Client = this.constructor as new (options: ClientOptions) => this;
    return new Client({ ...this.#options, ...options });
  }

  /** Sends a request, with retries, and gives its parsed body as an APIPromise. */
  request<T>(spec: RequestSpec): APIPromise<T> {
    const options = spec.options ?? {};
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const responsePromise = this.#send(spec, options, maxRetries, 0);
    return new APIPromise<T>(responsePromise, (props) => this.#parse<T>(spec, props));
  }

  #headers(spec: RequestSpec, options: RequestOptions): Headers {
    return mergeHeaders([
      {
        Accept: 'application/json',
        'User-Agent': 'OpenAI/JS ' + VERSION,
        Authorization: `Bearer ${this.#apiKey}`,
        'OpenAI-Organization': this.organization,
        'OpenAI-Project': this.project,
        'Content-Type': spec.body === undefined ? undefined : 'application/json',
      },
      this.#options.defaultHeaders,
      options.headers,
    ]);
  }

  #url(path: string, spec: RequestSpec, options: RequestOptions): string {
    // Joined as text: the percent-encoding of the path reaches the server exactly as built.
    const query = buildQuery({ ...this.#options.defaultQuery, ...spec.query, ...options.query });
    return this.baseURL.replace(/\/+$/, '') + path + (query ? `?${query}` : '');
  }

  async #send(
    spec: RequestSpec,
    options: RequestOptions,
    maxRetries: number,
    retriesTaken: number,
  ): Promise<APIResponseProps> {
    const url = this.#url(spec.path(), spec, options);
    const signal = options.signal ?? undefined;
    if (signal?.aborted) throw new APIUserAbortError();

    const controller = new AbortController();
    let timedOut = false;
    const timeout = options.timeout ?? this.timeout;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method: spec.method.toUpperCase(),
        headers: this.#headers(spec, options),
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal: controller.signal,
      });
      // The body is read under the same timeout and retries, as the Python SDK reads it: a server
      // that sends headers and then stalls is a timeout, not a hang.
      text = await response.text();
    } catch (err) {
      if (signal?.aborted) throw new APIUserAbortError();
      if (retriesTaken < maxRetries) {
        await sleep(retryDelayMs(undefined, retriesTaken), signal);
        return this.#send(spec, options, maxRetries, retriesTaken + 1);
      }
      if (timedOut) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ cause: castToError(err) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    if (!response.ok) {
      if (retriesTaken < maxRetries && shouldRetry(response)) {
        await sleep(retryDelayMs(response.headers, retriesTaken), signal);
        return this.#send(spec, options, maxRetries, retriesTaken + 1);
      }
      const body = parseJSON(text);
      throw APIError.generate(response.status, body, text || undefined, response.headers);
    }
    const requestID = response.headers.get('x-request-id');
    return { response: unreadCopy(response, text), text, requestID, retriesTaken };
  }

  async #parse<T>(spec: RequestSpec, props: APIResponseProps): Promise<WithRequestID<T>> {
    const { response, text, requestID } = props;
    if (spec.expects === 'void') return undefined as WithRequestID<T>;
    const data = parseJSON(text);
    const isArray = Array.isArray(data);
    if (
      data === undefined ||
      data === null ||
      typeof data !== 'object' ||
      isArray !== (spec.expects === 'array')
    ) {
      throw new APIResponseValidationError(
        response.status,
        response.headers,
        `Expected a JSON ${spec.expects} in the response body but received: ${text.slice(0, 200)}`,
      );
    }
    if (!isArray) Object.defineProperty(data, '_request_id', { value: requestID, enumerable: false });
    return data as WithRequestID<T>;
  }

  static OpenAI = this;
  static OpenAIError = OpenAIError;
  static APIError = APIError;
  static APIConnectionError = APIConnectionError;
  static APIConnectionTimeoutError = APIConnectionTimeoutError;
  static APIUserAbortError = APIUserAbortError;
  static APIResponseValidationError = APIResponseValidationError;
  static BadRequestError = BadRequestError;
  static AuthenticationError = AuthenticationError;
  static PermissionDeniedError = PermissionDeniedError;
  static NotFoundError = NotFoundError;
  static ConflictError = ConflictError;
  static UnprocessableEntityError = UnprocessableEntityError;
  static RateLimitError = RateLimitError;
  static InternalServerError = InternalServerError;
}

OpenAI.Batches = Batches;

/** The package's types, also reachable from the client: `OpenAI.Batches`. */
export declare namespace OpenAI {
  export { type ClientOptions as ClientOptions, type RequestOptions as RequestOptions };
  export {
    Batches as Batches,
    type Batch as Batch,
    type BatchError as BatchError,
    type BatchRequestCounts as BatchRequestCounts,
    type BatchUsage as BatchUsage,
  };
}

/** The response with its body readable again (it was read inside the request's timeout). */
function unreadCopy(response: Response, text: string): Response {
  const copy = new Response(text === '' ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
