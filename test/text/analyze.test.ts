import { describe, expect, it } from 'vitest';
import { terms, toTerm, tokenize } from '../../src/text/analyze.js';

describe('text analysis', () => {
  it('stems, folds diacritics and possessives, drops stopwords', () => {
    expect(terms('The guarantees of Zaporizhzhia’s café')).toEqual(['guarante', 'zaporizhzhia', 'cafe']);
  });

  it('keeps "US" the country but drops "us" the pronoun', () => {
    expect(toTerm('US')).toBe('us');
    expect(toTerm('U.S.')).toBe('us');
    expect(toTerm('us')).toBe('');
    // In a text typed in capitals, capitals say nothing.
    expect(terms('WHAT DID THEY TELL US')).toEqual(['tell']);
  });

  it('reports exact offsets', () => {
    const text = 'Kyiv — “pause” 5 regions';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });
});
