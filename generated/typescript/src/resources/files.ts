import { APIResource } from '../core/resource.js';
import type { APIPromise } from '../core/api-promise.js';
import { CursorPage, type PagePromise } from '../core/pagination.js';
import type { Uploadable } from '../core/uploads.js';
import type { RequestOptions } from '../client.js';
import { pathParam } from '../internal/path.js';
import { pick } from '../internal/params.js';

/**
 * Upload files for use with batches and other endpoints, and download their contents.
 */
export class Files extends APIResource {
  /**
   * Uploads a file that can be used across various endpoints. The Batch API only supports JSONL
   * files of up to 200 MB.
   */
  create(body: FileCreateParams, options?: RequestOptions): APIPromise<FileObject> {
    return this._client.request<FileObject>({
      method: 'post',
      path: () => `/files`,
      body: pick(body, ['file', 'purpose', 'expires_after']),
      multipart: true,
      expects: 'object',
      options,
    });
  }

  /**
   * Returns information about a specific file.
   */
  retrieve(fileID: string, options?: RequestOptions): APIPromise<FileObject> {
    return this._client.request<FileObject>({
      method: 'get',
      path: () => `/files/${pathParam('fileID', 'file_id', fileID)}`,
      expects: 'object',
      options,
    });
  }

  /**
   * Returns a list of files.
   */
  list(
    query: FileListParams | null | undefined = {},
    options?: RequestOptions,
  ): PagePromise<FileObjectsPage, FileObject> {
    return this._client.requestPage<FileObjectsPage, FileObject>(CursorPage, {
      method: 'get',
      path: () => `/files`,
      query: pick(query, ['after', 'limit', 'order', 'purpose']),
      expects: 'object',
      options,
    });
  }

  /**
   * Deletes a file and removes it from all vector stores.
   */
  delete(fileID: string, options?: RequestOptions): APIPromise<FileDeleted> {
    return this._client.request<FileDeleted>({
      method: 'delete',
      path: () => `/files/${pathParam('fileID', 'file_id', fileID)}`,
      expects: 'object',
      options,
    });
  }

  /**
   * Returns the contents of the specified file.
   */
  content(fileID: string, options?: RequestOptions): APIPromise<Response> {
    return this._client.request<Response>({
      method: 'get',
      path: () => `/files/${pathParam('fileID', 'file_id', fileID)}/content`,
      expects: 'binary',
      options,
    });
  }
}

export type FileObjectsPage = CursorPage<FileObject>;

/**
 * A document that has been uploaded to OpenAI.
 */
export interface FileObject {
  /**
   * The file identifier, which can be referenced in the API endpoints.
   */
  id: string;

  /**
   * The size of the file, in bytes.
   */
  bytes: number;

  /**
   * When the file was created, in seconds since the Unix epoch.
   */
  created_at: number;

  /**
   * The name of the file.
   */
  filename: string;

  /**
   * The kind of object, always `file`.
   */
  object: 'file';

  /**
   * The intended purpose of the file.
   */
  purpose:
    | 'assistants'
    | 'assistants_output'
    | 'batch'
    | 'batch_output'
    | 'fine-tune'
    | 'fine-tune-results'
    | 'vision'
    | 'user_data';

  /**
   * Deprecated. The current status of the file.
   *
   * @deprecated
   */
  status: 'uploaded' | 'processed' | 'error';

  /**
   * When the file will expire, in seconds since the Unix epoch.
   */
  expires_at?: number;

  /**
   * Deprecated. For details on why a fine-tuning training file failed validation, see the `error`
   * field on `fine_tuning.job`.
   *
   * @deprecated
   */
  status_details?: string;
}

/**
 * The answer to deleting a file.
 */
export interface FileDeleted {
  /**
   * The identifier of the deleted file.
   */
  id: string;

  /**
   * Whether the file was deleted.
   */
  deleted: boolean;

  /**
   * The kind of object, always `file`.
   */
  object: 'file';
}

export interface FileCreateParams {
  /**
   * The file object (not the file name) to be uploaded.
   */
  file: Uploadable;

  /**
   * The intended purpose of the uploaded file, `batch` for the Batch API.
   */
  purpose: 'assistants' | 'batch' | 'fine-tune' | 'vision' | 'user_data' | 'evals';

  /**
   * The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.
   */
  expires_after?: FileCreateParams.ExpiresAfter;
}

export namespace FileCreateParams {
  /**
   * The expiration policy for the file. Files with purpose `batch` expire after 30 days by default.
   */
  export interface ExpiresAfter {
    /**
     * The time the expiration counts from; only `created_at`.
     */
    anchor: 'created_at';

    /**
     * Seconds after the anchor time that the file expires, from 3600 to 2592000.
     */
    seconds: number;
  }
}

export interface FileListParams {
  /**
   * A cursor for pagination: the ID of the last object of the previous page, to fetch the page that
   * follows it.
   */
  after?: string;

  /**
   * How many objects to return, from 1 to 10,000.
   */
  limit?: number;

  /**
   * Sort order by the `created_at` timestamp of the objects.
   */
  order?: 'asc' | 'desc';

  /**
   * Only return files with the given purpose.
   */
  purpose?: string;
}
