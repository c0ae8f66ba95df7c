/**
 * Why one input was not ingested. These are expected outcomes (a dead link, a paywall, a page
 * already in the knowledge folder), so they are values, not errors: the command line prints
 * `message` as one line and writes nothing for that input.
 */
export type IngestFailureCode =
  | 'bad_url'
  | 'unreadable'
  | 'not_found'
  | 'http_error'
  | 'unreachable'
  | 'timeout'
  | 'redirect_loop'
  | 'too_many_redirects'
  | 'not_html'
  | 'too_large'
  | 'empty'
  | 'no_title'
  | 'duplicate';

export interface IngestFailure {
  ok: false;
  code: IngestFailureCode;
  /** One sentence for the operator: what happened and, where there is one, the fix. */
  message: string;
}

/**
 * Builds a failure value.
 *
 * @example return fail('not_found', 'HTTP 404 Not Found from https://example.com/gone')
 */
export function fail(code: IngestFailureCode, message: string): IngestFailure {
  return { ok: false, code, message };
}
