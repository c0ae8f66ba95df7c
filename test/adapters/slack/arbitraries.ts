import fc from 'fast-check';
import type { Answered, Citation, DocumentRef, NoAnswer } from '../../../src/answer/result.js';

/** Mention and markup syntax an attacker (or an unlucky document) might contain. */
export const HOSTILE_PIECES = ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM>', '<@W0VICTIM|boss>', '<!subteam^S0TEAM|@team>', '<#C0OTHER>', '<https://evil.test|click>', '&', '&amp;', '&lt;', '<', '>', '*', '_', '~', '`', '|', '\n', '\r\n', '\u2028', '👍🏽', '\uD800', ' '];

/** Any text, often laced with hostile pieces; up to `max` code units per piece. */
export function hostileText(max = 200): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: max }), fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme-ascii', maxLength: max })), { maxLength: 12 })
    .map((parts) => parts.join(''));
}

const nonEmpty = (max: number): fc.Arbitrary<string> => hostileText(max).map((s) => (s === '' ? 'x' : s));

export const documentArb: fc.Arbitrary<DocumentRef> = fc.record(
  {
    id: nonEmpty(40),
    title: nonEmpty(600),
    publisher: hostileText(200),
    url: fc.oneof(fc.webUrl(), hostileText(100), fc.constant('https://example.test/a|b<c>d e')),
    published: fc.constantFrom('2025-08-17', '2025-08-17T10:00:00Z', 'garbage'),
  },
  { requiredKeys: ['id', 'title'] },
);

const claimArb = fc.record({ status: fc.constantFrom('on_record', 'reported', 'anonymous_sources', 'rumoured', 'article'), source: fc.option(hostileText(300), { nil: null }), conditional: fc.boolean() });

const locationArb = fc.record({ paragraph: fc.integer({ min: 1, max: 500 }), sentence: fc.integer({ min: 1, max: 99 }), start: fc.nat(10_000), end: fc.integer({ min: 1, max: 20_000 }) });

export const citationArb: fc.Arbitrary<Citation> = fc
  .record({
    quote: hostileText(1500),
    document: documentArb,
    location: locationArb,
    others: fc.array(fc.record({ document: documentArb, location: locationArb, quote: hostileText(500) }, { requiredKeys: ['document', 'location'] }), { maxLength: 30 }),
    counterClaims: fc.array(fc.record({ quote: hostileText(1500), document: documentArb, location: locationArb, claim: claimArb }), { maxLength: 5 }),
    key: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), hostileText(100)),
    // Offsets may be out of range, reversed or overlapping: the formatter must cope.
    highlights: fc.array(fc.record({ start: fc.integer({ min: -5, max: 7000 }), end: fc.integer({ min: -5, max: 7000 }) }), { maxLength: 40 }),
    claim: claimArb,
  })
  .map(({ quote, document, location, others, counterClaims, key, highlights, claim }) => ({
    id: `${document.id}#p1s1`,
    key,
    quote,
    includesPrevious: false as boolean,
    document,
    location,
    sources: [{ document, location }, ...others],
    singleSource: others.length === 0,
    counterClaims,
    score: 1,
    coverage: 1,
    matched: [],
    highlights,
    claim,
  }));

export const answeredArb: fc.Arbitrary<Answered> = fc
  .record({ question: hostileText(600), citations: fc.array(citationArb, { minLength: 1, maxLength: 6 }) })
  .map((r) => ({ status: 'answered' as const, ...r }));

export const noAnswerArb: fc.Arbitrary<NoAnswer> = fc.record({
  status: fc.constant('no_answer' as const),
  question: hostileText(600),
  citations: fc.constant([]),
  reason: fc.constantFrom('empty', 'too_long', 'no_content', 'not_covered'),
  message: nonEmpty(400),
  suggestions: fc.array(hostileText(400), { maxLength: 8 }),
});

/** Every live mention or link Slack would act on, as it could appear in a message's JSON. */
export const LIVE_MENTION = /<[!@#]/;
