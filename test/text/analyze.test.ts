import { describe, expect, it } from 'vitest';
import { terms, toTerm, tokenize } from '../../src/text/analyze.js';

describe('text analysis', () => {
  it('stems, folds diacritics and possessives, drops stopwords', () => {
    expect(terms('The guarantees of Zaporizhzhia’s café')).toEqual(['guarante', 'zaporizhzhia', 'cafe']);
  });

  it('drops indefinite pronouns: "everybody" says nothing a sentence must hold', () => {
    expect(terms('Was everybody surprised? Did anyone confirm it, or somebody else?')).toEqual(['surpris', 'confirm', 'els']);
  });

  it('drops prepositions and conjunctions of concession and direction ("despite", "amid", "towards")', () => {
    expect(terms('Strikes continue despite the talks, although amid hopes of peace, towards a deal')).toEqual(['strike', 'continu', 'talk', 'hope', 'peac', 'deal']);
  });

  it('drops honorifics: "Mr Trump" is Trump, "Mr" is not a name a sentence must hold', () => {
    expect(terms('What did Mr Trump and Dr Smith tell Mrs Jones and Ms Lee?')).toEqual(['trump', 'smith', 'tell', 'jone', 'lee']);
  });

  it('keeps "US" the country but drops "us" the pronoun', () => {
    expect(toTerm('US')).toBe('us');
    expect(toTerm('U.S.')).toBe('us');
    expect(toTerm('us')).toBe('');
    // "use", "used", "using" stem to "us": they keep their own form, not the country's term.
    expect(['use', 'used', 'uses', 'using'].map((w) => toTerm(w))).toEqual(['use', 'used', 'uses', 'using']);
    expect(terms('which word did the US envoy use')).toEqual(['word', 'us', 'envoi', 'use']);
    // In a text typed in capitals, capitals say nothing.
    expect(terms('WHAT DID THEY TELL US')).toEqual(['tell']);
  });

  it('drops function words with a contraction, and only those', () => {
    // "didn't" used to be the term "didnt", "I'll" the term "ill" (sick), "you're" "your".
    for (const word of ["didn't", 'don’t', "can't", "won't", "ain't", "they're", "we've", "I'll", "you're", "I'm", "they'd"]) expect(toTerm(word), word).toBe('');
    expect(toTerm("Zelensky's")).toBe('zelenski');
    expect(toTerm("OK'd")).toBe('okd'); // not a function word: kept, as the phrase "OK'd" is
  });

  it('reports exact offsets', () => {
    const text = 'Kyiv — “pause” 5 regions';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });
});
