import fc from 'fast-check';
import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { CompactIndex, checkCompactData, compactData, topK, type QueryTerm } from '../../src/search/compact-index.js';
import { INDEX_OPTIONS, miniSearchOptions } from '../../src/search/index-options.js';
import type { IndexedFields } from '../../src/search/passage.js';

const WORDS = ['truce', 'deal', 'kyiv', 'nato', 'putin', 'border', 'gas', 'sanction', 'summit', 'alaska', 'constructor', 'step_up', 'a', 'b'];
const FIELDS = ['text', 'tags', 'speaker'] as const;

const docArb = fc.record({
  text: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }),
  tags: fc.array(fc.constantFrom('@putin', '@kyiv', '~deal', ...WORDS.slice(0, 3)), { maxLength: 3 }),
  speaker: fc.array(fc.constantFrom(...WORDS.slice(0, 5)), { maxLength: 2 }),
});
const queryArb = fc.uniqueArray(
  fc.record({ term: fc.constantFrom(...WORDS, '@putin', '~deal', 'absent'), boost: fc.constantFrom(1, 0.5, 2, 0.6), own: fc.boolean() }),
  { minLength: 1, maxLength: 8, selector: (q) => q.term },
);

function build(docs: { text: string[]; tags: string[]; speaker: string[] }[]): { mini: MiniSearch<IndexedFields>; compact: CompactIndex } {
  const mini = new MiniSearch<IndexedFields>(miniSearchOptions());
  mini.addAll(docs.map((d, id) => ({ id, text: d.text.join(' '), tags: d.tags.join(' '), speaker: d.speaker.join(' ') })));
  const compact = new CompactIndex(compactData(mini.toJSON()), { boost: INDEX_OPTIONS.boost, bm25: INDEX_OPTIONS.bm25 });
  return { mini, compact };
}

