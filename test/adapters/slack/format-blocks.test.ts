import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAnswer, formatContext, formatDecline, formatMoreSources, highlightParts, notice } from '../../../adapters/slack/format-blocks.js';
import { SLACK_LIMITS, SlackMessageSchema, type SlackMessage } from '../../../adapters/slack/limits.js';
import type { Citation } from '../../../src/answer/result.js';
import { answeredArb, citationArb, hostileText, LIVE_MENTION, noAnswerArb } from './arbitraries.js';

/** Our own link syntax is the only `<` a message may contain. */
function liveMarkup(message: SlackMessage): string[] {
  const texts = [message.text, ...message.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []))];
  return texts.flatMap((t) => t.match(/<[^>]*>?/g) ?? []).filter((m) => LIVE_MENTION.test(m) || !/^<https?:\/\/[^|<>\s]+(\|[^<>]*)?>$/.test(m));
}

const citation: Citation = {
  id: 'doc#p3s2',
  key: '7b76657a69b8',
  quote: 'The US might offer protection similar to Article 5 – a key reason <!channel> Ukraine seeks NATO membership.',
  includesPrevious: false,
  document: { id: 'doc', title: 'Deal <b>news</b> & views', publisher: 'The Sun', url: 'https://example.test/a|b', published: '2025-08-17T10:00:00Z' },
  location: { paragraph: 3, sentence: 2, start: 100, end: 206 },
  sources: [{ document: { id: 'doc', title: 'Deal <b>news</b> & views' }, location: { paragraph: 3, sentence: 2, start: 100, end: 206 } }],
  singleSource: true,
  counterClaims: [],
  score: 1,
  coverage: 1,
  matched: ['Article', '5'],
  highlights: [
    { start: 41, end: 48 },
    { start: 49, end: 50 },
  ],
  claim: { status: 'on_record', source: 'Steve <@U0BOSS> Witkoff', conditional: true },
};

