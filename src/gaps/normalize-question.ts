/**
 * The form under which questions are counted together: Unicode-normalised, lower-case, runs of
 * whitespace made one space, punctuation and symbols trimmed from both ends. "Who won the
 * Super Bowl?" and " who won the super  bowl" are one question; inner punctuation stays
 * ("U.S." ≠ "us").
 *
 * @example normalizeQuestion('  Who won the  Super Bowl?! ') // 'who won the super bowl'
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
}