/** The same query as the engine gave MiniSearch: the question's own words in every field, alternatives in the sentence fields. */
function miniQuery(q: { term: string; own: boolean }[]): Query {
  const own = q.filter((t) => t.own).map((t) => t.term);
  const alternatives = q.filter((t) => !t.own).map((t) => t.term);
  return {
    combineWith: 'OR',
    queries: [...(own.length > 0 ? [{ queries: own }] : []), ...(alternatives.length > 0 ? [{ queries: alternatives, fields: ['text', 'tags'] }] : [])],
  } as Query;
}
const compactQuery = (q: { term: string; boost: number; own: boolean }[]): QueryTerm[] => q.map((t) => ({ term: t.term, boost: t.boost, fields: t.own ? FIELDS : ['text', 'tags'] }));

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe('CompactIndex', () => {
  it('scores every document exactly as MiniSearch does, with the same matches (property)', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 30 }), queryArb, fc.integer({ min: 1, max: 40 }), (docs, q, k) => {
        const { mini, compact } = build(docs);
        const boost = new Map(q.map((t) => [t.term, t.boost]));
        const expected = mini.search(miniQuery(q), { boostTerm: (term) => boost.get(term) ?? 1 });
        const got = compact.search(compactQuery(q), k);
        expect(got).toHaveLength(Math.min(k, expected.length));
        // Same scores in the same order (documents of equal score may come in another order).
        got.forEach((hit, i) => expect(close(hit.score, expected[i]?.score ?? NaN)).toBe(true));
        const byId = new Map(expected.map((r) => [r.id as number, r]));
        for (const hit of got) {
          const theirs = byId.get(hit.id);
          expect(theirs).toBeDefined();
          expect(close(hit.score, theirs?.score ?? NaN)).toBe(true);
          const sorted = (m: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.entries(m).map(([t, f]) => [t, [...f].sort()]));
          expect(sorted({ ...hit.match })).toEqual(sorted(theirs?.match ?? {}));
          // Each matched term's part, summed and × the number of terms matched, is the score;
          // a term that did not match adds nothing.
          const parts = [...hit.parts];
          const matched = parts.filter((p) => p > 0).length;
          expect(close(parts.reduce((a, p) => a + p, 0) * matched, hit.score)).toBe(true);
          expect(matched).toBe(new Set(Object.keys(hit.match)).size);
          q.forEach((t, i) => expect((hit.parts[i] ?? 0) > 0).toBe(t.term in hit.match));
        }
        // Scoring chosen documents gives the same figures as the search.
        const chosen = compact.score(got.map((h) => h.id), compactQuery(q));
        for (const hit of got) {
          expect(close(chosen.get(hit.id)?.score ?? NaN, hit.score)).toBe(true);
          const theirs = chosen.get(hit.id)?.parts ?? [];
          hit.parts.forEach((p, i) => expect(close(theirs[i] ?? NaN, p)).toBe(true));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('breaks ties by the lower id, and leaves out documents that match nothing', () => {
    const { compact } = build([{ text: ['deal'], tags: [], speaker: [] }, { text: ['gas'], tags: [], speaker: [] }, { text: ['deal'], tags: [], speaker: [] }]);
    expect(compact.search([{ term: 'deal', boost: 1, fields: ['text'] }], 10).map((h) => h.id)).toEqual([0, 2]);
    expect(compact.search([{ term: 'absent', boost: 1, fields: ['text'] }], 10)).toEqual([]);
    expect([...compact.score([0, 1, 2, 99, -1], [{ term: 'gas', boost: 1, fields: ['text'] }]).keys()]).toEqual([1]);
  });

  it('takes any term as a key, including names of Object.prototype', () => {
    const { compact } = build([{ text: ['constructor', 'deal'], tags: [], speaker: [] }]);
    const [hit] = compact.search([{ term: 'constructor', boost: 1, fields: FIELDS }, { term: 'toString', boost: 1, fields: FIELDS }], 5);
    expect(Object.keys(hit?.match ?? {})).toEqual(['constructor']);
  });

  it('accepts its own columns and rejects damaged ones', () => {
    const { compact } = build([
      { text: ['deal', 'kyiv'], tags: ['@kyiv'], speaker: [] },
      { text: ['truce', 'deal'], tags: [], speaker: ['putin'] },
    ]);
    const data = compact.data;
    expect(checkCompactData(data)).toBe(true);
    expect(checkCompactData({ ...data, docs: data.docs.map((d) => d + 5) })).toBe(false); // id out of range
    expect(checkCompactData({ ...data, offsets: data.offsets.slice(0, -1) })).toBe(false); // too few offsets
    expect(checkCompactData({ ...data, freqs: data.freqs.slice(1) })).toBe(false);
    expect(checkCompactData({ ...data, terms: [...data.terms, 'extra'] })).toBe(false);
    expect(checkCompactData({ ...data, fieldLength: data.fieldLength.slice(1) })).toBe(false);
    const unsorted = Uint32Array.from(data.docs);
    const list = [...data.offsets].findIndex((o, i) => (data.offsets[i + 1] ?? 0) - o >= 2);
    expect(list).toBeGreaterThanOrEqual(0);
    const at = data.offsets[list] ?? 0;
    [unsorted[at], unsorted[at + 1]] = [unsorted[at + 1] ?? 0, unsorted[at] ?? 0];
    expect(checkCompactData({ ...data, docs: unsorted })).toBe(false); // a list out of order
  });

  it('gives plain BM25 without the terms-matched factor, and takes the IDF from another field when asked', () => {
    // "truce": in the text of documents 0 and 1, in the speaker field of document 0 only.
    const { compact } = build([
      { text: ['truce', 'deal'], tags: [], speaker: ['truce'] },
      { text: ['truce', 'gas'], tags: [], speaker: ['nato'] },
      { text: ['border'], tags: [], speaker: [] },
    ]);
    const query = [{ term: 'truce', boost: 1, fields: ['text'] }, { term: 'deal', boost: 1, fields: ['text'] }];
    const counted = compact.search(query, 3);
    const plain = compact.search(query, 3, Infinity, { ...INDEX_OPTIONS.bm25, countMatchedTerms: false });
    expect(plain.map((h) => h.id)).toEqual(counted.map((h) => h.id));
    expect(close((counted[0]?.score ?? 0) / 2, plain[0]?.score ?? 0)).toBe(true);
    const own = compact.search([{ term: 'truce', boost: 1, fields: ['speaker'] }], 1)[0]?.score ?? 0;
    const shared = compact.search([{ term: 'truce', boost: 1, fields: ['speaker'], idfField: 'text' }], 1)[0]?.score ?? 0;
    const idf = (m: number): number => Math.log(1 + (3 - m + 0.5) / (m + 0.5));
    expect(close(shared / own, idf(2) / idf(1))).toBe(true);
  });

  it('refuses an index whose ids are not 0…n-1 in order (a bug in the caller)', () => {
    const mini = new MiniSearch<IndexedFields>(miniSearchOptions());
    mini.addAll([{ id: 1, text: 'deal', tags: '', speaker: '' }]);
    expect(() => compactData(mini.toJSON())).toThrow(/ids 0…n-1/);
  });
});

describe('topK', () => {
  it('equals sorting and slicing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (scores, k) => {
        const items = scores.map((_, i) => i);
        const expected = [...items].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b).slice(0, k);
        expect(topK(items, Float64Array.from(scores), k)).toEqual(expected);
      }),
    );
  });
});
