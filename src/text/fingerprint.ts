import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let memo: string | undefined;

/**
 * A hash of everything that decides how words become terms and what is read from WordNet and the
 * word vectors: this folder's source files (compiled .js, or .ts when run from source) and the
 * stemmer's version. The digests cached per machine (wordnet-digest.ts, word-vectors.ts) are
 * keyed to it, so a change to the stopwords or the stemming rebuilds them instead of leaving a
 * digest made by older code in place (a format number bumped by hand was once forgotten: a
 * machine's cached word list differed from a clean build's). 12 hex digits; ~1 ms, once.
 */
export function textFingerprint(): string {
  if (memo === undefined) {
    const hash = createHash('sha256');
    const dir = dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort();
    for (const file of files) hash.update(file).update(readFileSync(join(dir, file)));
    hash.update(String((createRequire(import.meta.url)('stemmer/package.json') as { version?: unknown }).version));
    memo = hash.digest('hex').slice(0, 12);
  }
  return memo;
}
