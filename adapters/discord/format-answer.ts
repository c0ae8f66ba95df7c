import type { APIEmbed } from 'discord.js';
import { claimLabel } from '../../src/answer/claim-label.js';
import type { AnswerResult, Answered, Citation, NoAnswer } from '../../src/answer/result.js';
import { answerButtons } from './buttons.js';
import { escapeWithin } from './escape-markdown.js';
import { formatQuote } from './format-quote.js';
import { formatSource } from './format-source.js';
import { checked, NO_MENTIONS, type OutgoingMessage } from './limits.js';
import { topicFooter } from './topic.js';

export const ANSWER_COLOR = 0x3b82f6;
export const DECLINE_COLOR = 0x9ca3af;

/**
 * Every part has a fixed budget, so any answer fits Discord's limits by construction (with a
 * source line ≤ SOURCE_LINE_MAX = 600): description ≤ 8 + 400 + 4 + 1,500 + 200 + 8 + 600 + 60
 * < 4,096; a field value ≤ 2 + 380 + 1 + 600 ≤ 1,024; the whole embed ≤ 2,800 + 2 × (200 + 983)
 * + 507 < 6,000. The property tests check it for any input.
 */
const BUDGET = { question: 400, bestQuote: 1500, label: 200, moreQuote: 380, message: 600, suggestion: 200 } as const;
/** Besides the best quote, at most this many citations are shown as fields (the issue asks for two). */
const MORE_CITATIONS = 2;
const SINGLE_SOURCE_NOTE = '_Single source: only one document supports this._';

export interface AnswerOptions {
  /** Show 👍/👎 buttons. */
  feedback: boolean;
  /** The conversation's first question when this answers a follow-up; recorded for the next one. */
  topic?: string;
}

/**
 * The reply to a question: an answer embed with buttons, or the decline text with example
 * questions and no quote. Checked against Discord's limits.
 *
 * @example formatAnswer(engine.ask('What did Witkoff say about Article 5?'), { feedback: true }).embeds?.[0]?.description
 */
export function formatAnswer(result: AnswerResult, options: AnswerOptions): OutgoingMessage {
  return checked(result.status === 'answered' ? formatAnswered(result, options) : formatDeclined(result));
}

function formatAnswered(result: Answered, options: AnswerOptions): OutgoingMessage {
  const [best, ...rest] = result.citations;
  // The result schema guarantees a citation; this only satisfies the type checker.
  if (!best) throw new Error('an answered result has no citation');
  const description = [
    questionLine(result.question),
    '',
    `> ${formatQuote(best.quote, best.highlights, BUDGET.bestQuote, { newline: '\n> ' })}`,
    `— **${escapeWithin(claimLabel(best.claim), BUDGET.label)}**`,
    formatSource(best),
    ...(best.singleSource ? [SINGLE_SOURCE_NOTE] : []),
  ].join('\n');
  const embed: APIEmbed = {
    color: ANSWER_COLOR,
    description,
    footer: topicFooter(options.topic ?? result.question),
  };
  const fields = rest.slice(0, MORE_CITATIONS).map(citationField);
  if (fields.length > 0) embed.fields = fields;
  return { embeds: [embed], components: answerButtons(best.key, options), allowedMentions: NO_MENTIONS };
}

/** One more citation as an embed field: the claim label as its name, the quote and source line as its value. */
export function citationField(citation: Citation): { name: string; value: string } {
  return {
    name: escapeWithin(claimLabel(citation.claim), BUDGET.label),
    value: `> ${formatQuote(citation.quote, citation.highlights, BUDGET.moreQuote, { newline: '\n> ' })}\n${formatSource(citation)}`,
  };
}

function formatDeclined(result: NoAnswer): OutgoingMessage {
  const suggestions = result.suggestions.slice(0, 5).map((s) => `• ${escapeWithin(oneLine(s), BUDGET.suggestion)}`);
  const description = [
    ...(oneLine(result.question) === '' ? [] : [questionLine(result.question), '']),
    escapeWithin(oneLine(result.message), BUDGET.message) || "The documents don't say.",
    ...(suggestions.length > 0 ? ['', '**Questions I can answer, for example:**', ...suggestions] : []),
  ].join('\n');
  return { embeds: [{ color: DECLINE_COLOR, description }], allowedMentions: NO_MENTIONS };
}

/** The question, echoed on one line with its markdown escaped (it is user text). */
function questionLine(question: string): string {
  return `**Q:** ${escapeWithin(oneLine(question), BUDGET.question)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
