import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

/** A word of a text: its surface form, its search term, and where it is. */
export interface Token {
  /** The word as written. */
  surface: string;
  /** Normalised, stemmed search term ('' for a stopword). */
  term: string;
  start: number;
  end: number;
}

// Letters and digits, joined by an apostrophe inside a word ("don't"); hyphens split words.
// Dotted acronyms ("U.S.") are one word.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const MARKS = /\p{M}+/gu;
const ACRONYM = /^(?:\p{Lu}{2,5}|(?:\p{Lu}\.){2,5})$/u;

/** Lowercases, folds diacritics and typographic apostrophes: "Zaporizhzhia’s" → "zaporizhzhia's". */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/’/g, "'");
}

/**
 * Turns one word into its search term: normalised, possessive dropped, stemmed; '' for stopwords
 * and single letters.
 *
 * @example toTerm('Guarantees') // 'guarante'
 */
export function toTerm(word: string, keepAcronyms = true): string {
  const cache = keepAcronyms ? termCache : plainTermCache;
  let term = cache.get(word);
  if (term === undefined) {
    term = computeTerm(word, keepAcronyms);
    // Words repeat (a language has far fewer words than a knowledge base has tokens); bounded.
    if (cache.size >= TERM_CACHE_SIZE) cache.clear();
    cache.set(word, term);
  }
  return term;
}

/** The word before a contraction's ending: "did" of "didn't", "they" of "they're". */
const CONTRACTION = /^([\p{L}]+)(?:n't|'re|'ve|'ll|'d|'m)$/u;
/** Stems of negated auxiliaries that are not words themselves: "can't", "won't", "ain't", "shan't". */
const NEGATED = new Set(['ca', 'wo', 'ai', 'sha']);

const TERM_CACHE_SIZE = 200_000;
const termCache = new Map<string, string>();
const plainTermCache = new Map<string, string>();

function computeTerm(word: string, keepAcronyms: boolean): string {
  const lower = normalizeWord(word);
  // A function word with a contraction ("didn't", "won't", "they're", "I'll") is a function word.
  const contracted = CONTRACTION.exec(lower)?.[1];
  if (contracted !== undefined && (STOPWORDS.has(contracted) || NEGATED.has(contracted))) return '';
  const normal = lower.replace(/'s$/, '').replace(/['.]/g, '');
  if (normal.length < 2 && !/\d/.test(normal)) return '';
  // "US" is the country, "us" a pronoun: an all-capitals word is never a stopword.
  const acronym = keepAcronyms && ACRONYM.test(word);
  if (!acronym && STOPWORDS.has(normal)) return '';
  if (/^\d/.test(normal)) return normal;
  // A word whose stem is a function word ("used", "using" → "us") keeps its own form: only an
  // acronym ("US") may have that term.
  const stem = stemmer(normal);
  return !acronym && STOPWORDS.has(stem) ? normal : stem;
}

/** Every word of `text` with its term and offsets (stopwords included, with term ''). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // In a text typed in capitals, capitals say nothing about acronyms.
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 3 && letters.replace(/\p{Lu}/gu, '').length / letters.length < 0.2;
  for (const m of text.matchAll(WORD)) {
    tokens.push({ surface: m[0], term: toTerm(m[0], !shouting), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * For each word with a term (stopwords left out, as in `terms`), the word right after it when
 * that one has no term (a stopword or a single letter: "give *up*", "Article *V*"), else
 * undefined: what tells "give up" from "give", which search terms alone cannot.
 */
export function followers(tokens: readonly Token[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  tokens.forEach((t, i) => {
    if (t.term === '') return;
    const next = tokens[i + 1];
    out.push(next && next.term === '' ? normalizeWord(next.surface) : undefined);
  });
  return out;
}

/** The search terms of `text`, in order, stopwords removed. */
export function terms(text: string): string[] {
  return termsOf(tokenize(text));
}

/** The search terms of tokenized words, in order, stopwords removed (aligned with `followers`). */
export function termsOf(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.term).filter((t) => t !== '');
}
