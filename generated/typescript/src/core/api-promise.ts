/**
 * The result of every API method: a Promise of the parsed body, which can also give the raw
 * `Response` (`.asResponse()`) or both at once (`.withResponse()`).
 */
export type WithRequestID<T> = T extends
  Array<unknown> | Response | string | number | boolean | null | undefined | void
  ? T
  : T & { _request_id?: string | null };

/** What the client hands over once a request has succeeded: the response (body unread) and its text. */
export interface APIResponseProps {
  response: Response;
  text: string;
  requestID: string | null;
  retriesTaken: number;
}

export class APIPromise<T> extends Promise<WithRequestID<T>> {
  #parsed: Promise<WithRequestID<T>> | undefined;
  readonly #responsePromise: Promise<APIResponseProps>;
  readonly #parse: (props: APIResponseProps) => Promise<WithRequestID<T>>;

  constructor(
    responsePromise: Promise<APIResponseProps>,
    parse: (props: APIResponseProps) => Promise<WithRequestID<T>>,
  ) {
    // The base Promise is never used: `then` is redirected to the parsed body below. The request
    // itself is already running (responsePromise), so awaiting later does not delay it.
    super((resolve) => resolve(null as WithRequestID<T>));
    this.#responsePromise = responsePromise;
    this.#parse = parse;
  }

  // Promise methods such as `then` create their results through this constructor; they must be
  // plain Promises, not APIPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The raw `Response`, body unread. The status is already checked: errors still reject. */
  asResponse(): Promise<Response> {
    return this.#responsePromise.then((props) => props.response);
  }

  /** The parsed body together with the raw `Response` and the request ID. */
  async withResponse(): Promise<{ data: WithRequestID<T>; response: Response; request_id: string | null }> {
    const [data, props] = await Promise.all([this.#parsedBody(), this.#responsePromise]);
    return { data, response: props.response, request_id: props.requestID };
  }

  #parsedBody(): Promise<WithRequestID<T>> {
    if (!this.#parsed) this.#parsed = this.#responsePromise.then(this.#parse);
    return this.#parsed;
  }

  override then<TResult1 = WithRequestID<T>, TResult2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => TResult1 | PromiseLike<TResult1>) | undefined | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | undefined | null,
  ): Promise<TResult1 | TResult2> {
    return this.#parsedBody().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | undefined | null,
  ): Promise<WithRequestID<T> | TResult> {
    return this.#parsedBody().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | undefined | null): Promise<WithRequestID<T>> {
    return this.#parsedBody().finally(onfinally);
  }
}
