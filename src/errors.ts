/**
 * One registry of error codes. Errors are for bugs and bad configuration; every message names
 * the file, field or variable at fault and says how to fix it. Expected outcomes (a question the
 * documents don't answer, a bad question) are typed results, never errors.
 */
export const ERROR_CODES = {
  KNOWLEDGE_DIR_MISSING: 'knowledge folder not found',
  KNOWLEDGE_INVALID: 'knowledge folder has invalid files',
  SNAPSHOT_INVALID: 'index snapshot is invalid',
  CONFIG_INVALID: 'configuration is invalid',
  EVAL_INVALID: 'evaluation set is invalid',
  WORD_VECTORS_INVALID: 'word vectors package is missing or damaged',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DealdeskError extends Error {
  override readonly name = 'DealdeskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Individual problems, each a full sentence naming file/field and fix. */
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
  }
}
