import type { APIEmbed } from 'discord.js';
import { CLAIM_STATUS_MEANING, claimLabel } from '../../src/answer/claim-label.js';
import type { Citation, DocumentRef } from '../../src/answer/result.js';
import type { Engine } from '../../src/answer/engine.js';
import type { ClaimStatus } from '../../src/claims/attribute-claims.js';
import { ANSWER_COLOR, citationField } from './format-answer.js';
import { disputeFields, wordingFields } from './format-corroboration.js';
import { formatQuote } from './format-quote.js';
import { documentParts, linkPart } from './format-source.js';
import { checked, NO_MENTIONS, withFieldsWithin, type OutgoingMessage } from './limits.js';
import { WORDING } from './wording.js';

// Replies that show the knowledge base itself: /sources, /about, "More sources", "Show context".

const SOURCES_BUDGET = 3900;
/** Passages shown by "More sources"; each with at most this many other wordings and disputes. */
const MORE_SOURCES_SHOWN = 4;
const DETAILS_SHOWN = 2;
const CONTEXT_BUDGET = 3300;

/**
 * `/sources`: every document with title, publisher, date and link, as many as fit.
 *
 * @example formatSources(engine.documents).embeds?.[0]?.title // 'Sources'
 */
export function formatSources(documents: readonly DocumentRef[]): OutgoingMessage {
  const lines: string[] = [];
  let length = 0;
  for (const [i, document] of documents.entries()) {
    const line = `• ${[...documentParts(document), ...linkPart(document.url)].join(' · ')}`;
    const more = `…and ${documents.length - i} more`;
    if (length + line.length + 1 + more.length + 1 > SOURCES_BUDGET) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  const description = lines.length > 0 ? lines.join('\n') : 'No documents are loaded.';
  return checked({ embeds: [{ color: ANSWER_COLOR, title: 'Sources', description }], allowedMentions: NO_MENTIONS });
}

/** `/about`: what the bot is, and the one table of what each claim label means. */
export function formatAbout(documentCount: number): OutgoingMessage {
  const description = [
    `I answer questions about a reported peace deal from ${documentCount} document${documentCount === 1 ? '' : 's'} I hold, and only from them.`,
    'Every answer is a verbatim quote with its source and who claims it; I never write a summary of my own. When the documents do not say, I say so.',
    '',
    'Ask with `/ask`, by mentioning me, or in a direct message. Reply to my answer with a short follow-up ("what about Crimea?") to keep the topic.',
  ].join('\n');
  const statuses = Object.keys(CLAIM_STATUS_MEANING) as ClaimStatus[];
  const fields = statuses.map((status) => ({ name: claimLabel({ status, source: null, conditional: false }), value: CLAIM_STATUS_MEANING[status] }));
  fields.push({ name: '… · hypothetical (might/could/would/if)', value: 'added to any label when the sentence is conditional' });
  const embed: APIEmbed = { color: ANSWER_COLOR, title: 'About dealdesk', description, fields };
  return checked({ embeds: [embed], allowedMentions: NO_MENTIONS });
}

/**
 * "More sources": other passages most like the cited one, each followed by the other documents'
 * own wordings of it ("Also reported — …") and the passages disputing it ("⚠️ Disputed — …").
 * At most 4 × (1 + 2 + 2) = 20 fields, each within its budget (≤ 200 + 1,014); they are added in
 * order while the embed stays ≤ 6,000 (the first always fits), so on long passages the last
 * ones are left out.
 */
export function formatMoreSources(similar: readonly Citation[]): OutgoingMessage {
  if (similar.length === 0) return notice(WORDING.noSimilar);
  const fields = similar
    .slice(0, MORE_SOURCES_SHOWN)
    .flatMap((c) => [citationField(c, { disputes: false }), ...wordingFields(c, DETAILS_SHOWN), ...disputeFields(c, DETAILS_SHOWN)]);
  const embed = withFieldsWithin({ color: ANSWER_COLOR, title: 'More sources' }, fields);
  return checked({ embeds: [embed], allowedMentions: NO_MENTIONS });
}

/** "Show context": the paragraph around the quote, with the quote itself in bold. */
export function formatContext(context: NonNullable<ReturnType<Engine['context']>>, citation: Citation | undefined): OutgoingMessage {
  const offset = context.location.start;
  const highlight = citation ? [{ start: citation.location.start - offset, end: citation.location.end - offset }] : [];
  const heading = [...documentParts(context.document), `paragraph ${context.location.paragraph}`, ...linkPart(context.document.url)].join(' · ');
  const description = `${heading}\n\n> ${formatQuote(context.paragraph, highlight, CONTEXT_BUDGET, { newline: '\n> ' })}`;
  return checked({ embeds: [{ color: ANSWER_COLOR, title: 'Context', description }], allowedMentions: NO_MENTIONS });
}

/** A short plain-text reply: a notice, thanks or an apology from WORDING. */
export function notice(text: string): OutgoingMessage {
  return checked({ content: text, allowedMentions: NO_MENTIONS });
}
