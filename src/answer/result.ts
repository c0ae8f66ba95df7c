import { z } from 'zod';
import { ClaimSchema } from '../claims/attribute-claims.js';

/** The source document of a citation, as readers see it. */
export const DocumentRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
});
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

/** Where a quote sits: 1-based paragraph and sentence numbers; `start`/`end` are offsets of the quote in the body. */
export const LocationSchema = z.object({
  paragraph: z.number().int().positive(),
  sentence: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Location = z.infer<typeof LocationSchema>;

export const CitationSchema = z.object({
  /** Stable passage id (`<document id>#p<paragraph>s<sentence>`), e.g. for "Show context". */
  id: z.string(),
  /** Short stable key of the passage (fits platform button ids); `Engine.citation/similar/context` take it. */
  key: z.string(),
  /** Verbatim: `document body.slice(location.start, location.end)`. */
  quote: z.string(),
  /** True when the quote begins with the previous sentence, because this one cannot stand alone. */
  includesPrevious: z.boolean(),
  document: DocumentRefSchema,
  location: LocationSchema,
  /**
   * Every document that supports the claim, newest report first on ties: the first is `document`;
   * others state the same sentence or nearly the same (their own words then in `quote`).
   */
  sources: z.array(z.object({ document: DocumentRefSchema, location: LocationSchema, quote: z.string().optional() })).min(1),
  /** Only one document supports the claim. */
  singleSource: z.boolean(),
  /** Passages of other documents that deny or negate this claim, shown beside it. */
  counterClaims: z.array(z.object({ quote: z.string(), document: DocumentRefSchema, location: LocationSchema, claim: ClaimSchema })),
  /** Ranking score (higher is better; comparable within one answer only). */
  score: z.number(),
  /** Share of the question's content this sentence covers, 0..1. */
  coverage: z.number().min(0).max(1),
  /** The words of the quote that matched the question, in order of appearance. */
  matched: z.array(z.string()),
  /** Offsets of the matched words within `quote`, for highlighting. */
  highlights: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })),
  claim: ClaimSchema,
});
export type Citation = z.infer<typeof CitationSchema>;

export const NoAnswerReasonSchema = z.enum(['empty', 'too_long', 'no_content', 'not_covered']);
export type NoAnswerReason = z.infer<typeof NoAnswerReasonSchema>;

/** What `Engine.ask` returns, and what `dealdesk ask --json` prints: one object per question. */
export const AnswerResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('answered'),
    /** The question as searched (control characters, mentions and invisible marks removed). */
    question: z.string(),
    citations: z.array(CitationSchema).nonempty(),
  }),
  z.object({
    status: z.literal('no_answer'),
    question: z.string(),
    citations: z.array(CitationSchema).length(0),
    reason: NoAnswerReasonSchema,
    /** A short sentence for the reader. */
    message: z.string(),
    /** Example questions the knowledge base does answer. */
    suggestions: z.array(z.string()),
  }),
]);
export type AnswerResult = z.infer<typeof AnswerResultSchema>;
export type Answered = Extract<AnswerResult, { status: 'answered' }>;
export type NoAnswer = Extract<AnswerResult, { status: 'no_answer' }>;
