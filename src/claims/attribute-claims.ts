import { z } from 'zod';
import type { SentenceSpan } from '../text/split-sentences.js';
import {
  ACCORDING_TO,
  AGENTLESS_SIP,
  ANONYMITY_QUALIFIERS,
  ANONYMOUS_HEADS,
  CONTINUATION_OPENERS,
  HEDGES,
  OUTLET,
  MODALS,
  REPORTED_ADVERB,
  REPORTED_BY,
  REPORT_HEADS,
  REPORTING_VERBS,
  RUMOUR_CUE,
  TELLING_VERBS,
} from './cues.js';

export const ClaimStatusSchema = z.enum(['on_record', 'reported', 'anonymous_sources', 'rumoured', 'article']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

/** Who stands behind a sentence, and how firmly. */
export const ClaimSchema = z.object({
  status: ClaimStatusSchema,
  /** The source as the document writes it ("Steve Witkoff", "the Sun", "Western diplomats, via Reuters"), or null. */
  source: z.string().nullable(),
  /** True where a modal or condition (might, could, would, may, if…) makes the claim hypothetical. */
  conditional: z.boolean(),
});
export type Claim = z.infer<typeof ClaimSchema>;

type Tok = SentenceSpan['tokens'][number];
interface Cue {
  status: ClaimStatus;
  source: string | null;
}

/**
 * Labels every sentence of one paragraph. Cue lexicons find the attribution; parts of speech
 * find the source phrase and the scope of modals; quotations that span sentences and
 * continuation sentences ("In return, Kyiv would…") carry the attribution of the sentence they
 * continue. `names` lists the fuller names seen so far in the document, so "Witkoff" is
 * reported as "Steve Witkoff".
 *
 * @example attributeParagraph('X said it.', spans, []) // [{ status: 'on_record', source: 'X', conditional: false }]
 */
export function attributeParagraph(paragraph: string, sentences: readonly SentenceSpan[], names: string[]): Claim[] {
  const quoteDepthAtStart = openQuoteAtSentenceStart(paragraph, sentences);
  // Cues in reading order, so "He said" can refer to a name from an earlier sentence.
  const cues = sentences.map((s, i) => {
    const cue = findCue(paragraph, s, names, quoteDepthAtStart[i] ?? false);
    rememberNames(s, names);
    return cue;
  });
  const claims: Claim[] = [];
  sentences.forEach((sentence, i) => {
    let cue = cues[i] ?? null;
    // Sentences inside a quotation that began earlier belong to the quote's speaker.
    if (!cue && quoteDepthAtStart[i]) cue = quoteSpeaker(cues, quoteDepthAtStart, i);
    const text = paragraph.slice(sentence.start, sentence.end);
    const previous = claims[i - 1];
    if (!cue && previous && previous.status !== 'article' && CONTINUATION_OPENERS.test(text)) {
      cue = { status: previous.status, source: previous.source };
    }
    claims.push({ status: cue?.status ?? 'article', source: cue?.source ?? null, conditional: isConditional(sentence) });
  });
  return claims;
}

/** For each sentence: does it start inside a quotation opened in an earlier sentence? */
function openQuoteAtSentenceStart(paragraph: string, sentences: readonly SentenceSpan[]): boolean[] {
  let open = false;
  let at = 0;
  const result: boolean[] = [];
  for (const s of sentences) {
    for (; at < s.start; at++) open = toggle(paragraph[at], open);
    result.push(open);
  }
  return result;
}

function toggle(ch: string | undefined, open: boolean): boolean {
  if (ch === '“') return true;
  if (ch === '”') return false;
  if (ch === '"') return !open;
  return open;
}

/** The cue of the sentence that opened the quotation, or of the sentence that closes it ("…,” he said). */
function quoteSpeaker(cues: (Cue | null)[], inQuote: boolean[], i: number): Cue | null {
  for (let j = i; j >= 0; j--) {
    if (!inQuote[j]) return cues[j] ?? null;
  }
  for (let j = i + 1; j < cues.length; j++) {
    if (!inQuote[j]) return cues[j] ?? null;
  }
  return null;
}

function findCue(paragraph: string, sentence: SentenceSpan, names: readonly string[], startsInQuote: boolean): Cue | null {
  const text = paragraph.slice(sentence.start, sentence.end);
  // A sentence that starts inside a quotation is quoted up to the closing mark.
  const outside = startsInQuote ? stripQuotedText(`“${text}`).slice(1) : stripQuotedText(text);
  if (RUMOUR_CUE.test(outside)) return { status: 'rumoured', source: null };

  const byOutlet = REPORTED_BY.exec(outside);
  if (byOutlet?.[1]) return { status: 'reported', source: byOutlet[1].trim().replace(/\.$/, '') };

  const tokens = sentence.tokens.filter((t) => outside[t.start - sentence.start] !== ' ');
  const verbAt = tokens.findIndex((t, i) => REPORTING_VERBS.has(t.text.toLowerCase()) && actsAsVerb(tokens, i));
  const adverb = REPORTED_ADVERB.exec(outside);
  if (adverb && (verbAt < 0 || tokens.findIndex((t) => t.text.toLowerCase() === adverb[1]?.toLowerCase()) < verbAt)) {
    return { status: 'reported', source: null };
  }
  if (AGENTLESS_SIP.test(outside)) return { status: 'anonymous_sources', source: null };
  if (verbAt >= 0) {
    const lead = paragraph.slice(sentence.start, tokens[verbAt]?.start ?? sentence.start).trim().replace(/,$/, '');
    // "People familiar with the talks said …": the qualifier makes the whole lead the source.
    if (ANONYMITY_QUALIFIERS.test(lead)) return { status: 'anonymous_sources', source: lead };
    const cue = cueFromSubject(paragraph, tokens, verbAt, names);
    if (cue) return cue;
  }
  const according = ACCORDING_TO.exec(outside);
  if (according?.[1]) return classifySource(according[1].trim(), names);
  return null;
}

/** "Western diplomats informed Reuters that…": the subject phrase before the reporting verb decides. */
function cueFromSubject(paragraph: string, tokens: Tok[], verbAt: number, names: readonly string[]): Cue | null {
  let end = verbAt; // exclusive
  // Skip auxiliaries and adverbs between subject and verb ("has also said").
  while (end > 0 && ['AUX', 'ADV', 'PART'].includes(tokens[end - 1]?.pos ?? '')) end--;
  // Skip an aside between commas ("Steve Witkoff, a key associate of …, confirmed").
  if (tokens[end - 1]?.text === ',') {
    let j = end - 2;
    while (j >= 0 && tokens[j]?.text !== ',') j--;
    if (j > 0) end = j;
  }
  let start = end;
  while (start > 0 && SUBJECT_POS.has(tokens[start - 1]?.pos ?? '') && tokens[start - 1]?.text !== ',') start--;
  if (start === end) {
    // "…, said Witkoff": the source follows the verb.
    let after = verbAt + 1;
    while (after < tokens.length && tokens[after]?.pos === 'PROPN') after++;
    if (after > verbAt + 1) return classifySource(spanText(paragraph, tokens, verbAt + 1, after), names);
    return null;
  }
  const subjectTokens = tokens.slice(start, end);
  if (subjectTokens.every((t) => t.pos === 'PRON')) {
    const pronoun = subjectTokens[0]?.text.toLowerCase() ?? '';
    if (!['he', 'she'].includes(pronoun)) return null; // "we", "it", "they": not resolvable here
    const last = names[names.length - 1];
    return last ? { status: 'on_record', source: last } : null;
  }
  const subject = spanText(paragraph, tokens, start, end);
  const cue = classifySource(subject, names);
  const verb = tokens[verbAt]?.text.toLowerCase() ?? '';
  // "informed Reuters" / "told the Guardian": the channel, after an optional determiner.
  const objectStart = tokens[verbAt + 1]?.pos === 'DET' && tokens[verbAt + 2]?.pos === 'PROPN' ? verbAt + 2 : verbAt + 1;
  if (TELLING_VERBS.has(verb) && tokens[objectStart]?.pos === 'PROPN' && cue.status !== 'on_record') {
    let after = objectStart;
    while (after < tokens.length && tokens[after]?.pos === 'PROPN') after++;
    return { ...cue, source: `${cue.source ?? subject}, via ${spanText(paragraph, tokens, verbAt + 1, after)}` };
  }
  return cue;
}

/**
 * The tagger sometimes reads a participle as an adjective ("Western diplomats informed(ADJ)
 * Reuters"); between a noun phrase and a name or "that" it is still the verb.
 */
function actsAsVerb(tokens: Tok[], i: number): boolean {
  const pos = tokens[i]?.pos;
  if (pos === 'VERB') return true;
  if (pos !== 'ADJ') return false;
  const before = tokens[i - 1]?.pos ?? '';
  const after = tokens[i + 1];
  return ['NOUN', 'PROPN', 'PRON'].includes(before) && (after?.pos === 'PROPN' || after?.text.toLowerCase() === 'that');
}

const SUBJECT_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);

