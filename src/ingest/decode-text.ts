import { TextDecoder } from 'node:util';

/**
 * Decodes page bytes: the charset of the Content-Type header, else a `<meta charset>` (or
 * `http-equiv`) in the first 1,024 bytes — where HTML requires it to be — else UTF-8. Unknown
 * labels fall back to UTF-8; malformed bytes become U+FFFD rather than failing the page.
 *
 * @example decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=iso-8859-1') // 'café'
 */
export function decodeText(bytes: Uint8Array, contentType: string | undefined): string {
  const label = charsetOf(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}
