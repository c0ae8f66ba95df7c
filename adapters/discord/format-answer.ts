import type { APIEmbed } from 'discord.js';
import { claimLabel } from '../../src/answer/claim-label.js';
import type { AnswerResult, Answered, Citation, NoAnswer } from '../../src/answer/result.js';
import { answerButtons } from './buttons.js';
import { escapeWithin } from './escape-markdown.js';
import { disputeFields, disputeLine, sourcesLine } from './format-corroboration.js';
import { formatQuote } from './format-quote.js';
import { formatSource } from './format-source.js';
import { checked, NO_MENTIONS, withFieldsWithin, type OutgoingMessage } from './limits.js';
import { topicFooter } from './topic.js';

export const ANSWER_COLOR = 0x3b82f6;
export const DECLINE_COLOR = 0x9ca3af;

/**
 * Every part has a fixed budget, so any answer fits Discord's limits by construction:
 * - description ≤ 7 + 400 + 2 + 2 + 1,500 + 1 + 206 + 1 + 600 (SOURCE_LINE_MAX) + 1 + 300
 *   (SOURCES_LINE_MAX) = 3,020 < 4,096;
 * - the best claim's "Disputed" fields (at most 2) ≤ 2 × (141 + 1,000) (DETAIL_FIELD_MAX), so with
 *   the topic footer (≤ 507) the embed is ≤ 3,020 + 2,282 + 507 = 5,809 < 6,000: they are
 *   always shown;
 * - a further citation's field ≤ 200 + 1,014 (see `citationField`); they are added after the
 *   disputes while the embed stays ≤ 6,000 (`withFieldsWithin`), so on huge inputs they are
 *   the part left out.
 * The property tests check it for any input.
 */
const BUDGET = { question: 400, bestQuote: 1500, label: 200, moreQuote: 380, disputedQuote: 290, message: 600, suggestion: 200 } as const;
/** Besides the best quote, at most this many citations are shown as fields (the issue asks for two). */
const MORE_CITATIONS = 2;
/** Counter-claims of the best quote shown as fields of their own. */
const DISPUTES_SHOWN = 2;
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
    // Who else reports it is said on its own line, so the source line leaves it out.
    formatSource(best, { others: false }),
    sourcesLine(best) ?? (best.singleSource ? SINGLE_SOURCE_NOTE : undefined),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const embed: APIEmbed = {
    color: ANSWER_COLOR,
    description,
    footer: topicFooter(options.topic ?? result.question),
  };
  // Denials of the best claim sit right beside it; further citations follow while they fit.
  const fields = [...disputeFields(best, DISPUTES_SHOWN), ...rest.slice(0, MORE_CITATIONS).map((c) => citationField(c))];
  return { embeds: [withFieldsWithin(embed, fields)], components: answerButtons(best.key, options), allowedMentions: NO_MENTIONS };
}

/**
 * One more citation as an embed field: the claim label as its name; the quote, its source line
 * and — unless `disputes: false` (the caller shows them in full) — who disputes it as its value.
 * Value ≤ 2 + 380 + 1 + 600 = 983 undisputed, ≤ 2 + 290 + 1 + 600 + 1 + 120 = 1,014 disputed.
 */
export function citationField(citation: Citation, options: { disputes?: boolean } = {}): { name: string; value: string } {
  const disputed = options.disputes === false ? undefined : disputeLine(citation);
  const quote = formatQuote(citation.quote, citation.highlights, disputed === undefined ? BUDGET.moreQuote : BUDGET.disputedQuote, { newline: '\n> ' });
  return {
    name: escapeWithin(claimLabel(citation.claim), BUDGET.label),
    value: [`> ${quote}`, formatSource(citation), ...(disputed === undefined ? [] : [disputed])].join('\n'),
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