describe('formatAnswer', () => {
  it('puts the quote in a block quote with matched words in one bold run, escaped', () => {
    const message = formatAnswer({ status: 'answered', question: 'Article 5?', citations: [citation] }, { feedback: true });
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '> “The US might offer protection similar to *Article 5* – a key reason &lt;!channel&gt; Ukraine seeks NATO membership.”' },
    });
    expect(message.blocks[2]).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '<https://example.test/a%7Cb|Deal &lt;b&gt;news&lt;/b&gt; &amp; views> · The Sun · 2025-08-17 · paragraph 3' },
        { type: 'mrkdwn', text: '*On record: Steve &lt;@U0BOSS&gt; Witkoff · hypothetical (might/could/would/if)* · single source' },
      ],
    });
  });

  it('shows other documents that deny the claim right under it, with their labels', () => {
    const counter = (title: string) => ({
      quote: 'No <!here> such offer was made.',
      document: { id: title, title, url: 'https://example.test/denial' },
      location: { paragraph: 1, sentence: 1, start: 0, end: 30 },
      claim: { status: 'on_record' as const, source: 'A spokesperson', conditional: false },
    });
    const message = formatAnswer({ status: 'answered', question: 'q', citations: [{ ...citation, counterClaims: [counter('Denial'), counter('Second'), counter('Third')] }] }, { feedback: true });
    expect(message.blocks[3]).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: ':warning: *Disputed by* <https://example.test/denial|Denial> (On record: A spokesperson): “No &lt;!here&gt; such offer was made.”' },
        { type: 'mrkdwn', text: ':warning: *Disputed by* <https://example.test/denial|Second> (On record: A spokesperson): “No &lt;!here&gt; such offer was made.”' },
        { type: 'mrkdwn', text: 'and 1 more document disputes this' },
      ],
    });
    expect(message.text).toMatch(/\(Disputed by Denial\)$/);
  });

  it('shows the best citation and at most two more, with buttons for the best', () => {
    const message = formatAnswer({ status: 'answered', question: 'q', citations: [citation, citation, citation, citation, citation] }, { feedback: false });
    expect(message.blocks.map((b) => b.type)).toEqual(['context', 'section', 'context', 'divider', 'section', 'context', 'divider', 'section', 'context', 'actions']);
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ action_id: 'dealdesk_more_sources', value: '7b76657a69b8' }, { action_id: 'dealdesk_show_context' }] });
  });

  it('says which question a follow-up was read with', () => {
    const message = formatAnswer({ status: 'answered', question: 'what about <!here>?', citations: [citation] }, { feedback: true, previous: 'Article 5 & <@U1>' });
    expect(message.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*Q:* what about &lt;!here&gt;? _(follow-up to “Article 5 &amp; &lt;@U1&gt;”)_' }] });
  });

  it('fits Slack limits and leaves no live mention, for any answer (property)', () => {
    fc.assert(
      fc.property(answeredArb, fc.boolean(), hostileText(600), (result, feedback, previous) => {
        const message = formatAnswer(result, { feedback, previous });
        SlackMessageSchema.parse(message);
        expect(liveMarkup(message)).toEqual([]);
        expect(message.blocks.filter((b) => b.type === 'section').length).toBe(Math.min(result.citations.length, 3));
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatDecline', () => {
  it('gives the reason and example questions, and no quote or buttons', () => {
    const message = formatDecline({ status: 'no_answer', question: 'weather?', citations: [], reason: 'not_covered', message: "The documents don't say.", suggestions: ['What did <!channel> say?', 'Crimea?'] });
    expect(message).toEqual({
      text: "The documents don't say. You could ask: What did &lt;!channel&gt; say? Crimea?",
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: "The documents don't say.\n\n*You could ask:*\n• What did &lt;!channel&gt; say?\n• Crimea?" } }],
    });
  });

  it('fits Slack limits and leaves no live mention, for any decline (property)', () => {
    fc.assert(
      fc.property(noAnswerArb, (result) => {
        const message = formatDecline(result);
        SlackMessageSchema.parse(message);
        expect(liveMarkup(message)).toEqual([]);
        expect(message.blocks.map((b) => b.type)).toEqual(['section']);
      }),
      { numRuns: 200 },
    );
  });
});

describe('button replies', () => {
  it('"More sources" and "Show context" fit Slack limits for any input (property)', () => {
    fc.assert(
      fc.property(citationArb, fc.array(citationArb, { maxLength: 8 }), hostileText(4000), (original, similar, paragraph) => {
        const more = formatMoreSources(original, similar);
        SlackMessageSchema.parse(more);
        expect(liveMarkup(more)).toEqual([]);
        const context = formatContext(original, { document: original.document, paragraph, location: { paragraph: 1, sentence: 1, start: 0, end: paragraph.length } });
        SlackMessageSchema.parse(context);
        expect(liveMarkup(context)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('"Show context" bolds the quote within its paragraph', () => {
    const paragraph = 'Witkoff stated, “We agreed.” The US might offer protection. Then more.';
    const quoteStart = paragraph.indexOf('The US');
    const quoted = { ...citation, location: { ...citation.location, start: 1000 + quoteStart, end: 1000 + quoteStart + 'The US might offer protection.'.length } };
    const message = formatContext(quoted, { document: { id: 'doc', title: 'Deal' }, paragraph, location: { paragraph: 2, sentence: 1, start: 1000, end: 1000 + paragraph.length } });
    expect(message.blocks[0]).toMatchObject({ text: { text: '*Context from* Deal, paragraph 2:\n> Witkoff stated, “We agreed.” *The US might offer protection.* Then more.' } });
  });

  it('a notice is one escaped section with the same fallback', () => {
    expect(notice('a <!here> & b')).toEqual({ text: 'a &lt;!here&gt; &amp; b', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'a &lt;!here&gt; &amp; b' } }] });
  });
});

describe('highlightParts', () => {
  it('joins bold runs separated by spaces only, and ignores bad offsets', () => {
    expect(highlightParts('similar to Article 5 – a key', [{ start: 19, end: 20 }, { start: 11, end: 18 }, { start: 50, end: 40 }, { start: -3, end: 0 }])).toEqual([
      { text: 'similar to ', bold: false },
      { text: 'Article 5', bold: true },
      { text: ' – a key', bold: false },
    ]);
  });

  it('rejoins to the quote exactly, for any offsets (property)', () => {
    fc.assert(
      fc.property(hostileText(300), fc.array(fc.record({ start: fc.integer({ min: -5, max: 400 }), end: fc.integer({ min: -5, max: 400 }) })), (quote, highlights) => {
        expect(highlightParts(quote, highlights).map((p) => p.text).join('')).toBe(quote);
      }),
    );
  });
});

it('SLACK_LIMITS match Slack’s documented Block Kit limits', () => {
  expect(SLACK_LIMITS).toMatchObject({ sectionText: 3000, blocks: 50, buttonText: 75, buttonValue: 2000, contextElements: 10 });
});
