import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import type { Answered } from '../../src/answer/result.js';
import { relate, similarity, type ClaimTerms } from '../../src/answer/corroborate.js';

// test/fixtures/multi-source: Alpha (08-18) and Beta (08-19) report a ceasefire in nearly the
// same words; Gamma (08-20) reports the Kremlin denying it; Alpha and Beta share one sentence
// word for word (the grain exports).
let engine: Engine;
beforeAll(() => {
  engine = Engine.open({ knowledgeDir: 'test/fixtures/multi-source' });
});
function answered(q: string): Answered {
  const r = engine.ask(q);
  if (r.status !== 'answered') throw new Error(`no answer to ${q}`);
  return r;
}

describe('several sources', () => {
  it('shows a claim and its denial side by side, never mixing the two sides', () => {
    const result = answered('Has Russia agreed to a ceasefire?');
    expect(result.citations).toHaveLength(1);
    const top = result.citations[0];
    const claimSide = top?.sources.map((s) => s.document.publisher ?? '') ?? [];
    const counterSide = top?.counterClaims.map((c) => c.document.publisher ?? '') ?? [];
    // Whichever side ranks first is cited; the other is shown beside it.
    const sides = [claimSide, counterSide].map((side) => [...side].sort());
    expect(sides).toContainEqual(['Gamma News']);
    expect(sides).toContainEqual(['Alpha Wire', 'Beta Times']);
    const denial = top?.document.publisher === 'Gamma News' ? top.quote : top?.counterClaims[0]?.quote;
    expect(denial).toBe('The Kremlin denied that Russia has agreed to a ceasefire along the front line.');
  });

  it('shows the reports a denial denies, even when the question names only the denial', () => {
    const top = answered('Did the Kremlin deny the ceasefire?').citations[0];
    expect(top?.document.publisher).toBe('Gamma News');
    expect(top?.singleSource).toBe(true);
    expect(top?.counterClaims.map((c) => c.document.publisher).sort()).toEqual(['Alpha Wire', 'Beta Times']);
  });

  it('lists every document that states the same claim in other words', () => {
    const top = answered('Has Russia agreed to a ceasefire along the entire front line?').citations.find((c) => c.document.publisher !== 'Gamma News');
    expect(top?.sources.map((s) => s.document.publisher).sort()).toEqual(['Alpha Wire', 'Beta Times']);
    expect(top?.singleSource).toBe(false);
    expect(top?.sources.find((s) => s.quote !== undefined)?.quote).toMatch(/^Russia has agreed to a ceasefire along the front line/);
  });

  it('gives a tie to the newer report: the same sentence in two documents cites the newer first', () => {
    const top = answered('Will grain exports resume?').citations[0];
    expect(top?.document.publisher).toBe('Beta Times');
    expect(top?.document.published).toBe('2025-08-19');
    expect(top?.sources.map((s) => s.document.publisher)).toEqual(['Beta Times', 'Alpha Wire']);
  });

  it('labels a claim found in one document as single-source', () => {
    const top = answered('prisoner exchanges').citations[0];
    expect(top?.singleSource).toBe(true);
    expect(top?.counterClaims).toEqual([]);
  });
});

describe('relate', () => {
  const claim = (words: Record<string, number>, denial = false): ClaimTerms => ({ terms: new Map(Object.entries(words)), denial });
  it('tells the same claim, a counter-claim and an unrelated one apart', () => {
    const cited = claim({ russia: 1, agre: 2, ceasefir: 3 });
    const t = { same: 0.5, counter: 0.3 };
    expect(similarity(cited, cited)).toBe(1);
    expect(relate(cited, claim({ russia: 1, agre: 2, ceasefir: 3, entir: 1 }), t)).toBe('same');
    expect(relate(cited, claim({ kremlin: 2, russia: 1, agre: 2, ceasefir: 3 }, true), t)).toBe('counter');
    expect(relate(cited, claim({ grain: 3, export: 2 }), t)).toBe('unrelated');
  });
});

describe('Engine.citation (buttons carry only the key)', () => {
  it('returns the claim with its other sources and its counter-claims', () => {
    const top = answered('Has Russia agreed to a ceasefire along the entire front line?').citations[0];
    const again = engine.citation(top?.key ?? '');
    expect(again?.quote).toBe(top?.quote);
    expect(again?.sources.map((s) => s.document.publisher).sort()).toEqual(['Alpha Wire', 'Beta Times']);
    expect(again?.counterClaims.map((c) => c.document.publisher)).toEqual(['Gamma News']);
  });
});
