/**
 * File uploads: what a file parameter accepts (`Uploadable`), `toFile`, and the multipart body of a
 * request, with nested objects as bracketed field names (`expires_after[anchor]`) and array entries
 * as `name[]`, as the official SDK sends them.
 */

/** A stream made by `fs.createReadStream(path)`: the file is named after its path. */
export interface FsReadStream extends AsyncIterable<Uint8Array | string> {
  path: { toString(): string };
}

/** A Blob that may carry a file name, as a `File` does. */
export type NamedBlob = Blob & { readonly name?: string | undefined };

/** Anything a file parameter accepts. */
export type Uploadable = File | Response | FsReadStream | NamedBlob | AsyncIterable<BlobPart>;

interface BlobLike {
  readonly size: number;
  readonly type: string;
  text(): Promise<string>;
  slice(start?: number, end?: number): BlobLike;
}

interface ResponseLike {
  url: string;
  blob(): Promise<BlobLike>;
}

/** What `toFile` accepts: bytes, a Blob or File, a fetch Response, or an (async) iterable of chunks. */
export type ToFileInput =
  | BlobLike
  | ResponseLike
  | ArrayBuffer
  | ArrayBufferView
  | DataView
  | AsyncIterable<BlobPart>
  | Iterable<BlobPart>;

/** Options of the `File` made by `toFile`. */
export interface FileOptions {
  type?: string | undefined;
  lastModified?: number | undefined;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

const isResponse = (value: unknown): value is ResponseLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ResponseLike).url === 'string' &&
  typeof (value as ResponseLike).blob === 'function';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** The last segment of a path or URL: the name a file gets from where it comes from. */
function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The name a value carries: a File's `name`, a stream's `path`, a Response's URL. */
function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { name?: unknown; path?: unknown; filename?: unknown; url?: unknown };
  for (const candidate of [v.name, v.filename, v.path, v.url]) {
    if (candidate === undefined || candidate === null) continue;
    const text = String(candidate);
    if (text) return basename(text);
  }
  return undefined;
}

/** A `File` (on runtimes without a global `File`, a Blob with a `name`). */
export function makeFile(parts: BlobPart[], name: string, options: FileOptions = {}): File {
  const bag = {
    ...(options.type === undefined ? {} : { type: options.type }),
    ...(options.lastModified === undefined ? {} : { lastModified: options.lastModified }),
  };
  if (typeof File !== 'undefined') return new File(parts, name, bag);
  const blob = new Blob(parts, bag);
  Object.defineProperties(blob, {
    name: { value: name },
    lastModified: { value: options.lastModified ?? Date.now() },
  });
  return blob as File;
}

async function chunksOf(value: AsyncIterable<unknown> | Iterable<unknown>): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  for await (const chunk of value) {
    if (
      typeof chunk === 'string' ||
      chunk instanceof ArrayBuffer ||
      ArrayBuffer.isView(chunk) ||
      isBlob(chunk)
    ) {
      parts.push(chunk as BlobPart);
    } else {
      throw new TypeError(`Unexpected chunk in a file's data: ${typeof chunk}`);
    }
  }
  return parts;
}

/**
 * A `File` made from bytes, a Buffer, a Blob, a fetch Response or a stream, named `name` (or the
 * name the value carries): `await toFile(Buffer.from('...'), 'input.jsonl')`.
 */
export async function toFile(
  value: ToFileInput | PromiseLike<ToFileInput>,
  name?: string | null | undefined,
  options: FileOptions = {},
): Promise<File> {
  const input = await value;
  const fileName = name ?? nameOf(input) ?? 'unknown_file';
  if (isBlob(input)) {
    if (typeof File !== 'undefined' && input instanceof File && name == null && options.type === undefined) {
      return input;
    }
    return makeFile([input], fileName, { type: input.type, ...options });
  }
  if (isResponse(input)) {
    const blob = (await input.blob()) as Blob;
    return makeFile([blob], fileName, { type: blob.type, ...options });
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    return makeFile([input as BlobPart], fileName, options);
  }
  if (isAsyncIterable(input) || (typeof input === 'object' && input !== null && Symbol.iterator in input)) {
    return makeFile(await chunksOf(input as AsyncIterable<unknown>), fileName, options);
  }
  throw new TypeError(
    `Unexpected data for a file: ${typeof input}; expected a Blob, File, Response, bytes or a stream`,
  );
}

/** Whether `value` is a file to send as a file part. */
function isUploadable(value: unknown): boolean {
  return isBlob(value) || isResponse(value) || isAsyncIterable(value);
}

async function appendValue(form: FormData, key: string, value: unknown): Promise<void> {
  if (value === undefined) return;
  if (value === null) {
    throw new TypeError(`Received null for "${key}"; to pass null in FormData, pass the string 'null'`);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    form.append(key, String(value));
  } else if (isUploadable(value)) {
    const file = await toFile(value as ToFileInput);
    form.append(key, file, (file as { name?: string }).name ?? 'unknown_file');
  } else if (Array.isArray(value)) {
    for (const entry of value) await appendValue(form, `${key}[]`, entry);
  } else if (typeof value === 'object') {
    for (const [name, entry] of Object.entries(value)) await appendValue(form, `${key}[${name}]`, entry);
  } else {
    throw new TypeError(`Invalid value for "${key}" in a multipart body: ${typeof value}`);
  }
}

/** The multipart body of a request: one part per field, a file part for each file. */
export async function multipartBody(body: Record<string, unknown>): Promise<FormData> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) await appendValue(form, key, value);
  return form;
}
