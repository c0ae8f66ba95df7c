import { describe, expect, it } from 'vitest';
import { EntitiesFileSchema } from '../../src/knowledge/schemas.js';
import { PhraseMatcher } from '../../src/search/phrase-matcher.js';

const matcher = new PhraseMatcher(
  EntitiesFileSchema.parse({
    entities: [
      { id: 'sun', name: 'The Sun', type: 'organisation' },
      { id: 'donetsk', name: 'Donetsk', type: 'place' },
      { id: 'luhansk', name: 'Luhansk', type: 'place' },
    ],
    synonyms: [
      ['halt', 'pause', 'give up'],
      ['Article 5', 'Article V'],
      ['Donbas', 'Donetsk and Luhansk'],
    ],
  }),
);
const tags = (text: string): string[] => matcher.matchText(text).map((m) => m.tag);

describe('PhraseMatcher', () => {
  it('matches a phrase whose other words are stopwords only where they are there', () => {
    // "give up" searches as the term "give": without "up", "give" is not a halt.
    expect(tags('Will Ukraine give up its NATO bid?')).toEqual(['~halt']);
    expect(tags('What will Ukraine give in return?')).toEqual([]);
    // "Article V": the "V" is dropped as a single letter; "the article says" is not Article 5.
    expect(tags('protection like Article V')).toEqual(['~articl_5']);
    expect(tags('what does the article say')).toEqual([]);
  });

  it('prefers the longest phrase, and tells "Donetsk and Luhansk" from "Donetsk, Luhansk"', () => {
    expect(tags('a land exchange involving Donetsk and Luhansk')).toEqual(['~donba']);
    expect(tags('Donetsk, Luhansk, Kherson')).toEqual(['@donetsk', '@luhansk']);
  });

  it('needs no stopword before a phrase ("the Sun", "Sun")', () => {
    expect(tags('as reported by the Sun')).toEqual(['@sun']);
    expect(tags('the Sun reported')).toEqual(['@sun']);
    expect(matcher.singleTerms.has('give')).toBe(false);
    expect(matcher.singleTerms.has('paus')).toBe(true); // the term of "pause"
  });
});
