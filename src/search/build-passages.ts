import { createHash } from 'node:crypto';
import { attributeParagraph } from '../claims/attribute-claims.js';
import type { KnowledgeDocument } from '../knowledge/schemas.js';
import { splitParagraphs, splitSentences, type SentenceSpan } from '../text/split-sentences.js';
import { HintSchema, type Hint, type Passage } from './passage.js';

const STANDS_ALONE_NOT = /^(in return|in exchange|in turn|instead|however|but|also|meanwhile|therefore|thus|as a result|he|she|it|they|this|these|that|those|his|her|its|their)\b/i;
const TIME = /\b(year|years|month|months|week|weeks|day|days|today|yesterday|tomorrow|tonight|earlier|later|ahead of|before|after|since|until|recent|recently|soon|shortly|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4})\b/i;
/** An absolute date: a month, a weekday, a year, a day of the month, or today/yesterday/tomorrow. */
const DATE = /\b(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|(?:1[89]|20)\d{2}|\d{1,2}(?:st|nd|rd|th))\b/i;
/** A length of time: a count of units ("three years", "a two-week truce", "several months"), or "since"/"until"/"for the past…". */
const DURATION = /\b(?:(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|many|dozens of|hundreds of)[- ](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)|since|until|till|for the (?:past|last|next|first)|(?:seconds|minutes|hours|days|weeks|months|years|decades) (?:of|long|ago|later|earlier))\b/i;
/** "this development", "these terms": a sentence that points back at what came before it. */
const REFERS_BACK = /\b(?:this|these)\s+(?:\p{L}+\s+)?\p{L}+/iu;
/** A reason or purpose: "because", "a key reason", "to retain", "for “moral support”". Not "in return": an exchange, not why. */
const REASON = /\b(because|reason|due to|in order to|so that|as a result|aims? to|to retain|for “|for ")/i;
/** Someone's age: "68-year-old", "aged 68", "68 years old", "at 68". */
const AGE = /\b(\d{1,3}[- ]years?[- ]old|aged \d{1,3}|age of \d{1,3}|at (the age of )?\d{1,3}\b(?! ?(%|percent|per cent|am|pm|a\.m\.|p\.m\.)))/i;
/** A share of a whole: "40%", "40 percent", "half", "two-thirds", "a fraction of", "nearly all", "most of". */
const SHARE = /(?:\d\s?%|\b\d+(?:\.\d+)?\s?(?:percent|per cent)\b|\b(?:half|halves|third|thirds|quarter|quarters|two-thirds|three-quarters|fraction|proportion|percentage|majority|minority|nearly all|almost all|most of|much of|bulk of|all but)\b)/i;
/** An order in time: "shortly after", "this development follows", "ahead of the talks", "since a contentious encounter". */
const SEQUENCE = /\b(before|after|afterwards?|ahead of|prior to|follows?|followed|following|precede[sd]?|preceding|beforehand|since|until|till|earlier|later|then|previously|subsequently)\b/i;
const NUMBER_WORDS = /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|several|first|second|third)\b/i;

/**
 * Splits each document into sentences and labels each with its claim. Offsets are into the
 * document body; every passage's text is `body.slice(start, end)`.
 */
/** The entities a text names, as tags with their types. */
export type EntitiesOf = (text: string) => { tag: string; type: string }[];

