export { OpenAI as default, OpenAI } from './client.js';
export type { ClientOptions, Fetch, RequestOptions } from './client.js';
export { APIPromise, type WithRequestID } from './core/api-promise.js';
export type { HeadersLike } from './internal/headers.js';
export {
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
} from './core/error.js';
export {
  Batches,
  type Batch,
  type BatchError,
  type BatchRequestCounts,
  type BatchUsage,
} from './resources/batches.js';
