import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../adapters/discord/escape-markdown.js';
import { formatAnswer } from '../../../adapters/discord/format-answer.js';
import { formatQuote } from '../../../adapters/discord/format-quote.js';
import { formatAbout, formatContext, formatMoreSources, formatSources } from '../../../adapters/discord/format-reference.js';
import { DISCORD_LIMITS, embedCharacters, OutgoingMessageSchema, type OutgoingMessage } from '../../../adapters/discord/limits.js';
import { readTopic } from '../../../adapters/discord/topic.js';
import { claimLabel } from '../../../src/answer/claim-label.js';
import type { AnswerResult, Citation, DocumentRef } from '../../../src/answer/result.js';
import { testEngine } from './harness.js';
import { boldWords, readBlockQuote } from './read-rendered.js';

const engine = testEngine();
const BODY = readFileSync('knowledge/putin-peace-deal-security-guarantees.md', 'utf8');

/** Every Discord limit, checked by the schema and again by hand (so a schema bug cannot hide one). */
function expectWithinLimits(message: OutgoingMessage): void {
  expect(OutgoingMessageSchema.safeParse(message).success).toBe(true);
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  for (const embed of message.embeds ?? []) {
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(embedCharacters(message.embeds ?? [])).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
}

// Any text at all: lone surrogates, control characters, markdown, mentions; and often the worst
// case, text at its longest made only of characters that escaping doubles, so every budget is
// hit at once.
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom('*', '_', '\\', '`', '>', '#', '@', '<', ':', '\n', ' ', 'a', '5', '.', '😀'), maxLength }),
    fc.constantFrom('*', '\\', '5.', '😀', 'a').map((unit) => unit.repeat(Math.ceil(maxLength / unit.length)).slice(0, maxLength)),
  );
const documentRef: fc.Arbitrary<DocumentRef> = fc.record(
  { id: fc.string({ minLength: 1, maxLength: 40 }), title: anyText(2000), publisher: anyText(1000), url: fc.oneof(fc.webUrl(), anyText(600)), published: anyText(200) },
  { requiredKeys: ['id', 'title'] },
);
const location = fc.record({ paragraph: fc.integer({ min: 1, max: 1e6 }), sentence: fc.integer({ min: 1, max: 1e6 }), start: fc.nat(), end: fc.integer({ min: 1 }) });
const citation: fc.Arbitrary<Citation> = fc.record({
  id: fc.string(),
  key: fc.stringMatching(/^[0-9a-f]{12}$/),
  quote: anyText(6000),
  includesPrevious: fc.boolean(),
  document: documentRef,
  location,
  sources: fc.array(fc.record({ document: documentRef, location }), { minLength: 1, maxLength: 30 }),
  singleSource: fc.boolean(),
  counterClaims: fc.array(
    fc.record({
      quote: anyText(2000),
      document: documentRef,
      location,
      claim: fc.record({ status: fc.constantFrom('on_record', 'reported', 'anonymous_sources', 'rumoured', 'article'), source: fc.option(anyText(300)), conditional: fc.boolean() }),
    }),
    { maxLength: 5 },
  ),
  score: fc.double({ noNaN: true }),
  coverage: fc.double({ min: 0, max: 1, noNaN: true }),
  matched: fc.array(fc.string()),
  highlights: fc.array(fc.record({ start: fc.integer({ min: -10, max: 7000 }), end: fc.integer({ min: -10, max: 7000 }) }), { maxLength: 40 }),
  claim: fc.record({ status: fc.constantFrom('on_record', 'reported', 'anonymous_sources', 'rumoured', 'article'), source: fc.option(anyText(1000), { nil: null }), conditional: fc.boolean() }),
});
const answerResult: fc.Arbitrary<AnswerResult> = fc.oneof(
  fc.record({ status: fc.constant('answered' as const), question: anyText(5000), citations: fc.array(citation, { minLength: 1, maxLength: 6 }) }),
  fc.record({
    status: fc.constant('no_answer' as const),
    question: anyText(5000),
    citations: fc.constant<Citation[]>([]),
    reason: fc.constantFrom('empty', 'too_long', 'no_content', 'not_covered'),
    message: anyText(3000),
    suggestions: fc.array(anyText(1000), { maxLength: 10 }),
  }),
);

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