/** Decides what kind of source a phrase names. */
function classifySource(phrase: string, names: readonly string[]): Cue {
  const words = phrase.toLowerCase().split(/\s+/);
  const head = words[words.length - 1] ?? '';
  if (REPORT_HEADS.has(head)) {
    const generic = words.every((w) => REPORT_HEADS.has(w) || ['the', 'some', 'several', 'recent', 'media', 'news'].includes(w));
    return { status: 'reported', source: generic ? null : phrase };
  }
  if (ANONYMOUS_HEADS.has(head) || ANONYMITY_QUALIFIERS.test(phrase)) return { status: 'anonymous_sources', source: phrase };
  if (OUTLET.test(phrase)) return { status: 'reported', source: phrase };
  return { status: 'on_record', source: fullerName(phrase, names) };
}

/** "Witkoff" → "Steve Witkoff" when the document named him so earlier (Citron-style coreference). */
function fullerName(phrase: string, names: readonly string[]): string {
  if (phrase.includes(' ')) return phrase;
  const fuller = names.find((n) => n.endsWith(` ${phrase}`));
  return fuller ?? phrase;
}

/** Remembers runs of proper nouns ("Steve Witkoff") as names a later surname may refer to. */
function rememberNames(sentence: SentenceSpan, names: string[]): void {
  let run: string[] = [];
  for (const t of [...sentence.tokens, null]) {
    if (t && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) {
      run.push(t.text);
      continue;
    }
    if (run.length >= 2) names.push(run.join(' '));
    run = [];
  }
}

/**
 * A claim is conditional when a modal or a hedge scopes over it. A modal inside a relative
 * clause ("guarantees that could be described as…") only colours a description, so it does not
 * count; one in a complement clause ("suggest that Putin might…") does.
 */
function isConditional(sentence: SentenceSpan): boolean {
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.text.toLowerCase() ?? '';
    if (!MODALS.has(word)) continue;
    const before = tokens[i - 1];
    const beforeThat = tokens[i - 2];
    const relative = before && ['that', 'which', 'who'].includes(before.text.toLowerCase()) && beforeThat?.pos === 'NOUN';
    if (!relative) return true;
  }
  const text = tokens.map((t) => t.text).join(' ');
  return HEDGES.test(text);
}

function spanText(paragraph: string, tokens: Tok[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? paragraph.slice(first.start, last.end) : '';
}

function stripQuotedText(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?/g, (m) => ' '.repeat(m.length));
}
