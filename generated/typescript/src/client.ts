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
import { multipartBody } from './core/uploads.js';
import { PagePromise, type AbstractPage, type PageConstructor } from './core/pagination.js';
import { VERSION } from './version.js';
import {
  Batches,
  type Batch,
  type BatchError,
  type BatchRequestCounts,
  type BatchUsage,
  type BatchesPage,
  type BatchCreateParams,
  type BatchListParams,
} from './resources/batches.js';
import {
  Files,
  type FileObject,
  type FileDeleted,
  type FileObjectsPage,
  type FileCreateParams,
  type FileListParams,
} from './resources/files.js';
import type { Metadata } from './resources/shared.js';

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A function that gives the API key; it is called before every request (to refresh a short-lived key). */
export type ApiKeySetter = () => Promise<string>;

export interface ClientOptions {
  /**
   * The API key, sent as a bearer token, or a function that gives it (called before every request).
   * Defaults to `process.env['OPENAI_API_KEY']`.
   */
  apiKey?: string | ApiKeySetter | undefined;

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

  /**
   * By default, the client refuses to run in a browser-like environment, where it would expose the
   * API key to anyone who opens the page; `true` allows it.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
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
  /** Sent as the `Idempotency-Key` header (not on GET), the same on every retry of the request. */
  idempotencyKey?: string | undefined;
  /** A body sent instead of the one the method builds from its parameters. */
  body?: unknown;
}

/** What a resource method asks the client to do. */
export interface RequestSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Computed inside the request, so that an invalid path parameter rejects the returned promise. */
  path: () => string;
  query?: Record<string, unknown> | undefined;
  body?: Record<string, unknown> | undefined;
  /** Header parameters of the method. */
  headers?: Record<string, unknown> | undefined;
  /** The body is sent as multipart/form-data (file uploads) instead of JSON. */
  multipart?: boolean | undefined;
  /** The method's own default timeout in milliseconds, used when neither the request nor the client sets one. */
  timeout?: number | undefined;
  /**
   * What a successful body must be: a JSON object, a JSON array, any JSON value (`json`: a union, kept
   * as sent), nothing (ignored), or raw bytes (`binary`: the `Response` itself is the result).
   */
  expects: 'object' | 'array' | 'json' | 'void' | 'binary';
  options?: RequestOptions | undefined;
}

/** A request ready to send: its body built once, so that every retry sends the same bytes. */
interface PreparedRequest {
  spec: RequestSpec;
  options: RequestOptions;
  body: string | FormData | undefined;
}

const DEFAULT_TIMEOUT_MS = 600000;
const DEFAULT_MAX_RETRIES = 2;

