import { describe, expect, it } from 'vitest';
import { cosine, neighbourSimilarity, termVector } from '../../src/answer/neighbours.js';

const flat = (): number => 1;

describe('termVector', () => {
  it('weighs (1 + ln tf) × IDF and has unit length', () => {
    const v = termVector(['cell', 'cell', 'mouse'], (t) => (t === 'cell' ? 2 : 1));
    const cell = (1 + Math.log(2)) * 2;
    const length = Math.hypot(cell, 1);
    expect(v.get('cell')).toBeCloseTo(cell / length, 12);
    expect(v.get('mouse')).toBeCloseTo(1 / length, 12);
    expect(Math.hypot(...v.values())).toBeCloseTo(1, 12);
  });

  it('leaves out terms without weight, and is empty for no terms', () => {
    expect([...termVector(['a', 'b'], (t) => (t === 'a' ? 0 : 1)).keys()]).toEqual(['b']);
    expect(termVector([], flat).size).toBe(0);
  });
});

describe('cosine', () => {
  it('is 1 for the same text, 0 for texts sharing no term, symmetric', () => {
    const a = termVector(['x', 'y'], flat);
    const b = termVector(['y', 'z', 'z'], flat);
    expect(cosine(a, termVector(['y', 'x'], flat))).toBeCloseTo(1, 12);
    expect(cosine(a, termVector(['w'], flat))).toBe(0);
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, b)).toBeGreaterThan(0);
  });
});

describe('neighbourSimilarity', () => {
  it('is each vector’s mean similarity to the first `feedback` others, never itself', () => {
    const [ab, ac, ab2, d] = [termVector(['a', 'b'], flat), termVector(['a', 'c'], flat), termVector(['a', 'b'], flat), termVector(['d'], flat)];
    const sims = neighbourSimilarity([ab, ac, ab2, d], 2);
    expect(sims[0]).toBeCloseTo(cosine(ab, ac), 12);
    expect(sims[1]).toBeCloseTo(cosine(ac, ab), 12);
    expect(sims[2]).toBeCloseTo((1 + cosine(ab2, ac)) / 2, 12);
    expect(sims[3]).toBe(0);
  });

  it('is 0 with no feedback or a ranking of one', () => {
    expect(neighbourSimilarity([termVector(['a'], flat)], 2)).toEqual([0]);
    expect(neighbourSimilarity([termVector(['a'], flat), termVector(['a'], flat)], 0)).toEqual([0, 0]);
    expect(neighbourSimilarity([], 2)).toEqual([]);
  });
});
