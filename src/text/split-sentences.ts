import { createRequire } from 'node:module';

/** One sentence of a paragraph, with exact offsets into the text that was split. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Tokens as the segmenter saw them, with parts of speech (Universal Dependencies tags). */
  tokens: { text: string; pos: string; start: number; end: number }[];
}

interface WinkToken {
  out(): string[];
  out(f: unknown): string[];
}
interface WinkNlp {
  readDoc(text: string): { sentences(): { each(cb: (s: { tokens(): WinkToken }) => void): void } };
  its: { pos: unknown };
}

let nlp: WinkNlp | undefined;
/** wink-nlp and its English model load lazily (~150 ms): a warm snapshot never needs them. */
function winkNlp(): WinkNlp {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown) => WinkNlp;
    nlp = winkNLP(require('wink-eng-lite-web-model'));
  }
  return nlp;
}

/**
 * Titles and short forms that end with a period without ending a sentence. wink-nlp also
 * treats some capitalised words ("the Sun.") as abbreviations and misses the boundary; any
 * other capitalised word followed by a capitalised word is a boundary.
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms mx dr prof sr jr st mt gen lt col capt cmdr sgt cpl adm maj gov sen rep rev hon pres supt
  jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig inc ltd co corp bros ave blvd rd vs etc
  approx est dept univ assn op cf ed eds al`.split(/\s+/),
);
const OPENS_SENTENCE = /^[\p{Lu}"“‘'([]/u;

function endsSentenceMissed(token: string, next: string | undefined): boolean {
  const m = /^(\p{Lu}\p{Ll}+)\.$/u.exec(token);
  return m !== null && next !== undefined && OPENS_SENTENCE.test(next) && !ABBREVIATIONS.has((m[1] ?? '').toLowerCase());
}

/**
 * Splits one paragraph into sentences with wink-nlp's English model (right on "U.S.", "Mr.",
 * "Sir", curly quotes and dashes; a quotation of several sentences gives one sentence each),
 * then repairs boundaries wink mistakes for abbreviations. Offsets are exact: every sentence is
 * `paragraph.slice(start, end)`.
 *
 * @example splitSentences('He left. She stayed.').map(s => [s.start, s.end]) // [[0, 8], [9, 20]]
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const wink = winkNlp();
  const doc = wink.readDoc(paragraph);
  const out: SentenceSpan[] = [];
  let cursor = 0;
  doc.sentences().each((sentence) => {
    const words = sentence.tokens().out();
    const tags = sentence.tokens().out(wink.its.pos);
    let current: SentenceSpan['tokens'] = [];
    words.forEach((word, i) => {
      const at = paragraph.indexOf(word, cursor);
      const start = at >= 0 ? at : cursor;
      const end = at >= 0 ? at + word.length : cursor;
      cursor = end;
      current.push({ text: word, pos: tags[i] ?? 'X', start, end });
      if (endsSentenceMissed(word, words[i + 1])) {
        out.push(toSpan(current));
        current = [];
      }
    });
    if (current.length > 0) out.push(toSpan(current));
  });
  return out;
}

function toSpan(tokens: SentenceSpan['tokens']): SentenceSpan {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return { start: first?.start ?? 0, end: last?.end ?? 0, tokens };
}

/** A paragraph of a document body, with offsets. */
export interface ParagraphSpan {
  start: number;
  end: number;
}

/** Paragraphs are separated by blank lines; offsets are into `body`. */
export function splitParagraphs(body: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const m of body.matchAll(separator)) {
    pushTrimmed(body, start, m.index, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(body, start, body.length, spans);
  return spans;
}

function pushTrimmed(body: string, start: number, end: number, spans: ParagraphSpan[]): void {
  const text = body.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.length > 0) spans.push({ start: start + lead, end: start + lead + trimmed.length });
}
