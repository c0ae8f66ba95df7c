import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../adapters/discord/escape-markdown.js';
import { formatAnswer } from '../../../adapters/discord/format-answer.js';
import { formatQuote } from '../../../adapters/discord/format-quote.js';
import { formatAbout, formatContext, formatMoreSources, formatSources } from '../../../adapters/discord/format-reference.js';
import { readTopic } from '../../../adapters/discord/topic.js';
import { claimLabel } from '../../../src/answer/claim-label.js';
import type { Citation, DocumentRef } from '../../../src/answer/result.js';
import { anyText, answerResult, citation, documentRef, expectWithinLimits } from './arbitraries.js';
import { testEngine } from './harness.js';
import { boldWords, readBlockQuote } from './read-rendered.js';

const engine = testEngine();
const BODY = readFileSync('knowledge/putin-peace-deal-security-guarantees.md', 'utf8');

describe('formatAnswer on real answers', () => {
  it('shows the best quote verbatim (a substring of the knowledge body), matched words in bold, the claim label and the topic', () => {
    const result = engine.ask('What did Witkoff say about Article 5?');
    if (result.status !== 'answered') throw new Error('the knowledge base should answer this');
    const best = result.citations[0];
    if (!best) throw new Error('no citation');
    const description = formatAnswer(result, { feedback: true }).embeds?.[0]?.description ?? '';
    const shown = readBlockQuote(description);
    expect(shown).toEqual({ text: best.quote, cut: false });
    expect(BODY).toContain(shown.text);
    // Bold words are exactly the engine's highlights (merged when only spaces separate them).
    expect(boldWords(description.split('\n').find((l) => l.startsWith('> ')) ?? '').join(' ')).toBe(best.highlights.map((h) => best.quote.slice(h.start, h.end)).join(' '));
    expect(description).toContain(`— **${escapeMarkdown(claimLabel(best.claim))}**`);
    expect(readTopic(formatAnswer(result, { feedback: true }).embeds ?? [])).toBe(result.question);
  });

  it('declines an off-topic question with example questions and no quote', () => {
    const result = engine.ask('What is the best pizza in Naples?');
    expect(result.status).toBe('no_answer');
    const message = formatAnswer(result, { feedback: true });
    const description = message.embeds?.[0]?.description ?? '';
    expect(description).not.toMatch(/^> /m);
    expect(message.components).toBeUndefined();
    for (const suggestion of result.status === 'no_answer' ? result.suggestions : []) expect(description).toContain(`• ${escapeMarkdown(suggestion)}`);
    expect(description).toContain('Questions I can answer');
  });

  it('hides the feedback buttons when feedback is off', () => {
    const result = engine.ask('What did Witkoff say about Article 5?');
    const ids = formatAnswer(result, { feedback: false }).components?.[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids?.map((id) => id.split(':')[1])).toEqual(['more', 'ctx']);
  });

  it('fits any question the engine gets, hostile or huge (property)', () => {
    fc.assert(
      fc.property(anyText(5000), (question) => {
        expectWithinLimits(formatAnswer(engine.ask(question), { feedback: true }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('Discord limits by construction (property)', () => {
  it('any answer result fits: content 2,000; description 4,096; field 1,024; 25 fields; 6,000 in total', () => {
    fc.assert(
      fc.property(answerResult, fc.boolean(), fc.option(anyText(5000), { nil: undefined }), (result, feedback, topic) => {
        expectWithinLimits(formatAnswer(result, { feedback, ...(topic !== undefined && { topic }) }));
      }),
      { numRuns: 300 },
    );
  });

  it("the best claim's first two counter-claims are always shown, right after it (only further citations may be left out)", () => {
    fc.assert(
      fc.property(answerResult, (result) => {
        if (result.status !== 'answered') return;
        const best = result.citations[0];
        const fields = formatAnswer(result, { feedback: true }).embeds?.[0]?.fields ?? [];
        const disputes = Math.min(2, best?.counterClaims.length ?? 0);
        expect(fields.slice(0, disputes).every((f) => f.name.startsWith('⚠️ Disputed — '))).toBe(true);
        expect(fields.length).toBeGreaterThanOrEqual(disputes);
        expect(fields.length).toBeLessThanOrEqual(disputes + 2);
      }),
      { numRuns: 200 },
    );
  });

  it('the worst case of the budget proof: every part at its longest still shows the best claim with two disputes', () => {
    const worst = '*'.repeat(6000);
    const document: DocumentRef = { id: 'd', title: worst, publisher: worst, published: worst, url: `https://example.org/${'a'.repeat(230)}` };
    const location = { paragraph: 999999, sentence: 1, start: 0, end: 1 };
    const claim = { status: 'reported' as const, source: worst, conditional: true };
    const counter = { quote: worst, document, location, claim };
    const best: Citation = {
      id: 'd#p1s1',
      key: 'abcdefabcdef',
      quote: worst,
      includesPrevious: false,
      document,
      location,
      sources: Array.from({ length: 30 }, () => ({ document, location, quote: worst })),
      singleSource: false,
      counterClaims: [counter, counter, counter],
      score: 1,
      coverage: 1,
      matched: [],
      highlights: [],
      claim,
    };
    const message = formatAnswer({ status: 'answered', question: worst, citations: [best, best, best] }, { feedback: true, topic: '😀'.repeat(600) });
    expectWithinLimits(message);
    expect(message.embeds?.[0]?.fields?.slice(0, 2).map((f) => f.name.slice(0, 14))).toEqual(['⚠️ Disputed — ', '⚠️ Disputed — ']);
  });

  it('a shown quote is always a prefix of the real quote (whole when it fits), whatever the highlights', () => {
    fc.assert(
      fc.property(citation, (c) => {
        const rendered = formatQuote(c.quote, c.highlights, 1500, { newline: '\n> ' });
        expect(rendered.length).toBeLessThanOrEqual(1500);
        const shown = readBlockQuote(`> ${rendered}`);
        expect(c.quote.startsWith(shown.text)).toBe(true);
        if (!shown.cut) expect(shown.text).toBe(c.quote);
      }),
      { numRuns: 300 },
    );
  });

  it('/sources, /about, More sources and Show context fit too', () => {
    fc.assert(
      fc.property(fc.array(documentRef, { maxLength: 200 }), fc.array(citation, { maxLength: 10 }), citation, anyText(8000), (documents, similar, c, paragraph) => {
        expectWithinLimits(formatSources(documents));
        expectWithinLimits(formatMoreSources(similar));
        expectWithinLimits(formatContext({ document: c.document, paragraph, location: { paragraph: 1, sentence: 1, start: 0, end: paragraph.length } }, c));
      }),
      { numRuns: 100 },
    );
    expectWithinLimits(formatAbout(1));
  });
});
