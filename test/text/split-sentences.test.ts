import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/text/split-sentences.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

const texts = (paragraph: string): string[] => splitSentences(paragraph).map((s) => paragraph.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits the seed into the 17 sentences a reader sees, with exact offsets', () => {
    const body = loadKnowledge('knowledge').documents[0]?.body ?? '';
    const counts = splitParagraphs(body).map((p) => texts(body.slice(p.start, p.end)).length);
    expect(counts).toEqual([2, 3, 3, 2, 2, 2, 2, 1]);
  });

  it('gives a quotation of three sentences one sentence each (Witkoff)', () => {
    const p = 'Witkoff stated, “We have agreed. The US might offer protection. We have addressed nearly all issues.”';
    expect(texts(p)).toEqual(['Witkoff stated, “We have agreed.', 'The US might offer protection.', 'We have addressed nearly all issues.”']);
  });

  it('keeps abbreviations and titles inside the sentence', () => {
    expect(texts('Mr. Smith met U.S. officials on Nov. 5 in Washington. Sir Keir Starmer left — quickly.')).toEqual([
      'Mr. Smith met U.S. officials on Nov. 5 in Washington.',
      'Sir Keir Starmer left — quickly.',
    ]);
  });

  it('repairs a boundary after a capitalised word the model takes for an abbreviation ("the Sun.")', () => {
    expect(texts('Leaders are coming, as reported by the Sun. Sources indicate that he asked.')).toEqual([
      'Leaders are coming, as reported by the Sun.',
      'Sources indicate that he asked.',
    ]);
  });

  it('offsets always slice the sentence out of the paragraph (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Putin said “yes.', 'No.” ', 'Mr. X left.', ' The U.S. agreed.', 'Kyiv – 5 regions.', '  ', '\u200B', '🙂'), { maxLength: 12 }), (parts) => {
        const paragraph = parts.join(' ');
        for (const s of splitSentences(paragraph)) {
          expect(s.start).toBeLessThanOrEqual(s.end);
          for (const t of s.tokens) expect(paragraph.slice(t.start, t.end)).toBe(t.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and trims', () => {
    const body = 'One.\n\n  Two.  \n \nThree.';
    expect(splitParagraphs(body).map((p) => body.slice(p.start, p.end))).toEqual(['One.', 'Two.', 'Three.']);
  });
});
