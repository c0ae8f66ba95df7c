import { z } from 'zod';

/** The feedback logs the Discord and Slack adapters append to, in `<data>/`. */
export const FEEDBACK_FILES = ['discord-feedback.jsonl', 'slack-feedback.jsonl'] as const;

/**
 * The fields of a 👍/👎 line the report needs. Both adapters write more (question, team,
 * channel, guild, …) and may add fields later; those are ignored, not rejected.
 */
export const FeedbackVoteSchema = z.object({
  at: z.string().optional(),
  vote: z.enum(['up', 'down']),
  /** The cited passage's key (`Engine.citation(key)`). */
  key: z.string().min(1),
  /** Discord also stores the passage's stable id, which outlives a changed key. */
  passage: z.string().nullish(),
});
export type FeedbackVote = z.infer<typeof FeedbackVoteSchema>;