/** Whether this runs in a browser-like environment (a `window` with a `document`, and a `navigator`). */
function isRunningInBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return (
    typeof g.window !== 'undefined' &&
    typeof g.window.document !== 'undefined' &&
    typeof g.navigator !== 'undefined'
  );
}

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

  #apiKey: string;
  readonly #apiKeySetter: ApiKeySetter | undefined;
  readonly #options: ClientOptions;
  readonly #fetch: Fetch;

  /**
   * Create and manage batches of API requests that run asynchronously.
   */
  batches: Batches = new Batches(this);
  /**
   * Upload files for use with batches and other endpoints, and download their contents.
   */
  files: Files = new Files(this);

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
    if (!options.dangerouslyAllowBrowser && isRunningInBrowser()) {
      throw new OpenAIError(BROWSER_MESSAGE);
    }
    this.#apiKeySetter = typeof apiKey === 'function' ? apiKey : undefined;
    this.#apiKey = typeof apiKey === 'function' ? '' : apiKey;
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
    return new APIPromise<T>(this.#start(spec), (props) => this.#parse<T>(spec, props));
  }

  /** Sends the request of one page; the page it gives can fetch the next (`getNextPage`). */
  requestPage<P extends AbstractPage<Item>, Item>(
    Page: PageConstructor<P>,
    spec: RequestSpec,
  ): PagePromise<P, Item> {
    return new PagePromise<P, Item>(this.#start(spec), async (props) => {
      const body = await this.#parse<object>({ ...spec, expects: 'object' }, props);
      const page = new Page(this, props.response, body, spec);
      Object.defineProperty(page, '_request_id', { value: props.requestID, enumerable: false });
      return page as WithRequestID<P>;
    });
  }

  async #start(spec: RequestSpec): Promise<APIResponseProps> {
    const options = spec.options ?? {};
    await this.#refreshApiKey();
    const prepared = { spec, options, body: await this.#body(spec, options) };
    return this.#send(prepared, options.maxRetries ?? this.maxRetries, 0);
  }

  /** Asks the `apiKey` function, when the client was given one, for the key of the next request. */
  async #refreshApiKey(): Promise<void> {
    if (!this.#apiKeySetter) return;
    let key: unknown;
    try {
      key = await this.#apiKeySetter();
    } catch (err) {
      if (err instanceof OpenAIError) throw err;
      const message = `Failed to get token from 'apiKey' function: ${castToError(err).message}`;
      throw new OpenAIError(message);
    }
    if (typeof key !== 'string' || !key) {
      throw new OpenAIError(
        `Expected 'apiKey' function argument to return a string but it returned ${String(key)}`,
      );
    }
    this.#apiKey = key;
  }

  async #body(spec: RequestSpec, options: RequestOptions): Promise<string | FormData | undefined> {
    const body = options.body !== undefined ? options.body : spec.body;
    if (body === undefined) return undefined;
    if (spec.multipart && typeof body === 'object' && body !== null) {
      return multipartBody(body as Record<string, unknown>);
    }
    return JSON.stringify(body);
  }

  #headers(request: PreparedRequest): Headers {
    const { spec, options, body } = request;
    const idempotent = options.idempotencyKey !== undefined && spec.method !== 'get';
    return mergeHeaders([
      {
        Accept: spec.expects === 'binary' ? 'application/binary' : 'application/json',
        'User-Agent': 'OpenAI/JS ' + VERSION,
        Authorization: `Bearer ${this.#apiKey}`,
        'OpenAI-Organization': this.organization,
        'OpenAI-Project': this.project,
        // A FormData body gets its multipart Content-Type (with the boundary) from fetch itself.
        'Content-Type': typeof body === 'string' ? 'application/json' : undefined,
        'Idempotency-Key': idempotent ? options.idempotencyKey : undefined,
      },
      this.#options.defaultHeaders,
      headerParams(spec.headers),
      options.headers,
    ]);
  }

  #url(path: string, spec: RequestSpec, options: RequestOptions): string {
    // Joined as text: the percent-encoding of the path reaches the server exactly as built.
    const query = buildQuery({ ...this.#options.defaultQuery, ...spec.query, ...options.query });
    return this.baseURL.replace(/\/+$/, '') + path + (query ? `?${query}` : '');
  }

  async #send(request: PreparedRequest, maxRetries: number, retriesTaken: number): Promise<APIResponseProps> {
    const { spec, options } = request;
    const url = this.#url(spec.path(), spec, options);
    const signal = options.signal ?? undefined;
    if (signal?.aborted) throw new APIUserAbortError();

    const controller = new AbortController();
    let timedOut = false;
    const timeout = options.timeout ?? this.#options.timeout ?? spec.timeout ?? this.timeout;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });

    let response: Response;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      response = await this.#fetch(url, {
        method: spec.method.toUpperCase(),
        headers: this.#headers(request),
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: controller.signal,
      });
      // The body is read under the same timeout and retries, as the Python SDK reads it: a server
      // that sends headers and then stalls is a timeout, not a hang.
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      if (signal?.aborted) throw new APIUserAbortError();
      if (retriesTaken < maxRetries) {
        await sleep(retryDelayMs(undefined, retriesTaken), signal);
        return this.#send(request, maxRetries, retriesTaken + 1);
      }
      if (timedOut) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ cause: castToError(err) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }

    const text = new TextDecoder().decode(bytes);
    if (!response.ok) {
      if (retriesTaken < maxRetries && shouldRetry(response)) {
        await sleep(retryDelayMs(response.headers, retriesTaken), signal);
        return this.#send(request, maxRetries, retriesTaken + 1);
      }
      const body = parseJSON(text);
      throw APIError.generate(response.status, body, text || undefined, response.headers);
    }
    const requestID = response.headers.get('x-request-id');
    return { response: unreadCopy(response, bytes), text, requestID, retriesTaken };
  }

  async #parse<T>(spec: RequestSpec, props: APIResponseProps): Promise<WithRequestID<T>> {
    const { response, text, requestID } = props;
    if (spec.expects === 'void') return undefined as WithRequestID<T>;
    if (spec.expects === 'binary') return response as WithRequestID<T>;
    const data = parseJSON(text);
    const isArray = Array.isArray(data);
    const isObject = typeof data === 'object' && data !== null;
    // A union (`json`) takes any JSON value: one no variant fits is kept as sent.
    if (spec.expects === 'json' ? data === undefined : !isObject || isArray !== (spec.expects === 'array')) {
      throw new APIResponseValidationError(
        response.status,
        response.headers,
        `Expected a JSON ${spec.expects} in the response body but received: ${text.slice(0, 200)}`,
      );
    }
    if (isObject && !isArray) {
      Object.defineProperty(data, '_request_id', { value: requestID, enumerable: false });
    }
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
OpenAI.Files = Files;

/** The package's types, also reachable from the client: `OpenAI.Batches`. */
export declare namespace OpenAI {
  export { type ClientOptions as ClientOptions, type RequestOptions as RequestOptions };
  export {
    Batches as Batches,
    type Batch as Batch,
    type BatchError as BatchError,
    type BatchRequestCounts as BatchRequestCounts,
    type BatchUsage as BatchUsage,
    type BatchesPage as BatchesPage,
    type BatchCreateParams as BatchCreateParams,
    type BatchListParams as BatchListParams,
  };
  export {
    Files as Files,
    type FileObject as FileObject,
    type FileDeleted as FileDeleted,
    type FileObjectsPage as FileObjectsPage,
    type FileCreateParams as FileCreateParams,
    type FileListParams as FileListParams,
  };
  export { type Metadata as Metadata };
}

const BROWSER_MESSAGE =
  `It looks like you're running in a browser-like environment.\n\nThis is disabled by default, as it risks ` +
  'exposing your secret API credentials to attackers.\nIf you understand the risks and have appropriate ' +
  'mitigations in place,\nyou can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n' +
  'new OpenAI({ apiKey, dangerouslyAllowBrowser: true });\n';

/** The header parameters of a method as header values (`undefined` ones left out). */
function headerParams(headers: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[name] = String(value);
  }
  return out;
}

/** The response with its body readable again (it was read inside the request's timeout). */
function unreadCopy(response: Response, bytes: Uint8Array<ArrayBuffer>): Response {
  const copy = new Response(bytes.length === 0 ? null : bytes, {
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
