/** What any Slack token looks like, so even a token we were not given (say, in an error from Slack) is hidden. */
const TOKEN_PATTERN = /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+/g;

/**
 * Returns a function that hides the given secrets, and anything shaped like a Slack token, in
 * text bound for a log. Used on every line Bolt logs and on error messages we log.
 *
 * @example makeRedactor(['s3cret'])('signing with s3cret') // 'signing with [redacted]'
 */
export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is hidden whole.
  const values = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join('[redacted]');
    return out.replace(TOKEN_PATTERN, '[redacted]');
  };
}

/** An error as a log field: name, message and Slack's error code, redacted; never the request or its headers. */
export function errorForLog(error: unknown, redact: (text: string) => string): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: redact(String(error)) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: redact(error.message), ...(typeof code === 'string' && { code }) };
}
