export { OpenAI as default, OpenAI } from './client.js';
export type { ApiKeySetter, ClientOptions, Fetch, RequestOptions } from './client.js';
export { APIPromise, type WithRequestID } from './core/api-promise.js';
export { PagePromise } from './core/pagination.js';
export { toFile, type Uploadable } from './core/uploads.js';
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
  type BatchesPage,
  type BatchCreateParams,
  type BatchListParams,
} from './resources/batches.js';
export {
  Files,
  type FileObject,
  type FileDeleted,
  type FileObjectsPage,
  type FileCreateParams,
  type FileListParams,
} from './resources/files.js';
export { type Metadata } from './resources/shared.js';
