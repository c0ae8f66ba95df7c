import { z } from 'zod';

const DocumentSchema = z.object({ id: z.string(), title: z.string() });

/** What `dealdesk report --json` prints: one object. */
export const CoverageReportSchema = z.object({
  dataDir: z.string(),
  knowledgeDir: z.string(),
  questions: z.object({
    /** Lines recorded, of each kind. */
    declined: z.number().int().nonnegative(),
    lowConfidence: z.number().int().nonnegative(),
    cited: z.number().int().nonnegative(),
    /** Lines of questions.jsonl that were not valid records. */
    skippedLines: z.number().int().nonnegative(),
  }),
  /** Distinct unanswered questions (declined or low confidence), before `--top`. */
  unansweredDistinct: z.number().int().nonnegative(),
  /** The most frequent unanswered questions, most frequent first (at most `--top`). */
  unanswered: z.array(
    z.object({
      /** Normalised form (lower-case, spaces collapsed, end punctuation trimmed). */
      question: z.string(),
      count: z.number().int().positive(),
      declined: z.number().int().nonnegative(),
      lowConfidence: z.number().int().nonnegative(),
      /** As last asked, before normalising. */
      example: z.string(),
      lastAsked: z.string(),
    }),
  ),
  feedback: z.object({
    up: z.number().int().nonnegative(),
    down: z.number().int().nonnegative(),
    skippedLines: z.number().int().nonnegative(),
    /** Distinct citations voted on, before `--top`. */
    citations: z.number().int().nonnegative(),
    /** Votes per citation, most down-votes first (at most `--top`). */
    byCitation: z.array(
      z.object({
        key: z.string(),
        up: z.number().int().nonnegative(),
        down: z.number().int().nonnegative(),
        /** The quoted text and its document, when the passage is still in the knowledge. */
        quote: z.string().optional(),
        document: DocumentSchema.optional(),
      }),
    ),
  }),
  /** Documents no recorded answer or vote ever cited. */
  neverCited: z.array(DocumentSchema),
  documents: z.number().int().nonnegative(),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
