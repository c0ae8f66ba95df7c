import { describe, expect, it } from 'vitest';
import { attributeParagraph, type Claim } from '../../src/claims/attribute-claims.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { splitParagraphs, splitSentences } from '../../src/text/split-sentences.js';

function label(paragraph: string, names: string[] = []): Claim[] {
  return attributeParagraph(paragraph, splitSentences(paragraph), names);
}
const one = (sentence: string): Claim => label(sentence)[0] as Claim;

describe('attributeParagraph: the seed', () => {
  // Why each label: see test/eval/questions.yaml "claims", written independently of this module.
  it('labels all 17 seed sentences', () => {
    const body = loadKnowledge('knowledge').documents[0]?.body ?? '';
    const names: string[] = [];
    const claims = splitParagraphs(body).flatMap((p) => label(body.slice(p.start, p.end), names));
    const short = claims.map((c) => `${c.status}|${c.source ?? ''}|${c.conditional ? 'if' : ''}`);
    expect(short).toEqual([
      'reported||', // "has reportedly approved"
      'on_record|Steve Witkoff|', // "Steve Witkoff, a key associate …, confirmed"
      'rumoured||', // "is rumored to have made concessions"
      'anonymous_sources|Diplomatic sources|if', // "Diplomatic sources suggest that Putin might"
      'article||', // background
      'on_record|Steve Witkoff|', // "Witkoff stated, “…" — surname resolved to the fuller name; "could be described" is inside a relative clause
      'on_record|Steve Witkoff|if', // inside the open quotation; "might offer"
      'on_record|Steve Witkoff|', // quotation continues
      'article||',
      'article||', // "will stand" is plain future
      'reported|the Sun|', // "as reported by the Sun"
      'anonymous_sources|Sources|', // "Sources indicate"
      'article||',
      'article||',
      'reported||', // "Reports suggest"
      'reported||if', // "In return, Kyiv would …" continues the reported terms
      'anonymous_sources|Western diplomats, via Reuters|if', // "informed Reuters … if Russia adheres"
    ]);
  });
});

describe('attributeParagraph: synthetic sentences of every kind', () => {
  it('on record: named speakers, inverted and pronoun subjects', () => {
    expect(one('Emmanuel Macron said the talks were useful.')).toEqual({ status: 'on_record', source: 'Emmanuel Macron', conditional: false });
    expect(one('“The talks were useful,” said Macron.')).toMatchObject({ status: 'on_record', source: 'Macron' });
    expect(label('Olaf Scholz arrived on Monday. He said the plan was fair.').map((c) => c.source)).toEqual([null, 'Olaf Scholz']);
    expect(one('The ministry denied that troops had crossed.')).toMatchObject({ status: 'on_record', source: 'The ministry' });
  });

  it('reported: outlets and evidential adverbs', () => {
    expect(one('The summit was reportedly postponed.')).toEqual({ status: 'reported', source: null, conditional: false });
    expect(one('The deal is close, according to the Financial Times.')).toMatchObject({ status: 'reported', source: 'the Financial Times' });
    expect(one('Media reports say the envoy left early.')).toMatchObject({ status: 'reported', source: null });
  });

  it('anonymous sources, including people familiar with the matter and agentless frames', () => {
    expect(one('Two senior officials said the draft was ready.')).toMatchObject({ status: 'anonymous_sources', source: 'Two senior officials' });
    expect(one('People familiar with the talks said a deal was near.')).toMatchObject({ status: 'anonymous_sources' });
    expect(one('The president is believed to favour a truce.')).toMatchObject({ status: 'anonymous_sources', source: null });
    expect(one('Officials told the Guardian that a vote was planned.')).toMatchObject({ status: 'anonymous_sources', source: 'Officials, via the Guardian' });
  });

  it('rumoured', () => {
    expect(one('Kyiv is rumoured to be preparing a counter-offer.')).toEqual({ status: 'rumoured', source: null, conditional: false });
    expect(one('There is speculation that the summit will move to Geneva.')).toMatchObject({ status: 'rumoured' });
  });

  it('article voice, and what makes a claim conditional', () => {
    expect(one('The talks began in Geneva on Monday.')).toEqual({ status: 'article', source: null, conditional: false });
    expect(one('The sanctions could be lifted within a year.').conditional).toBe(true);
    expect(one('Relief will follow if Russia complies.').conditional).toBe(true);
    expect(one('The leaders will meet on Friday.').conditional).toBe(false);
    // A modal in a relative clause only colours a description.
    expect(one('They agreed on terms that could be called historic.').conditional).toBe(false);
  });

  it('carries attribution across a multi-sentence quotation and a continuation', () => {
    const claims = label('Smith said, “We are close. Nothing is agreed yet. We will keep talking.” The talks resumed later.');
    expect(claims.map((c) => c.source)).toEqual(['Smith', 'Smith', 'Smith', null]);
    const terms = label('According to the Ledger, the sides agreed a draft. In return, Kyiv would drop its claim.');
    expect(terms[1]).toEqual({ status: 'reported', source: 'the Ledger', conditional: true });
  });
});
