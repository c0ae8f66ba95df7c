import type { ReloadResult } from '../../src/answer/engine-host.js';
import { escapeWithin } from './escape-markdown.js';
import { notice } from './format-reference.js';
import type { OutgoingMessage } from './limits.js';
import { WORDING } from './wording.js';

/** Problems listed in the reply; the log has every one. */
const PROBLEMS_SHOWN = 5;
/**
 * Fixed budgets keep the reply under Discord's 2,000 characters: 48 (intro) + 5 × (1 + 2 + 300)
 * + 1 + 70 (the "more" line) = 1,634; a failure without problems shows its message (≤ 1,500).
 */
const PROBLEM_MAX = 300;
const MESSAGE_MAX = 1500;

/**
 * The admin's reply to `/dealdesk reload`: the new index's size, or why the rebuild failed (each
 * problem names the file and the fix; markdown-escaped, since file names hold `_` and `*`).
 *
 * @example formatReload({ ok: true, documents: 3, sentences: 9, changed: true, ms: 12 }).content // 'Reloaded: 3 documents, 9 sentences (changed) in 12 ms'
 */
export function formatReload(result: ReloadResult): OutgoingMessage {
  if (result.ok) return notice(WORDING.reloaded(result));
  const problems = result.problems.filter((p) => oneLine(p) !== '');
  const lines =
    problems.length > 0
      ? [
          ...problems.slice(0, PROBLEMS_SHOWN).map((p) => `• ${escapeWithin(oneLine(p), PROBLEM_MAX)}`),
          ...(problems.length > PROBLEMS_SHOWN ? [WORDING.moreProblems(problems.length - PROBLEMS_SHOWN)] : []),
        ]
      : [escapeWithin(oneLine(result.message) || 'unknown error', MESSAGE_MAX)];
  return notice([WORDING.reloadFailed, ...lines].join('\n'));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
