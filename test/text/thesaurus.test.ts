import { describe, expect, it } from 'vitest';
import { nounForms, readConcreteNouns, readInstanceKinds, readProperWords } from '../../src/text/thesaurus.js';

describe('readConcreteNouns', () => {
  const concrete = new Set(readConcreteNouns());
  it('holds nouns whose commonest WordNet sense is a person, group, place, possession or thing', () => {
    for (const word of ['population', 'wife', 'party', 'capital', 'salary', 'army', 'headquarters']) expect(concrete.has(word), word).toBe(true);
  });
  it('leaves out abstract nouns: acts, attributes, states, cognition, communication', () => {
    for (const word of ['role', 'job', 'aim', 'name', 'status', 'size', 'nature', 'purpose']) expect(concrete.has(word), word).toBe(false);
  });
});

describe('readProperWords', () => {
  const proper = new Set(readProperWords());
  it('holds the words WordNet writes only with a capital: peoples, places, languages, days', () => {
    for (const word of ['dutch', 'french', 'london', 'poland', 'monday', 'christmas']) expect(proper.has(word), word).toBe(true);
  });
  it('leaves out words it also writes in lower case ("march", "turkey", "sun", "china")', () => {
    for (const word of ['march', 'turkey', 'sun', 'china', 'deal', 'nuclear']) expect(proper.has(word), word).toBe(false);
  });
});

describe('readInstanceKinds', () => {
  const kinds = readInstanceKinds();
  it('gives what kind of thing each named instance is, per sense in WordNet order, with its lexicographer file', () => {
    // With the kinds up to two levels above (one-word names only).
    expect(kinds['crimea']).toEqual([{ file: '15', kinds: ['peninsula'], broader: ['land', 'earth', 'ground', 'object'] }]);
    expect(kinds['europe']?.[0]).toEqual({ file: '17', kinds: ['continent'], broader: ['landmass', 'land', 'earth', 'ground'] });
    // Washington the capital first (a "national capital": no one-word kind, but a capital and a
    // city above it), …, then George Washington.
    expect(kinds['washington']?.[0]).toEqual({ file: '15', kinds: [], broader: ['capital', 'city', 'metropolis', 'seat', 'municipality'] });
    expect(kinds['washington']?.some((k) => k.file === '18' && k.kinds.includes('president'))).toBe(true);
  });
  it('leaves out words with no instance sense', () => {
    expect(kinds['peninsula']).toBeUndefined();
    expect(kinds['deal']).toBeUndefined();
  });
});

describe('nounForms', () => {
  it('gives the singulars WordNet’s suffix rules allow, the word itself first', () => {
    expect(nounForms('parties')).toContain('party');
    expect(nounForms('wives')[0]).toBe('wives');
    expect(nounForms('churches')).toContain('church');
    expect(nounForms('chairmen')).toContain('chairman');
    expect(nounForms('wife')).toEqual(['wife']);
  });
});
