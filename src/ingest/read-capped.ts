/**
 * Reads a body stream into memory, or stops and cancels it once it passes `maxBytes` (returning
 * undefined): a Content-Length can be absent or lie, so the cap is enforced on what arrives.
 *
 * @example const bytes = await readCapped(response.body, 5 * 1024 * 1024)
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
