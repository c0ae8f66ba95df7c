import { describe, expect, it } from 'vitest';
import { textFingerprint } from '../../src/text/fingerprint.js';
import { digestVersion } from '../../src/text/word-vectors.js';
import { INDEX_OPTIONS } from '../../src/search/index-options.js';

describe('textFingerprint', () => {
  it('is a stable hash that keys the cached word-vector digest', () => {
    const fingerprint = textFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(textFingerprint()).toBe(fingerprint);
    // A digest made by other text-analysis code (other stopwords: other words kept) is not read back.
    expect(digestVersion(INDEX_OPTIONS.similar).endsWith(`-${fingerprint}`)).toBe(true);
  });
});
