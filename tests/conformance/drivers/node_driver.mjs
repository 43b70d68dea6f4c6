// Runs one conformance scenario through the generated TypeScript SDK (compiled by node.py).
//
// stdin: {"base_url", "api_key", "client": {...}, "call": {"resource", "method", "args", "options",
// "params", "file", "paginate", "binary"}} with canonical snake_case option names and timeouts in
// seconds; stdout: one outcome as JSON, {"ok": true, "result", "request_id"} or {"ok": false, "error":
// {"class", "status", ...}}. argv[2] is the package name to import (default: openai).
//
// `params` is the method's params object (wire names); `file: {param, filename, content}` is written
// to a temporary file and passed as `fs.createReadStream(path)`; `paginate` iterates every item
// across pages (`for await`); `binary` reads the returned `Response` as text.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const packageName = process.argv[2] ?? 'openai';
const { default: Client } = await import(packageName);

const camel = (name) => name.replace(/_([a-z0-9])/g, (_, ch) => ch.toUpperCase());
const seconds = (value) => (value === undefined || value === null ? undefined : value * 1000);

function clientOptions(input) {
  const given = input.client ?? {};
  const options = { apiKey: input.api_key, baseURL: input.base_url };
  for (const [key, value] of Object.entries(given)) {
    if (key === 'timeout') options.timeout = seconds(value);
    else if (key === 'default_headers') options.defaultHeaders = value;
    else options[camel(key)] = value;
  }
  return options;
}

function requestOptions(given = {}) {
  const options = {};
  for (const [key, value] of Object.entries(given)) {
    if (key === 'timeout') options.timeout = seconds(value);
    else if (key === 'extra_headers') options.headers = value;
    else if (key === 'extra_query') options.query = value;
    else options[camel(key)] = value;
  }
  return options;
}

// The canonical (Python SDK) name of an error thrown by the SDK.
function canonicalClass(err) {
  const baseError = Object.getPrototypeOf(Client.APIError); // <Name>Error, the root of every SDK error
  if (err instanceof Client.APIConnectionTimeoutError) return 'APITimeoutError';
  if (err instanceof Client.APIConnectionError) return 'APIConnectionError';
  if (err instanceof Client.APIUserAbortError) return 'APIUserAbortError';
  if (err instanceof Client.APIResponseValidationError) return 'APIResponseValidationError';
  if (err instanceof Client.APIError) {
    const name = err.constructor.name;
    return name === 'APIError' ? 'APIStatusError' : name;
  }
  // Thrown before any request: an invalid argument (e.g. an empty ID).
  if (err instanceof baseError) return 'InvalidArgument';
  return `Unexpected:${err?.constructor?.name ?? typeof err}`;
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const call = input.call;

  // Node loads its fetch implementation (undici) lazily, on the first call: tens of milliseconds,
  // more on a loaded machine. Loading it here keeps that start-up cost out of the scenarios whose
  // timeouts are a fraction of a second; the SDK's own timing is untouched.
  await fetch('data:,').catch(() => {});

  let outcome;
  try {
    const client = new Client(clientOptions(input));
    let target = client;
    for (const part of call.resource.split('.')) target = target[camel(part)];
    const method = target[camel(call.method)];
    if (typeof method !== 'function') throw new Error(`no method ${call.resource}.${call.method}`);
    const args = [...(call.args ?? [])];
    const params =
      call.params === undefined && call.file === undefined ? undefined : { ...(call.params ?? {}) };
    if (call.file !== undefined) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
      const file = path.join(dir, call.file.filename);
      fs.writeFileSync(file, call.file.content);
      params[call.file.param] = fs.createReadStream(file);
    }
    if (params !== undefined) args.push(params);
    args.push(requestOptions(call.options));
    const promise = method.apply(target, args);
    if (call.paginate) {
      const items = [];
      for await (const item of promise) items.push(item);
      outcome = { ok: true, result: { items }, request_id: null };
    } else if (call.binary) {
      const { data, request_id } = await promise.withResponse();
      outcome = { ok: true, result: { text: await data.text() }, request_id };
    } else {
      const { data, request_id } = await promise.withResponse();
      outcome = { ok: true, result: data ?? null, request_id };
    }
  } catch (err) {
    const cls = canonicalClass(err);
    if (cls.startsWith('Unexpected:')) {
      process.stderr.write(`${err?.stack ?? err}\n`);
    }
    outcome = {
      ok: false,
      error: {
        class: cls,
        status: err?.status ?? null,
        request_id: err?.requestID ?? null,
        code: err?.code ?? null,
        param: err?.param ?? null,
        type: err?.type ?? null,
        message: String(err?.message ?? err),
      },
    };
  }
  process.stdout.write(JSON.stringify(outcome) + '\n');
}

await main();
