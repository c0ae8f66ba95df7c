import { createHash, type Hash } from 'node:crypto';
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
    const hash = hashSources(createHash('sha256'), dirname(fileURLToPath(import.meta.url)), false);
    hash.update(String((createRequire(import.meta.url)('stemmer/package.json') as { version?: unknown }).version));
    memo = hash.digest('hex').slice(0, 12);
  }
  return memo;
}

/**
 * Feeds `hash` the name and content of every source file of `dir` (compiled .js, or .ts when run
 * from source; not .d.ts), in name order, and of its subfolders' when `recursive`.
 */
export function hashSources(hash: Hash, dir: string, recursive: boolean): Hash {
  const names = recursive ? (readdirSync(dir, { recursive: true }) as string[]) : readdirSync(dir);
  for (const file of names.filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash;
}
