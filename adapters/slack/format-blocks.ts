import { claimLabel } from '../../src/answer/claim-label.js';
import type { Answered, AnswerResult, Citation, DocumentRef, Location, NoAnswer } from '../../src/answer/result.js';
import { ACTION_IDS, feedbackValue, keyValue } from './button-values.js';
import { SLACK_LIMITS, type ActionsBlock, type Button, type ContextBlock, type SectionBlock, type SlackBlock, type SlackMessage } from './limits.js';
import { fallbackText, MrkdwnWriter } from './mrkdwn.js';
import { WORDING } from './wording.js';

/** How an answer is dressed: whether to show 👍/👎, and the earlier question a follow-up was read with. */
export interface AnswerFormat {
  feedback: boolean;
  previous?: string | undefined;
}

/** Citations shown per answer: the best and up to two more. */
export const MAX_CITATIONS = 3;
/** Citations shown for "More sources". */
export const MAX_SIMILAR = 5;
/** Denials shown under one quote; more are counted. */
export const MAX_COUNTER_CLAIMS = 2;

/**
 * The Block Kit message for any engine result: an answer with quotes, or the decline.
 *
 * @example formatResult(engine.ask('What did Witkoff say?'), { feedback: true }).blocks.length // 8
 */
export function formatResult(result: AnswerResult, format: AnswerFormat): SlackMessage {
  return result.status === 'answered' ? formatAnswer(result, format) : formatDecline(result);
}

/**
 * An answer: the question, then for each citation a section with the quote (matched words in
 * bold), a context block with the source line and the claim label, and any denials from other
 * documents; buttons for the first.
 */
export function formatAnswer(result: Answered, format: AnswerFormat): SlackMessage {
  const citations = result.citations.slice(0, MAX_CITATIONS);
  const [first] = citations;
  // The result schema guarantees one citation; without it there is nothing to quote.
  if (!first) return notice(WORDING.citationGone);
  const blocks: SlackBlock[] = [questionBlock(result.question, format.previous)];
  citations.forEach((citation, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(quoteSection(citation), sourceContext(citation), ...disputed(citation));
  });
  blocks.push(actions(first, result.question, format.feedback));
  const dispute = first.counterClaims[0] ? [`(${WORDING.disputedBy} ${first.counterClaims[0].document.title})`] : [];
  return { text: fallbackText([`“${first.quote}”`, `— ${first.document.title} (${claimLabel(first.claim)})`, ...dispute], SLACK_LIMITS.fallbackText), blocks };
}

/** A decline: the engine's reason and example questions, and no quote. */
export function formatDecline(result: NoAnswer): SlackMessage {
  const w = new MrkdwnWriter(SLACK_LIMITS.sectionText).text(result.message);
  if (result.suggestions.length > 0) {
    w.raw(`\n\n*${WORDING.youCouldAsk}*`);
    for (const suggestion of result.suggestions) w.raw('\n• ').text(suggestion);
  }
  const fallback = [result.message, ...(result.suggestions.length > 0 ? [WORDING.youCouldAsk, ...result.suggestions] : [])];
  return { text: fallbackText(fallback, SLACK_LIMITS.fallbackText), blocks: [section(w)] };
}

/** "More sources": other sentences most like the cited one, each with its source and label. */
export function formatMoreSources(original: Citation, similar: readonly Citation[]): SlackMessage {
  const head = new MrkdwnWriter(300).raw(`${WORDING.moreSourcesLike} `).text(`“${original.quote}”`);
  const [first] = similar;
  if (!first) return notice(WORDING.noMoreSources);
  const blocks: SlackBlock[] = [{ type: 'context', elements: [{ type: 'mrkdwn', text: head.toString() }] }];
  for (const citation of similar.slice(0, MAX_SIMILAR)) blocks.push(quoteSection(citation), sourceContext(citation), ...disputed(citation));
  return { text: fallbackText([WORDING.moreSourcesLike, `“${original.quote}”:`, `“${first.quote}”`], SLACK_LIMITS.fallbackText), blocks };
}

/** "Show context": the paragraph around a quote, the quote itself in bold. */
export function formatContext(citation: Citation, context: { document: DocumentRef; paragraph: string; location: Location }): SlackMessage {
  const w = new MrkdwnWriter(SLACK_LIMITS.sectionText).raw(`*${WORDING.contextFrom}* `);
  w.link(context.document.url, context.document.title).text(`, ${WORDING.paragraph} ${context.location.paragraph}:`).raw('\n> ');
  // Offsets of the quote within the paragraph; clamped, so a stale or odd location still renders.
  const from = clamp(citation.location.start - context.location.start, 0, context.paragraph.length);
  const to = clamp(citation.location.end - context.location.start, from, context.paragraph.length);
  w.text(context.paragraph.slice(0, from)).bold(context.paragraph.slice(from, to)).text(context.paragraph.slice(to));
  return {
    text: fallbackText([`${WORDING.contextFrom} ${context.document.title}:`, context.paragraph], SLACK_LIMITS.fallbackText),
    blocks: [section(w), { type: 'context', elements: [labelElement(citation)] }],
  };
}

