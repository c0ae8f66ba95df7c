import fc from 'fast-check';
import { expect } from 'vitest';
import { DISCORD_LIMITS, embedCharacters, OutgoingMessageSchema, type OutgoingMessage } from '../../../adapters/discord/limits.js';
import type { AnswerResult, Citation, DocumentRef } from '../../../src/answer/result.js';

// Property-test inputs for the formatters, and the check every outgoing message must pass.

/** Every Discord limit, checked by the schema and again by hand (so a schema bug cannot hide one). */
export function expectWithinLimits(message: OutgoingMessage): void {
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
export const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.constantFrom('*', '_', '\\', '`', '>', '#', '@', '<', ':', '\n', ' ', 'a', '5', '.', '😀'), maxLength }),
    fc.constantFrom('*', '\\', '5.', '😀', 'a').map((unit) => unit.repeat(Math.ceil(maxLength / unit.length)).slice(0, maxLength)),
  );
export const documentRef: fc.Arbitrary<DocumentRef> = fc.record(
  { id: fc.string({ minLength: 1, maxLength: 40 }), title: anyText(2000), publisher: anyText(1000), url: fc.oneof(fc.webUrl(), anyText(600)), published: anyText(200) },
  { requiredKeys: ['id', 'title'] },
);
export const location = fc.record({ paragraph: fc.integer({ min: 1, max: 1e6 }), sentence: fc.integer({ min: 1, max: 1e6 }), start: fc.nat(), end: fc.integer({ min: 1 }) });
export const citation: fc.Arbitrary<Citation> = fc.record({
  id: fc.string(),
  key: fc.stringMatching(/^[0-9a-f]{12}$/),
  quote: anyText(6000),
  includesPrevious: fc.boolean(),
  document: documentRef,
  location,
  // Other documents' own wordings (`quote`) and counter-claims at their longest and most hostile.
  sources: fc.array(fc.record({ document: documentRef, location, quote: anyText(3000) }, { requiredKeys: ['document', 'location'] }), { minLength: 1, maxLength: 30 }),
  singleSource: fc.boolean(),
  counterClaims: fc.array(
    fc.record({
      quote: anyText(2000),
      document: documentRef,
      location,
      claim: fc.record({ status: fc.constantFrom('on_record', 'reported', 'anonymous_sources', 'rumoured', 'article'), source: fc.option(anyText(300)), conditional: fc.boolean() }),
    }),
    { maxLength: 8 },
  ),
  score: fc.double({ noNaN: true }),
  coverage: fc.double({ min: 0, max: 1, noNaN: true }),
  matched: fc.array(fc.string()),
  highlights: fc.array(fc.record({ start: fc.integer({ min: -10, max: 7000 }), end: fc.integer({ min: -10, max: 7000 }) }), { maxLength: 40 }),
  claim: fc.record({ status: fc.constantFrom('on_record', 'reported', 'anonymous_sources', 'rumoured', 'article'), source: fc.option(anyText(1000), { nil: null }), conditional: fc.boolean() }),
});
export const answerResult: fc.Arbitrary<AnswerResult> = fc.oneof(
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
