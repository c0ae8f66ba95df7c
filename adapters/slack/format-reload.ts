import type { ReloadResult } from '../../src/answer/engine-host.js';
import { notice } from './format-blocks.js';
import { SLACK_LIMITS, type SlackMessage } from './limits.js';
import { fallbackText, MrkdwnWriter } from './mrkdwn.js';
import { WORDING } from './wording.js';

/** Problems listed in the reply; the log has every one. */
export const PROBLEMS_SHOWN = 5;
/**
 * Fixed budgets keep the section under Slack's 3,000 characters whatever the problems say:
 * 48 (heading) + 5 × (3 + 400) + 1 + 60 (the "more" line) = 2,124; a failure without problems
 * shows its message (≤ 2,000). Escaping counts against the budgets, so `&` costs five.
 */
const PROBLEM_MAX = 400;
const MESSAGE_MAX = 2000;

/**
 * The admin's reply to `/dealdesk reload`: the new index's size, or why the rebuild failed.
 * Each problem names the file and the fix; file names and messages are escaped for mrkdwn.
 *
 * @example formatReload({ ok: true, documents: 3, sentences: 9, changed: true, ms: 12 }).text // 'Reloaded: 3 documents, 9 sentences (changed) in 12 ms'
 */
export function formatReload(result: ReloadResult): SlackMessage {
  if (result.ok) return notice(WORDING.reloaded(result));
  const problems = result.problems.map(oneLine).filter((p) => p !== '');
  const lines =
    problems.length > 0
      ? [
          ...problems.slice(0, PROBLEMS_SHOWN).map((p) => `• ${new MrkdwnWriter(PROBLEM_MAX).text(p).toString()}`),
          ...(problems.length > PROBLEMS_SHOWN ? [new MrkdwnWriter(PROBLEM_MAX).text(WORDING.moreProblems(problems.length - PROBLEMS_SHOWN)).toString()] : []),
        ]
      : [new MrkdwnWriter(MESSAGE_MAX).text(oneLine(result.message) || 'unknown error').toString()];
  const section = new MrkdwnWriter(SLACK_LIMITS.sectionText).text(WORDING.reloadFailed);
  // Each line is already escaped and within its budget, so it is written whole as our own text.
  for (const line of lines) section.raw(`\n${line}`);
  return {
    text: fallbackText([WORDING.reloadFailed, ...(problems.length > 0 ? problems : [result.message])], SLACK_LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: section.toString() } }],
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
