import { join } from 'node:path';
import { FEEDBACK_FILES, FeedbackVoteSchema, type FeedbackVote } from './feedback-vote.js';
import { QUESTIONS_FILE } from './gap-store.js';
import { QuestionRecordSchema, type QuestionRecord } from './question-record.js';
import { readJsonLines, type JsonLines } from './read-json-lines.js';

/**
 * Reads `questions.jsonl` and both platforms' feedback logs from a data folder. Missing files
 * are empty logs: a fresh install has recorded nothing yet.
 *
 * @example const { questions, feedback } = await readGapData('data')
 */
export async function readGapData(dataDir: string): Promise<{ questions: JsonLines<QuestionRecord>; feedback: JsonLines<FeedbackVote>[] }> {
  const questions = await readJsonLines(join(dataDir, QUESTIONS_FILE), QuestionRecordSchema);
  const feedback = await Promise.all(FEEDBACK_FILES.map((file) => readJsonLines(join(dataDir, file), FeedbackVoteSchema)));
  return { questions, feedback };
}
