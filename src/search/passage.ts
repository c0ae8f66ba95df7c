import { z } from 'zod';
import { ClaimSchema } from '../claims/attribute-claims.js';

/**
 * `location`: a place in a locative phrase ("in Alaska", "at the White House"), what "where" asks
 * for; `duration`: a length of time ("for three years", "since 2014", "a two-week truce"), what
 * "how long" asks for; `sequence`: an order in time ("shortly after", "follows", "ahead of"),
 * what "before" and "after" ask about.
 */
export const HintSchema = z.enum(['person', 'place', 'time', 'date', 'number', 'age', 'reason', 'share', 'location', 'duration', 'sequence']);
export type Hint = z.infer<typeof HintSchema>;
/** The kinds of answer a question word asks for (an order in time is asked beside one: ParsedQuestion.sequence). */
export type AnswerHint = Exclude<Hint, 'sequence'>;

/** One sentence of one document: the unit that is searched and quoted. */
export const PassageSchema = z.object({
  /** Stable id: `<document id>#p<paragraph>s<sentence>`. */
  id: z.string(),
  /** Short stable key (12 hex digits of a hash of document id and sentence) for button ids. */
  key: z.string().regex(/^[0-9a-f]{12}$/),
  /** Index into the knowledge's documents. */
  doc: z.number().int().nonnegative(),
  /** 1-based paragraph number in the document, and sentence number in the paragraph. */
  paragraph: z.number().int().positive(),
  sentence: z.number().int().positive(),
  /** Offsets of the sentence in the document body. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** Where the quote starts: the previous sentence's start when this one cannot stand alone. */
  quoteStart: z.number().int().nonnegative(),
  /**
   * The sentence points back at the one before it in its paragraph: it cannot stand alone ("In
   * return, Kyiv would…"), or says "this development", "these terms". Ranking credits it in part
   * with what that sentence covers.
   */
  refersBack: z.boolean(),
  /** Index of the paragraph among all paragraphs of the knowledge (the paragraph index's id). */
  para: z.number().int().nonnegative(),
  /** The paragraph's offsets in the body ("Show context"). */
  paragraphStart: z.number().int().nonnegative(),
  paragraphEnd: z.number().int().positive(),
  text: z.string(),
  claim: ClaimSchema,
  /** Kinds of answer the sentence holds, for who/where/when/why/how-many questions. */
  hints: z.array(HintSchema),
  /** Tags of the people and places the sentence names ("@witkoff"), for who/where questions. */
  people: z.array(z.string()),
  places: z.array(z.string()),
});
export type Passage = z.infer<typeof PassageSchema>;

/** The fields each passage is indexed by, as space-separated search terms. */
export interface IndexedFields {
  id: number;
  text: string;
  tags: string;
  speaker: string;
}

/** A paragraph, indexed separately as the sentences' weaker context (one entry, not one per sentence). */
export interface ParagraphFields {
  id: number;
  context: string;
  /** The title of the paragraph's document. */
  title: string;
}
