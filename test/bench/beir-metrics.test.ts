import { describe, expect, it } from 'vitest';
import { evaluateRun, mrrAt, ndcgAt, recallAt, trecOrder, type Hit } from './beir-metrics.js';

const ranked = (...ids: string[]): Hit[] => ids.map((id, i) => ({ id, score: ids.length - i }));
const judged = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('ndcgAt', () => {
  it('is 1 for the ideal order and uses graded gains with a log2(rank + 1) discount', () => {
    const qrels = judged({ a: 2, b: 1, c: 0 });
    expect(ndcgAt(ranked('a', 'b', 'c'), qrels, 10)).toBeCloseTo(1, 10);
    // DCG = 0/log2(2) + 1/log2(3) + 2/log2(4) = 1.63093; ideal = 2/log2(2) + 1/log2(3) = 2.63093.
    expect(ndcgAt(ranked('c', 'b', 'a'), qrels, 10)).toBeCloseTo(1.6309298 / 2.6309298, 6);
  });

  it('counts only the first k and keeps every relevant document in the ideal', () => {
    const qrels = judged({ a: 1, b: 1 });
    // Only "a" (rank 2) is within k = 2: DCG = 1/log2(3) = 0.63093; ideal = 1 + 0.63093.
    expect(ndcgAt(ranked('x', 'a', 'b'), qrels, 2)).toBeCloseTo(0.6309298 / 1.6309298, 6);
    expect(ndcgAt(ranked('x', 'y', 'a'), qrels, 2)).toBe(0);
  });

  it('is 0 when nothing is relevant or nothing is retrieved', () => {
    expect(ndcgAt(ranked('a'), judged({ a: 0 }), 10)).toBe(0);
    expect(ndcgAt([], judged({ a: 1 }), 10)).toBe(0);
  });
});

describe('recallAt', () => {
  it('is the share of relevant documents among the first k (grade 0 is not relevant)', () => {
    const qrels = judged({ a: 1, b: 2, c: 0 });
    expect(recallAt(ranked('a', 'c', 'x'), qrels, 100)).toBe(0.5);
    expect(recallAt(ranked('x', 'a', 'b'), qrels, 2)).toBe(0.5);
    expect(recallAt(ranked('b', 'a'), qrels, 100)).toBe(1);
  });
});

describe('mrrAt', () => {
  it('is 1 / the rank of the first relevant document within k', () => {
    const qrels = judged({ c: 1, d: 1 });
    expect(mrrAt(ranked('a', 'b', 'c', 'd'), qrels, 10)).toBeCloseTo(1 / 3, 10);
    expect(mrrAt(ranked('a', 'b', 'c'), qrels, 2)).toBe(0);
  });
});

describe('trecOrder and evaluateRun', () => {
  it('orders ties as trec_eval does (document id descending), so a run file scores the same', () => {
    expect(trecOrder([{ id: 'a', score: 1 }, { id: 'b', score: 1 }, { id: 'c', score: 2 }]).map((h) => h.id)).toEqual(['c', 'b', 'a']);
  });

  it('averages over every judged query, a query without results scoring 0', () => {
    const qrels = new Map([
      ['q1', judged({ a: 1 })],
      ['q2', judged({ b: 1 })],
    ]);
    const metrics = evaluateRun(new Map([['q1', ranked('a')]]), qrels);
    expect(metrics).toEqual({ ndcg10: 0.5, recall100: 0.5, mrr10: 0.5, queries: 2 });
  });
});
