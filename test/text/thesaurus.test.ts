import { describe, expect, it } from 'vitest';
import { nounForms, readConcreteNouns } from '../../src/text/thesaurus.js';

describe('readConcreteNouns', () => {
  const concrete = new Set(readConcreteNouns());
  it('holds nouns whose commonest WordNet sense is a person, group, place, possession or thing', () => {
    for (const word of ['population', 'wife', 'party', 'capital', 'salary', 'army', 'headquarters']) expect(concrete.has(word), word).toBe(true);
  });
  it('leaves out abstract nouns: acts, attributes, states, cognition, communication', () => {
    for (const word of ['role', 'job', 'aim', 'name', 'status', 'size', 'nature', 'purpose']) expect(concrete.has(word), word).toBe(false);
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
