import { describe, expect, it } from 'vitest';
import { EntitiesFileSchema } from '../../src/knowledge/schemas.js';
import { analyzeText } from '../../src/search/build-index.js';
import { PhraseMatcher } from '../../src/search/phrase-matcher.js';
import { followers, termsOf, tokenize } from '../../src/text/analyze.js';

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
      ['talks', 'sit-down'],
    ],
  }),
);
const tags = (text: string): string[] => matcher.matchText(text).map((m) => m.tag);

describe('PhraseMatcher', () => {
  it('matches a phrase whose other words are stopwords only where they are there', () => {
    // "give up" searches as the term "give": without "up", "give" is not a halt.
    expect(tags('Will Ukraine give up its NATO bid?')).toEqual(['~halt']);
    expect(tags('What will Ukraine give in return?')).toEqual([]);
    expect(matcher.matchText('Will Ukraine give up its NATO bid?').map((m) => m.words)).toEqual([2]);
    expect(matcher.membersOf('~halt')).toEqual(['halt', 'paus']);
    // "Article V": the "V" is dropped as a single letter; "the article says" is not Article 5.
    expect(tags('protection like Article V')).toEqual(['~articl_5']);
    expect(tags('what does the article say')).toEqual([]);
  });

  it('matches a hyphenated word typed closed up ("sitdown" for "sit-down")', () => {
    expect(tags('the zelensky trump sitdown')).toEqual(['~talk']);
    expect(tags('the zelensky trump sit-down')).toEqual(['~talk']);
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

  it('finds the synonym groups a phrase is made of, a name\u2019s words of a group too, but not the names in a name', () => {
    const parts = new PhraseMatcher(
      EntitiesFileSchema.parse({
        entities: [
          { id: 'macron', name: 'Emmanuel Macron', aliases: ['French President'], type: 'person' },
          { id: 'france', name: 'France', aliases: ['French'], type: 'place' },
          { id: 'europe', name: 'Europe', aliases: ['European nations'], type: 'place' },
        ],
        synonyms: [
          ['sanctions relief', 'easing of sanctions'],
          ['sanctions', 'penalties'],
          ['relief', 'easing'],
          ['nation', 'country'],
        ],
      }),
    );
    const partsOf = (text: string): string[][] => {
      const tokens = tokenize(text);
      const seq = termsOf(tokens);
      return parts.match(seq, followers(tokens)).map((m) => parts.parts(seq, followers(tokens), m).map((p) => p.tag));
    };
    expect(partsOf('gradual sanctions relief')).toEqual([['~sanction', '~relief']]);
    expect(partsOf('an easing of sanctions')).toEqual([['~relief', '~sanction']]);
    expect(partsOf('French President Emmanuel Macron')).toEqual([[], []]);
    // "other European nations" says "nations" too, so "countries other than Ukraine" finds it.
    expect(partsOf('other European nations')).toEqual([['~nation']]);
    expect(partsOf('new sanctions')).toEqual([[]]);
    // The index holds the phrase and its parts, so "ease penalties" finds "sanctions relief".
    expect(analyzeText('gradual sanctions relief if Russia complies', parts).tags).toEqual(['~sanction_relief', '~sanction', '~relief']);
  });

  it('relates a capital to its country\u2019s leaders, two steps away, but not a leader to the capital or two leaders', () => {
    const far = new PhraseMatcher(
      EntitiesFileSchema.parse({
        entities: [
          { id: 'putin', name: 'Vladimir Putin', type: 'person', related: ['russia'] },
          { id: 'lavrov', name: 'Sergei Lavrov', type: 'person', related: ['russia'] },
          { id: 'russia', name: 'Russia', type: 'place' },
          { id: 'moscow', name: 'Moscow', type: 'place', related: ['russia'] },
          { id: 'kremlin', name: 'Kremlin', type: 'organisation', related: ['russia'] },
        ],
      }),
    ).farTags;
    expect(far.get('@moscow')).toEqual(['@putin', '@lavrov']);
    expect(far.has('@putin')).toBe(false);
    expect(far.has('@russia')).toBe(false); // its leaders are one step away
    expect(far.has('@kremlin')).toBe(false); // not a place
  });

  it('says a title of a place with the place\u2019s other names and its capital, never taking another entity\u2019s phrase', () => {
    const titled = new PhraseMatcher(
      EntitiesFileSchema.parse({
        entities: [
          { id: 'zelensky', name: 'Volodymyr Zelensky', type: 'person', aliases: ['Ukrainian leader'] },
          { id: 'ukraine', name: 'Ukraine', type: 'place', aliases: ['Ukrainian'] },
          { id: 'kyiv', name: 'Kyiv', type: 'place', related: ['ukraine'], aliases: ['Ukrainian capital'] },
          { id: 'rada', name: 'Verkhovna Rada', type: 'organisation', aliases: ['leader of Kyiv'] },
        ],
        synonyms: [],
      }),
    );
    const of = (text: string): string[] => titled.matchText(text).map((m) => m.tag);
    expect(of("Is Kyiv's leader flying in?")).toEqual(['@zelensky']);
    expect(of('the leader of Ukraine')).toEqual(['@zelensky']);
    // A phrase another entity has stays theirs; a place's own description is not a title.
    expect(of('the leader of Kyiv')).toEqual(['@rada']);
    expect(of('the capital of Ukraine')).toEqual(['@ukraine']);
  });
});
