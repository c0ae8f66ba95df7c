// Invisible and direction-changing marks, and C0/C1 control characters other than whitespace.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Platform mention syntax: Discord <@id>, <@&id>, <#id>; Slack <@U…>, <!channel>, <!subteam^…>; @everyone/@here.
const MENTIONS = /<[@#!][^<>\s]*>|@(?:everyone|here|channel)\b/gi;

/**
 * Makes any input safe to search: removes lone surrogates, control characters, zero-width and
 * bidi marks, and mention syntax; collapses whitespace. Never throws.
 *
 * @example sanitizeQuestion('  <@123> what about\u200B Crimea?\n') // 'what about Crimea?'
 */
export function sanitizeQuestion(raw: string): string {
  return String(raw ?? '')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(MENTIONS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
