import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeWithin, unescapeMarkdown } from '../../../adapters/discord/escape-markdown.js';

/** What is left once every escape pair is removed must hold no character Discord's markdown acts on. */
function unescapedSpecials(escaped: string): string {
  return escaped.replace(/\\[\s\S]/g, '').replace(/[^\\*_~`|<>#\-[\]()@:]/g, '');
}

describe('escapeMarkdown', () => {
  it('neutralises emphasis, links, mentions, emoji, headings and lists', () => {
    expect(escapeMarkdown('**bold** __u__ ~~s~~ `c` ||sp|| [x](http://e) <@123> <#1> <:e:1> @everyone # h - item 1. one')).toBe(
      String.raw`\*\*bold\*\* \_\_u\_\_ \~\~s\~\~ \`c\` \|\|sp\|\| \[x\]\(http\://e\) \<\@123\> \<\#1\> \<\:e\:1\> \@everyone \# h \- item 1\. one`,
    );
  });

  it('is lossless and leaves no live markdown character, for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(unescapeMarkdown(escaped)).toBe(text);
        expect(unescapedSpecials(escaped)).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('escapeWithin stays within its length, never splits an escape, and is a prefix of the full escape (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 400 }), (text, max) => {
        const cut = escapeWithin(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        const body = cut.endsWith('…') && cut !== escapeMarkdown(text) ? cut.slice(0, -1) : cut;
        expect(escapeMarkdown(text).startsWith(body)).toBe(true);
        expect(unescapedSpecials(body)).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
