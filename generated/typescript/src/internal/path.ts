import { OpenAIError } from '../core/error.js';
import { encodeRFC3986 } from './query.js';

/**
 * One path parameter, percent-encoded so that it stays one path segment: every character but the
 * unreserved ones of RFC 3986 is encoded (a `/` becomes `%2F`). An empty value, `.` and `..` are
 * refused before any request is sent: they would address a different resource.
 */
export function pathParam(argument: string, placeholder: string, value: string | number): string {
  const name =
    argument === placeholder ? `\`${argument}\`` : `\`${argument}\` (\`{${placeholder}}\` in the path)`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw invalid(`Expected a finite number for ${name} but received ${value}`);
    }
    return String(value);
  }
  if (typeof value !== 'string' || value === '') {
    throw invalid(
      `Expected a non-empty value for ${name} but received ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  if (value === '.' || value === '..') {
    throw invalid(`Expected ${name} to be an identifier but received ${JSON.stringify(value)}`);
  }
  return encodeRFC3986(value);
}

function invalid(message: string): OpenAIError {
  return new OpenAIError(message);
}