export function buildPassages(
  documents: readonly KnowledgeDocument[],
  entitiesOf: EntitiesOf,
  progress?: (done: number, total: number, label: string) => void,
): Passage[] {
  const passages: Passage[] = [];
  let paraIndex = -1;
  documents.forEach((document, docIndex) => {
    progress?.(docIndex, documents.length, document.file);
    const names: string[] = [];
    splitParagraphs(document.body).forEach((para, p) => {
      const paragraph = document.body.slice(para.start, para.end);
      paraIndex++;
      const sentences = splitSentences(paragraph);
      const claims = attributeParagraph(paragraph, sentences, names);
      const openQuote = quoteOpenAt(paragraph, sentences);
      sentences.forEach((s, i) => {
        const start = para.start + s.start;
        const end = para.start + s.end;
        const text = document.body.slice(start, end);
        const previous = sentences[i - 1];
        const needsPrevious = previous !== undefined && !openQuote[i] && STANDS_ALONE_NOT.test(text);
        passages.push({
          id: `${document.id}#p${p + 1}s${i + 1}`,
          key: createHash('sha1').update(`${document.id}\n${text}`).digest('hex').slice(0, 12),
          doc: docIndex,
          paragraph: p + 1,
          sentence: i + 1,
          start,
          end,
          quoteStart: needsPrevious ? para.start + previous.start : start,
          refersBack: previous !== undefined && (needsPrevious || REFERS_BACK.test(text)),
          para: paraIndex,
          paragraphStart: para.start,
          paragraphEnd: para.end,
          text,
          claim: claims[i] ?? { status: 'article', source: null, conditional: false },
          ...entityHints(text, s, entitiesOf(text)),
        });
      });
    });
  });
  return passages;
}

function quoteOpenAt(paragraph: string, sentences: readonly SentenceSpan[]): boolean[] {
  let open = false;
  let at = 0;
  return sentences.map((s) => {
    for (; at < s.start; at++) {
      const ch = paragraph[at];
      if (ch === '“') open = true;
      else if (ch === '”') open = false;
    }
    return open;
  });
}

function entityHints(text: string, sentence: SentenceSpan, entities: { tag: string; type: string }[]): Pick<Passage, 'hints' | 'people' | 'places'> {
  const people = [...new Set(entities.filter((e) => e.type === 'person' || e.type === 'group').map((e) => e.tag))];
  const places = [...new Set(entities.filter((e) => e.type === 'place').map((e) => e.tag))];
  return { hints: hintsOf(text, sentence, new Set(entities.map((e) => e.type))), people, places };
}

/** Prepositions of place: "in Alaska", "at the White House", "to Washington". */
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'inside', 'outside', 'across', 'toward', 'towards', 'between', 'within', 'around', 'throughout']);

/** Does a preposition of place come right before a proper name (an article between them aside)? */
function located(tokens: SentenceSpan['tokens']): boolean {
  return tokens.some((t, i) => {
    if (t.pos !== 'ADP' || !LOCATIVE.has(t.text.toLowerCase())) return false;
    const next = tokens[i + 1]?.pos === 'DET' ? tokens[i + 2] : tokens[i + 1];
    return next?.pos === 'PROPN';
  });
}

function hintsOf(text: string, sentence: SentenceSpan, entityTypes: Set<string>): Hint[] {
  const hints: Hint[] = [];
  const properNames = sentence.tokens.filter((t, i) => i > 0 && t.pos === 'PROPN').length;
  if (entityTypes.has('person') || properNames >= 2) hints.push('person');
  if (entityTypes.has('place')) hints.push('place');
  if (TIME.test(text)) hints.push('time');
  if (DATE.test(text)) hints.push('date');
  // A quantity, not a number inside a name ("Article 5").
  const quantity = sentence.tokens.some((t, i) => t.pos === 'NUM' && sentence.tokens[i - 1]?.pos !== 'PROPN');
  if (quantity || NUMBER_WORDS.test(text)) hints.push('number');
  if (AGE.test(text)) hints.push('age');
  if (DURATION.test(text)) hints.push('duration');
  if (SHARE.test(text)) hints.push('share');
  if (REASON.test(text)) hints.push('reason');
  if (SEQUENCE.test(text)) hints.push('sequence');
  if (entityTypes.has('place') && located(sentence.tokens)) hints.push('location');
  // In the enum's order, as a snapshot gives them back.
  return HintSchema.options.filter((h) => hints.includes(h));
}
