/**
 * Every error this package throws is a OpenAIError. Errors that come from an HTTP response
 * are APIErrors, with one subclass per well-known status code.
 */
export class OpenAIError extends Error {
  override name = this.constructor.name;
}

/** The error body the API sends: `{"error": {"message": ..., "type": ..., "param": ..., "code": ...}}`. */
type ErrorObject = { message?: unknown; code?: unknown; param?: unknown; type?: unknown };

export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends object | undefined = object | undefined,
> extends OpenAIError {
  /** The HTTP status code of the response that caused the error. */
  readonly status: TStatus;
  /** The HTTP headers of the response that caused the error. */
  readonly headers: THeaders;
  /** The `error` object of the JSON response body, when there is one. */
  readonly error: TError;
  /** The request ID of the response (x-request-id header), for support requests. */
  readonly requestID: string | null | undefined;

  readonly code: string | null | undefined;
  readonly param: string | null | undefined;
  readonly type: string | undefined;

  constructor(status: TStatus, error: TError, message: string | undefined, headers: THeaders) {
    super(APIError.makeMessage(status, error, message));
    this.status = status;
    this.headers = headers;
    this.requestID = headers?.get('x-request-id');
    this.error = error;
    const data = error as ErrorObject | undefined;
    this.code = stringOrNull(data?.code);
    this.param = stringOrNull(data?.param);
    this.type = typeof data?.type === 'string' ? data.type : undefined;
  }

  private static makeMessage(
    status: number | undefined,
    error: object | undefined,
    message: string | undefined,
  ): string {
    const detail = (error as ErrorObject | undefined)?.message;
    const text =
      detail !== undefined && detail !== null
        ? typeof detail === 'string'
          ? detail
          : JSON.stringify(detail)
        : error
          ? JSON.stringify(error)
          : message;
    if (status && text) return `${status} ${text}`;
    if (status) return `${status} status code (no body)`;
    if (text) return text;
    return '(no status code or body)';
  }

  /** The error for a response with status `status`: the subclass for that status, if there is one. */
  static generate(
    status: number | undefined,
    errorResponse: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    if (!status || !headers) {
      return new APIConnectionError({ message, cause: castToError(errorResponse) });
    }
    const body = errorResponse as { error?: unknown } | undefined;
    const error =
      body && typeof body === 'object' && body.error && typeof body.error === 'object'
        ? body.error
        : undefined;
    switch (status) {
      case 400:
        return new BadRequestError(status, error, message, headers);
      case 401:
        return new AuthenticationError(status, error, message, headers);
      case 403:
        return new PermissionDeniedError(status, error, message, headers);
      case 404:
        return new NotFoundError(status, error, message, headers);
      case 409:
        return new ConflictError(status, error, message, headers);
      case 422:
        return new UnprocessableEntityError(status, error, message, headers);
      case 429:
        return new RateLimitError(status, error, message, headers);
    }
    if (status >= 500) return new InternalServerError(status, error, message, headers);
    return new APIError(status, error, message, headers);
  }
}

export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  constructor({ message }: { message?: string } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined);
  }
}

export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined }) {
    super(undefined, undefined, message || 'Connection error.', undefined);
    if (cause) this.cause = cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  constructor({ message }: { message?: string } = {}) {
    super({ message: message ?? 'Request timed out.' });
  }
}

/** A successful response whose body is not what the method returns (e.g. not valid JSON). */
export class APIResponseValidationError extends APIError<number, Headers, undefined> {
  constructor(status: number, headers: Headers, message: string) {
    super(status, undefined, message, headers);
  }
}

export class BadRequestError extends APIError<400, Headers> {}
export class AuthenticationError extends APIError<401, Headers> {}
export class PermissionDeniedError extends APIError<403, Headers> {}
export class NotFoundError extends APIError<404, Headers> {}
export class ConflictError extends APIError<409, Headers> {}
export class UnprocessableEntityError extends APIError<422, Headers> {}
export class RateLimitError extends APIError<429, Headers> {}
export class InternalServerError extends APIError<number, Headers> {}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value;
  return typeof value === 'string' ? value : String(value);
}

export function castToError(err: unknown): Error {
  if (err instanceof Error) return err;
  return new Error(typeof err === 'string' ? err : JSON.stringify(err));
}