/** A one-section message of the adapter's own (rate limit, apology, thanks). */
export function notice(text: string): SlackMessage {
  return { text: fallbackText([text], SLACK_LIMITS.fallbackText), blocks: [section(new MrkdwnWriter(SLACK_LIMITS.sectionText).text(text))] };
}

function questionBlock(question: string, previous: string | undefined): ContextBlock {
  const w = new MrkdwnWriter(SLACK_LIMITS.contextText).raw(`*${WORDING.question}* `).text(question);
  if (previous !== undefined) w.raw(' _(').text(`${WORDING.followUpTo} “${previous}”`).raw(')_');
  return { type: 'context', elements: [{ type: 'mrkdwn', text: w.toString() }] };
}

/** The quote as a block quote, matched words bold. */
function quoteSection(citation: Citation): SectionBlock {
  const w = new MrkdwnWriter(SLACK_LIMITS.sectionText).raw('> “');
  for (const part of highlightParts(citation.quote, citation.highlights)) {
    if (part.bold) w.bold(part.text);
    else w.text(part.text);
  }
  return section(w.raw('”'));
}

/** The quote cut into plain and bold runs; bold runs separated only by spaces are joined ("*Article 5*"). */
export function highlightParts(quote: string, highlights: readonly { start: number; end: number }[]): { text: string; bold: boolean }[] {
  const spans = highlights
    .map((h) => ({ start: clamp(h.start, 0, quote.length), end: clamp(h.end, 0, quote.length) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && (span.start <= last.end || /^[ \t]+$/.test(quote.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const parts: { text: string; bold: boolean }[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) parts.push({ text: quote.slice(at, span.start), bold: false });
    parts.push({ text: quote.slice(span.start, span.end), bold: true });
    at = span.end;
  }
  if (at < quote.length) parts.push({ text: quote.slice(at), bold: false });
  return parts;
}

/** Source line (linked title, publisher, date, paragraph; other documents saying the same) and the claim label. */
function sourceContext(citation: Citation): ContextBlock {
  const w = new MrkdwnWriter(SLACK_LIMITS.contextText);
  sourceLine(w, citation.document, citation.location);
  const others = citation.sources.slice(1);
  if (others.length > 0) {
    w.text(` · ${WORDING.alsoIn} `);
    others.forEach((source, i) => {
      if (i > 0) w.text(', ');
      w.link(source.document.url, source.document.title);
    });
  }
  return { type: 'context', elements: [{ type: 'mrkdwn', text: w.toString() }, labelElement(citation)] };
}

/**
 * Other documents that deny the claim, shown right under it (the core finds them), each with
 * its source and its own claim label: a reader should see the dispute, not just the claim.
 */
function disputed(citation: Citation): ContextBlock[] {
  const shown = citation.counterClaims.slice(0, MAX_COUNTER_CLAIMS);
  if (shown.length === 0) return [];
  const elements = shown.map((counter) => {
    const w = new MrkdwnWriter(SLACK_LIMITS.contextText).raw(`:warning: *${WORDING.disputedBy}* `);
    w.link(counter.document.url, counter.document.title).text(` (${claimLabel(counter.claim)}): “${counter.quote}”`);
    return { type: 'mrkdwn' as const, text: w.toString() };
  });
  const more = citation.counterClaims.length - shown.length;
  if (more > 0) elements.push({ type: 'mrkdwn', text: new MrkdwnWriter(SLACK_LIMITS.contextText).text(WORDING.moreDisputes(more)).toString() });
  return [{ type: 'context', elements }];
}

function sourceLine(w: MrkdwnWriter, document: DocumentRef, location: Location): void {
  w.link(document.url, document.title);
  const meta = [document.publisher, document.published?.slice(0, 10), `${WORDING.paragraph} ${location.paragraph}`].filter((m) => m !== undefined && m !== '');
  w.text(` · ${meta.join(' · ')}`);
}

function labelElement(citation: Citation): { type: 'mrkdwn'; text: string } {
  const w = new MrkdwnWriter(SLACK_LIMITS.contextText).bold(claimLabel(citation.claim));
  if (citation.singleSource) w.text(` · ${WORDING.singleSource}`);
  return { type: 'mrkdwn', text: w.toString() };
}

function actions(citation: Citation, question: string, feedback: boolean): ActionsBlock {
  const elements: Button[] = [
    button(WORDING.moreSourcesButton, ACTION_IDS.moreSources, keyValue(citation.key)),
    button(WORDING.showContextButton, ACTION_IDS.showContext, keyValue(citation.key)),
  ];
  if (feedback) {
    const value = feedbackValue(citation.key, question);
    elements.push(button('👍', ACTION_IDS.feedbackUp, value), button('👎', ACTION_IDS.feedbackDown, value));
  }
  return { type: 'actions', elements };
}

function button(text: string, actionId: string, value: string): Button {
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId, value };
}

function section(w: MrkdwnWriter): SectionBlock {
  // Slack rejects an empty text; a lone space cannot occur with our writers, but keep the guarantee local.
  const text = w.toString();
  return { type: 'section', text: { type: 'mrkdwn', text: text === '' ? ' ' : text } };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? n : min, min), max);
}
