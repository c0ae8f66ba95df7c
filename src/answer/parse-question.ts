import type SearchableMap from 'minisearch/SearchableMap';
import { followers, normalizeWord, tokenize, toTerm, type Token } from '../text/analyze.js';
import { informativeness } from '../text/word-frequency.js';
import { nounForms, PARTICLES, phrasalKey } from '../text/thesaurus.js';
import { QUESTION_FILLERS, QUESTION_HINTS, SUMMARY_WORDS } from '../text/stopwords.js';
import { INDEX_OPTIONS } from '../search/index-options.js';
import type { AnswerHint as Hint } from '../search/passage.js';
import type { PhraseMatcher } from '../search/phrase-matcher.js';

/** One thing the question asks about: a word, or a name/synonym with its literal words. */
export interface Concept {
  /** The words of the question it came from. */
  label: string;
  /** Search terms (or tags) that express it, each with a weight. */
  terms: { term: string; weight: number; credit?: number }[];
  /** Importance for coverage (IDF; unknown words weigh most). */
  weight: number;
  /** A capitalised name of the question ("Super Bowl"): only its own words cover it. */
  name?: boolean;
  /** The concrete thing the question asks for of something else ("the *population* of Donetsk"): an answer must state it. */
  asked?: boolean;
  /**
   * Who the question asks a statement of ("what did *Witkoff* say"): an answer must state them
   * saying it; 'quoted' when it asks for their own words ("the exact wording of *Article 5*"):
   * an answer must be their words, not a mention of what they said.
   */
  speaker?: boolean | 'quoted';
  /**
   * A person of the knowledge the question names ("*Macron*'s reaction"): an answer must name
   * them or an entity `related` to them (their country, a group of theirs), or stand in a
   * paragraph that does. Not places: a capital stands for its government ("would Moscow
   * freeze…" is answered by "Putin might…").
   */
  person?: boolean;
  /** A group entity of the knowledge ("European leaders"), whose members are its `related` entities. */
  group?: boolean;
  /** A word of order in time ("preceded", "beforehand", "ahead"): a sentence stating an order ("follows", "shortly after") says it. */
  sequence?: boolean;
  /**
   * One of two or more people the question joins ("will *Putin and Zelensky* meet", "a summit
   * with *Putin, Trump and Zelensky*"): it asks about them together, so an answer must name each
   * of them, not stand for one by an entity related to them (rank.ts `together`).
   */
  together?: boolean;
}

export interface ParsedQuestion {
  concepts: Concept[];
  hint: Hint | null;
  /** The question asks for the gist ("what's the latest?") and names nothing in particular. */
  summary: boolean;
  /**
   * "Where in Alaska…", "which city in Ukraine…": the answer must be a place within these place
   * tags; `inside` says whether a place tag is ('unknown' when WordNet does not know the place).
   */
  within?: { tags: string[]; inside: (place: string) => 'yes' | 'no' | 'unknown' };
  /** "Which city…", "what country…": whether a place tag is of that kind (true when WordNet does not know the place). */
  kind?: (place: string) => boolean;
  /** "What came before…", "after the summit", "what preceded…": the question asks about an order in time. */
  sequence?: boolean;
  /**
   * "What's the source on the sanctions?", "attribution for the deal being confirmed?", "which
   * outlet had the list?": the question asks who the claim comes from; a sentence that names a
   * source for its claim (claim status other than `article`) holds that answer.
   */
  provenance?: boolean;
  /** "Has X already…", "…yet?": the question asks whether something has happened (which a hypothetical "would" does not say). */
  accomplished?: boolean;
  /** "How did the meeting go?", "what did they end up agreeing?": the question asks how an event turned out (which a sentence that has it still ahead does not say). */
  outcome?: boolean;
}

export interface Vocabulary {
  /** Document frequency of each term and tag. */
  df: ReadonlyMap<string, number>;
  /** Number of passages. */
  size: number;
  /** Terms and single-word names, for typo correction. */
  fuzzy: SearchableMap<number>;
  /** WordNet relatives of words, restricted to terms in the index. */
  related: ReadonlyMap<string, readonly string[]>;
  /** General-English counts of terms (see text/word-frequency.ts). */
  english: ReadonlyMap<string, number>;
  /** Nouns whose commonest sense is a concrete thing (text/thesaurus.ts readConcreteNouns). */
  concrete: ReadonlySet<string>;
  /** Words English writes only with a capital ("dutch", "monday"): names, however typed (text/thesaurus.ts readProperWords). */
  proper: ReadonlySet<string>;
  /** For each place entity WordNet knows, the terms of its kinds ("@kyiv" → capit, citi, …). */
  placeKinds: ReadonlyMap<string, readonly string[]>;
  /** For each place entity WordNet knows, the place entities it lies within. */
  placeIn: ReadonlyMap<string, readonly string[]>;
  /** Kinds of thing the knowledge has one entity of, by term: "peninsula" → "@crimea". */
  described: ReadonlyMap<string, string>;
  /** Irregular verb forms → term of the base verb (see text/irregular-verbs.ts). */
  irregular: ReadonlyMap<string, string>;
  /** Irregular verb forms → the base verb itself ("gave" → "give"). */
  irregularLemma: ReadonlyMap<string, string>;
  /** Terms of the index whose words are used like a given word (word vectors), best first. */
  similar: (word: string) => readonly { term: string; similarity: number }[];
  /** The English word a word unknown to English is likely a typo of (word vectors' vocabulary). */
  spelling: (word: string) => string | undefined;
  /** Whether a word (lower-case) is one of the word vectors' words. */
  isWord: (word: string) => boolean;
}

/** BM25's IDF; a term absent from the vocabulary gets the IDF of df = 0, above every known term. */
export function idf(df: number, size: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/** A framing word, also with a clitic 's ("everything's", "story's"). */
function isFiller(surface: string | undefined): boolean {
  return QUESTION_FILLERS.has((surface ?? '').toLowerCase().replace(/['’]s$/u, ''));
}

/**
 * Turns a sanitized question into concepts: names and synonyms become tags (with their literal
 * words as weaker alternatives), other content words become terms, and a word missing from the
 * vocabulary is corrected to the nearest known term when one is close enough. Typo correction
 * runs only for unknown words, so ordinary questions pay nothing for it.
 */
export function parseQuestion(asked: string, matcher: PhraseMatcher, vocabulary: Vocabulary): ParsedQuestion {
  const question = withoutFrame(withoutHeading(asked, matcher, vocabulary));
  const all = rejoin(tokenize(question), question, vocabulary, matcher).map((t, i, list) => respell(t, isName(list, i, question), vocabulary, matcher));
  const tokens = all.filter((t) => t.term !== '');
  // A verb with its particle ("stepped up", "gave in") takes the phrasal verb's relatives.
  const phrasal = new Map<Token, string>();
  all.forEach((t, i) => {
    const next = all[i + 1];
    if (t.term !== '' && next && PARTICLES.has(next.surface.toLowerCase())) phrasal.set(t, phrasalKey(`${irregularBase(t.surface, vocabulary)} ${next.surface.toLowerCase()}`));
  });
  const seq = tokens.map((t) => t.term);
  const previous = new Map(all.map((t, i) => [t, all[i - 1]]));
  const concepts: Concept[] = [];
  const follows = followers(all);
  const matches = matcher.match(seq, follows);
  let at = 0;
  const flushWords = (upTo: number): void => {
    for (; at < upTo; at++) {
      const term = seq[at] ?? '';
      // Framing words ("what did the article say") count only inside a name or phrase ("Article 5").
      if (isFiller(tokens[at]?.surface)) continue;
      const tags = matcher.singleTerms.get(term);
      const surface = tokens[at]?.surface ?? '';
      if (tags) {
        concepts.push(conceptOf(surface || term, [...tags.map((t) => ({ term: t.tag, weight: 1 })), { term, weight: INDEX_OPTIONS.literalWeight }], vocabulary));
        continue;
      }
      const name = isName(tokens, at, question) || vocabulary.proper.has(normalizeWord(surface));
      const own = [
        ...decompound(term, surface, vocabulary, matcher).map((t) => ({ term: t, weight: 1 })),
        ...relatives(term, tokens[at]?.surface, vocabulary),
        ...phrasalRelatives(phrasal.get(tokens[at] as Token), vocabulary),
        ...described(term, previous.get(tokens[at] as Token), vocabulary),
      ];
      concepts.push(conceptOf(surface || term, withSimilar(own, surface, vocabulary, name), vocabulary, name));
    }
  };
  for (let i = 0; i < matches.length; ) {
    const first = matches[i];
    if (!first) break;
    flushWords(first.from);
    const same = matches.filter((m) => m.from === first.from && m.to === first.to);
    // A framing word is not content even where a synonym shares its term ("according" ~ "accord"),
    // unless a determiner follows the word a group lists: a verb then ("did Putin okay the plan").
    if (first.words === 1 && isFiller(tokens[first.from]?.surface) && !DETERMINERS.has(follows[first.from] ?? '')) {
      at = first.to;
      i += same.length;
      continue;
    }
    const literal = seq.slice(first.from, first.to).map((term) => ({ term, weight: INDEX_OPTIONS.literalWeight }));
    const label = tokens.slice(first.from, first.to).map((t) => t.surface).join(' ');
    const tags = same.map((m) => m.tag);
    const { weight, credit } = INDEX_OPTIONS.relatedEntity;
    const near = new Set(tags.flatMap((t) => matcher.relatedTags.get(t) ?? []));
    const related: Concept['terms'] = [...near].filter((t) => !tags.includes(t)).map((term) => ({ term, weight, credit }));
    // Two steps away (a capital's leaders): each step weighs and credits as one does.
    const far = new Set(tags.flatMap((t) => matcher.farTags.get(t) ?? []));
    related.push(...[...far].filter((t) => !tags.includes(t) && !near.has(t)).map((term) => ({ term, weight: weight ** 2, credit: credit ** 2 })));
    // A phrase of several words ("give up", "hold on to", "sticking points") says as much as the
    // one-word ways of saying it ("pause", "retain", "issues"), not as little as its head word.
    const members = first.words > 1 ? tags.flatMap((t) => (t.startsWith('~') ? matcher.membersOf(t) : [])) : [];
    const concept = conceptOf(label, [...tags.map((term) => ({ term, weight: 1 })), ...literal, ...related], vocabulary, false, members);
    concepts.push(same.some((m) => m.type === 'person') ? { ...concept, person: true } : same.some((m) => m.type === 'group') ? { ...concept, group: true } : concept);
    at = first.to;
    i += same.length;
  }
  flushWords(seq.length);
  const summary = concepts.length === 0 && all.some((t) => SUMMARY_WORDS.has(t.surface.toLowerCase()));
  const { hint, noun, qualified } = hintOf(question);
  // "which city …": the noun asks for the answer's kind, unless it is all the question names.
  // Not a person's kind that a word qualifies: "what other leaders…" keeps "leaders".
  const others = noun === undefined || (hint === 'person' && qualified) ? concepts : concepts.filter((c) => c.label.toLowerCase() !== noun);
  const content = others.length > 0 ? others : concepts;
  // "The source on the sanctions": the word asks for the claim's source, it is not content
  // (unless it is all the question names, or part of a name: "diplomatic sources", "wire service").
  const sourcing = content.filter((c) => PROVENANCE_WORDS.has(normalizeWord(c.label)) && c.terms.every((t) => !/^[@~]/.test(t.term)));
  const provenance = sourcing.length > 0 && sourcing.length < content.length;
  const spoken = speakers(focus(dedupe(provenance ? content.filter((c) => !sourcing.includes(c)) : content), question, vocabulary), question, vocabulary);
  const final = hint === 'person' && noun !== undefined && PLURAL_KIND.test(noun) ? spoken.map(membersAsked) : spoken;
  const within = hint === 'place' || hint === 'location' ? containerOf(final, question, vocabulary) : undefined;
  const kind = hint === 'place' && noun !== undefined && PLACE_KINDS.has(noun) ? kindOf(toTerm(/^nations?$/.test(noun) ? 'country' : noun), vocabulary) : undefined;
  const normal = normalizeWord(question);
  const sequence = SEQUENCE_QUESTION.test(normal);
  const ordered = joined(sequence ? final.map((c) => (SEQUENCE_WORD.test(normalizeWord(c.label)) ? { ...c, sequence: true } : c)) : final, normal);
  const accomplished = /\b(?:already|yet)\b/u.test(normal);
  const outcome = OUTCOME.test(normal);
  return { concepts: ordered, hint, summary, ...(within ? { within } : {}), ...(kind ? { kind } : {}), ...(sequence ? { sequence } : {}), ...(provenance ? { provenance } : {}), ...(accomplished ? { accomplished } : {}), ...(outcome ? { outcome } : {}) };
}

/**
 * A heading before a colon ("Debate prep: is…", "Slack: what's…", "for the briefing: …"), or an
 * opening phrase before a comma ("From a tail-risk perspective, has…"), says where a question
 * comes from, not what it asks, when none of its words is a word of the
 * documents or a name the knowledge has: the question is what follows it. "Sanctions: lifted
 * when?" and "Witkoff: what did he say?" keep theirs (a misspelt name is respelt first).
 */
function withoutHeading(question: string, matcher: PhraseMatcher, vocabulary: Vocabulary): string {
  const colon = HEADING.exec(question);
  const heading = colon ?? OPENER.exec(question);
  if (!heading) return question;
  const rest = question.slice(heading[0].length);
  const words = tokenize(heading[1] ?? '');
  if (words.length > (colon ? HEADING_WORDS : OPENER_WORDS) || tokenize(rest).filter((t) => t.term !== '').length < 2) return question;
  const terms = words.filter((t) => t.term !== '' && !isFiller(t.surface)).map((t) => respell(t, false, vocabulary, matcher).term);
  const known = terms.some((t) => vocabulary.df.has(t) || matcher.singleTerms.has(t)) || matcher.match(terms).length > 0;
  return known ? question : rest;
}

/** Words asking where a claim comes from ("the wire source", "our attribution", "which outlet", "on the record"). */
const PROVENANCE_WORDS: ReadonlySet<string> = new Set(
  `source sources sourcing sourced attribution attributed attribute attributes outlet outlets wire credit credited anonymous anonymously record`.split(/\s+/),
);

/** Words that open a noun phrase: a framing word a synonym group lists is a verb before one. */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * A request's own frame ("Could you kindly tell me whether…", "I should be most grateful to
 * learn who…", "I would appreciate it if you could explain why…") asks the bot, not the
 * documents: the question is the embedded one, from its question word ("whether" and "if"
 * themselves dropped). A frame is made only of the words of asking (FRAME_WORDS): "I read the
 * US would help if…" is a statement to check, kept whole. Frames inside frames come off too.
 */
function withoutFrame(question: string): string {
  let rest = question;
  for (let round = 0; round < 3; round++) {
    const frame = FRAME.exec(rest);
    if (!frame?.[1]) break;
    const words = frame[0].slice(0, -frame[1].length).toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
    if (!words.every((w) => FRAME_WORDS.has(w.replace(/’/g, "'")))) break;
    const next = rest.slice(frame[0].length - (/^(?:whether|if)$/i.test(frame[1]) ? 0 : frame[1].length)).trim(); // "in what terms…", "between whom…" keep their preposition
    if (!/\p{L}/u.test(next)) break;
    rest = next;
  }
  return rest;
}

/**
 * A frame addressed to the bot, up to the embedded question's first word: "(please) could /
 * would / can you …", "I('d / would / should / am) …", "do you (happen to) know …", "tell me …".
 */
const FRAME =
  /^\s*(?:(?:please|kindly|pray)[\s,]+)?(?:(?:could|would|can|will|might)\s+(?:you|u)\b|(?:i|we)(?:'d|’d|'m|’m)?\b|do\s+you\b|(?:tell|let)\s+(?:me|us)\b|you\s+(?:could|would|can)\b)[^?]*?\b((?:(?:in|on|at|from|to|for|with|by|about|between|among|of)\s+)?(?:whether|if|who|whom|whose|what|which|when|where|why|how))\b/iu;
/** The words a request's frame is made of. */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  `could would can will might you u please kindly pray i we me us i'd i'm we'd should shall am was were be been so good kind as to
  tell let know learn hear explain inform clarify say find out see understand ask
  grateful most very really much greatly truly appreciate appreciated it like love want wish wonder wondering curious interested
  glad happy pleased obliged do does happen mind telling enlighten help briefly quickly just also perhaps possibly`.split(/\s+/),
);

/** Up to four words, then a colon and the question ("Podcast segment: any…"). */
const HEADING = /^([^:?!.]{1,40}?)\s*:\s+(?=\S)/u;
const HEADING_WORDS = 4;
/**
 * …or an opening phrase set off by a comma before the question itself ("From a tail-risk
 * perspective, has…", "For our Baltic exposure, is there…", "As a pensioner, what…").
 */
const OPENER =
  /^((?:from|for|as|in|with|regarding|speaking)\s+[^,:;?!.]{1,60}?),\s+(?=(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|should|shall|may|might|who|whom|whose|what|which|when|where|why|how|any)\b)/iu;
const OPENER_WORDS = 7;

/** A plural kind of person ("leaders", "people", "women"): "which N" then asks for several by name. */
const PLURAL_KIND = /s$|^(?:people|men|women)$/u;

/**
 * "Which European leaders…" asks for the group's members by name: a sentence naming them
 * ("von der Leyen, Macron, Merz") answers it fully, one that names only the group ("several
 * European leaders") in part, as a related entity would.
 */
function membersAsked(concept: Concept): Concept {
  if (!concept.group) return concept;
  const { credit } = INDEX_OPTIONS.relatedEntity;
  const terms = concept.terms.map((t) =>
    t.term.startsWith('@') && t.credit === undefined ? { ...t, credit } : t.term.startsWith('@') && t.credit === credit ? { ...t, credit: 1 } : t,
  );
  return { ...concept, terms };
}

/** How an event turned out: "how did X go / end / turn out", "did they end up…", "…in the end", "how X ended". */
const OUTCOME = /\bhow\s+did\b[^?]*\b(?:go|end|turn\s+out)\b|\b(?:did|do|does)\b[^?]*\bend\s+up\b|\bin\s+the\s+end\b|\bhow\b[^?]*\bended\b/u;

/** Marks the people the (normalised) question joins with "and", "&", "+" or a comma (Concept.together), when there are two or more. */
function joined(concepts: Concept[], normal: string): Concept[] {
  const people = concepts.filter((c) => c.person === true);
  const escape = (label: string): string => normalizeWord(label).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const linked = new Set<Concept>();
  for (let i = 0; i + 1 < people.length; i++) {
    const [a, b] = [people[i] as Concept, people[i + 1] as Concept];
    if (new RegExp(`\\b${escape(a.label)}\\s*(?:,|\\band\\b|&|\\+)?\\s*${escape(b.label)}\\b`, 'u').test(normal)) linked.add(a).add(b);
  }
  return linked.size >= 2 ? concepts.map((c) => (linked.has(c) ? { ...c, together: true } : c)) : concepts;
}

/**
 * A question about an order in time: "what came right *before* the warning", "*after* meeting
 * Trump", "what *preceded* the concessions", "*ahead of* the talks". Not "what is Kyiv after"
 * (seeking), nor "follow" alone ("will Russia follow the terms" asks whether it adheres).
 */
const SEQUENCE_QUESTION = /\b(?:before|b4|beforehand|afterwards?|ahead of|prior to|preced\w*|followed|following|run-?up|lead-?up|leading up to)\b|(?<!\b(?:is|are|was|were|am|be|been|being|'s|'re)\s+)\bafter\b/u;
/** The question's own content words of order in time (SEQUENCE_QUESTION's that are not stopwords). */
const SEQUENCE_WORD = /^(?:beforehand|afterwards?|ahead|prior|preced\w*|followed|following|run-?up|lead-?up)$/u;

/** Nouns of "which city…" that ask for a kind of place ("which place", "what location" ask for any); a nation is a country. */
const PLACE_KINDS = new Set(['city', 'cities', 'town', 'country', 'countries', 'nation', 'nations', 'capital']);

/** Is a place of the kind asked for: a capital is a city, Ukraine a country, Oval Office neither. */
function kindOf(term: string, vocabulary: Vocabulary): (place: string) => boolean {
  return (place) => vocabulary.placeKinds.get(place)?.includes(term) ?? true;
}

/**
 * The place a place question is confined to: "where in *Alaska* was the summit held", "which
 * city in *Ukraine*", "which *Alaskan* city". A sentence that names only other places (Russia,
 * Ukraine for Alaska) does not say where in Alaska; one naming a place WordNet puts in Alaska,
 * or one it does not know, may.
 */
function containerOf(concepts: readonly Concept[], question: string, vocabulary: Vocabulary): ParsedQuestion['within'] {
  const found = CONTAINER.exec(normalizeWord(question));
  const phrase = found?.[1] ?? found?.[2];
  if (!phrase) return undefined;
  const tags = concepts.filter((c) => saidIn(c, phrase)).flatMap((c) => c.terms.filter((t) => t.weight === 1 && t.term.startsWith('@')).map((t) => t.term));
  if (tags.length === 0) return undefined;
  const inside = (place: string): 'yes' | 'no' | 'unknown' => {
    const up = vocabulary.placeIn.get(place);
    return up === undefined ? 'unknown' : up.some((t) => tags.includes(t)) ? 'yes' : 'no';
  };
  return { tags, inside };
}

/** The nouns of "which city in X", "which Alaskan city": a kind of place. */
const PLACE_NOUN = String.raw`(?:cities|city|towns?|places?|regions?|areas?|locations?|spots?)`;
/** "where in X", "which/what city|town|place|region|area in X": X, up to three words; or "which *Alaskan* city": one word. */
const CONTAINER = new RegExp(String.raw`\b(?:where|(?:which|what)\s+${PLACE_NOUN})\s+in\s+((?:the\s+)?[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,2})|\b(?:which|what)\s+([\p{L}.'-]+)\s+${PLACE_NOUN}\b`, 'u');

/**
 * "What did *the Kremlin's spokesman* say about…", "how did *Witkoff* describe…", "has *China*
 * said anything": the question asks for someone's statement, which a sentence that only
 * mentions them does not give ("…a contentious encounter with Trump and JD Vance" does not say
 * what Vance said). The concepts of the one who speaks are marked (Concept.speaker); an answer
 * must state them saying something (rank.ts `voiced`). Adverbs ("personally") are not the speaker.
 * "The exact words of X" asks for X's own words: X is marked 'quoted', and "exact words" is
 * framing, not content.
 */
function speakers(concepts: Concept[], question: string, vocabulary: Vocabulary): Concept[] {
  // Only someone can speak: a name, an entity of the story, or a concrete noun ("spokesman").
  // "What does the deal say about Crimea" asks what the deal's terms are, not for a statement.
  const someone = (c: Concept): boolean => c.name === true || c.terms.some((t) => t.weight === 1 && t.term.startsWith('@')) || nounForms(normalizeWord(c.label).replace(/'s?$/, '')).some((w) => vocabulary.concrete.has(w));
  const normal = normalizeWord(question);
  const wording = WORDING.map((re) => re.exec(normal)?.[1]).find((x) => x !== undefined);
  if (wording) {
    // Whose words: someone named there ("Putin's warning"), else the text itself ("Article 5").
    const of = concepts.filter((c) => saidIn(c, wording));
    const whose = of.some(someone) ? of.filter(someone) : of;
    // "Exact words" asks for a quote, as "say" asks for a statement: framing, not content.
    return concepts.filter((c) => !WORDING_WORDS.has(normalizeWord(c.label))).map((c) => (whose.includes(c) ? { ...c, speaker: 'quoted' as const } : c));
  }
  // "What does Article 5 say?": a text asked what it says, and nothing else, asks for its
  // own words; a sentence that only mentions it ("protection similar to Article 5") does not
  // give them. (Someone asked what they said is a statement: voiced, below.)
  const text = TEXT_SAYS.exec(normal)?.[1];
  if (text) {
    // Its head: "Article 5 of the NATO treaty" is Article 5's text, not NATO speaking. Only a
    // text by its title ("Article 5", "the Minsk Protocol"): "what does the deal say?" asks for
    // its terms, which the sentences describing it give.
    const head = concepts.find((c) => saidIn(c, text));
    if (head && !someone(head) && /^\p{Lu}|\d/u.test(head.label)) return concepts.map((c) => (c === head ? { ...c, speaker: 'quoted' as const } : c));
  }
  const found = SPEAKER.exec(normal);
  const subject = found?.[1] ?? found?.[2];
  if (!subject) return concepts;
  const words = subject.split(/\s+/).filter((w) => w !== '' && !/ly$/.test(w)).join(' ');
  return concepts.map((c) => (saidIn(c, words) && someone(c) ? { ...c, speaker: true } : c));
}

/** Asking for someone's or something's own words: "the exact words of X" (X up to six words), "X's precise wording". */
const ASKED_WORDS = '(?:exact|precise|actual|full)\\s+(?:words?|wording|text|phrasing|quote)';
const WORDING_WORDS = new Set('exact precise actual full words word wording text phrasing quote quotes quotation verbatim'.split(' '));
const WORDING = [
  new RegExp(`\\b(?:${ASKED_WORDS}|word\\s+for\\s+word|verbatim)\\s+(?:of|from|in)\\s+((?:[\\p{L}\\p{N}'.-]+\\s*){1,6})`, 'u'),
  new RegExp(`((?:[\\p{L}\\p{N}.-]+\\s+){0,2}[\\p{L}\\p{N}.-]+'s?)\\s+${ASKED_WORDS}\\b`, 'u'),
  // A keyword query: "witkoff quote", "witkoff's quotes", "quote from witkoff".
  /^\W*((?:[\p{L}\p{N}.-]+\s+){0,2}[\p{L}\p{N}.-]+(?:'s)?)\s+(?:quotes?|quotation)\W*$/u,
  /^\W*(?:quotes?|quotation)\s+(?:of|from|by)\s+((?:[\p{L}\p{N}'.-]+\s*){1,6})$/u,
];

/** "What (exactly) does X (actually) say?", nothing after "say": X up to eight words. */
const TEXT_SAYS = /^\W*what\s+(?:[\p{L}]+ly\s+)?(?:does|did|do|would|will)\s+((?:[\p{L}\p{N}'.-]+\s+){1,8}?)(?:[\p{L}]+ly\s+)?say\W*$/u;

/** Is the concept's label among the words of a phrase of the question (both normalised)? */
function saidIn(concept: Concept, phrase: string): boolean {
  return ` ${phrase} `.includes(` ${normalizeWord(concept.label)} `);
}

/**
 * Verbs that ask for a statement: "what did X *say*", "how did X *describe*", "what does X
 * *think*", "how do X *feel*" (an opinion is someone's statement). Not "claim", "promise", "mean": "what does Russia claim" asks for territory, "what
 * did the US promise" for a commitment the article may state without the US saying it.
 */
const SPEECH_VERBS = 'say|says|said|saying|tell|tells|told|telling|state|stated|announce|announced|describe|described|think|thinks|thought|feel|feels|felt|comment|commented|warn|warned|predict|predicted|suggest|suggested|reveal|revealed|confirm|confirmed|deny|denied|respond|responded|reply|replied|react|reacted';
/**
 * "[what/how] did|does|has X <speech verb>", "what is X saying": X is up to six words; after the
 * question word may come "else" or an adverb ("what exactly did…"). With is/are/was/were only
 * the -ing form asks for a statement: "is the Kremlin said to be budging" is a report frame.
 */
const SUBJECT = `((?:[\\p{L}\\p{N}'.-]+\\s+){1,6}?)`;
const SPEAKER = new RegExp(
  `^\\W*(?:(?:what|how|why|when|where)\\s+(?:(?:else|[\\p{L}]+ly)\\s+)*)?(?:(?:did|does|do|has|have|had)\\s+${SUBJECT}(?:${SPEECH_VERBS})|(?:is|are|was|were)\\s+${SUBJECT}(?:saying|telling|stating|commenting|warning|suggesting|responding|replying|reacting))\\b`,
  'u',
);

/** Relatives of a phrasal verb ("step_up" → "intensifi"), as weaker alternatives. */
function phrasalRelatives(key: string | undefined, vocabulary: Vocabulary): Concept['terms'] {
  const { weight, credit } = INDEX_OPTIONS.related;
  return key ? (vocabulary.related.get(key) ?? []).map((term) => ({ term, weight, credit })) : [];
}

/**
 * A word the documents never use ("nukes", "penalties"), with no known relative they use either,
 * also searches for the words they use alike ("nuclear", "sanctions"), so the sentences that say
 * it in other words are found; how much such a sentence covers the word is judged in ranking
 * (word-vector nearness), not here. Names are not: a name the documents lack is what makes a
 * question unanswered ("Super Bowl").
 */
function withSimilar(terms: Concept['terms'], surface: string, vocabulary: Vocabulary, name: boolean): Concept['terms'] {
  if (name || terms.some((t) => vocabulary.df.has(t.term))) return terms;
  const { weight } = INDEX_OPTIONS.similar;
  return [...terms, ...vocabulary.similar(normalizeWord(surface)).map((s) => ({ term: s.term, weight: weight * s.similarity, credit: 0 }))];
}

/**
 * "The peninsula", "the continent's leaders": a definite description of the one entity of the
 * knowledge that WordNet says is such a thing (Crimea, Europe) partly stands for it.
 */
function described(term: string, before: Token | undefined, vocabulary: Vocabulary): Concept['terms'] {
  const tag = vocabulary.described.get(term);
  if (tag === undefined || before === undefined || normalizeWord(before.surface) !== 'the') return [];
  const { weight, credit } = INDEX_OPTIONS.relatedEntity;
  return [{ term: tag, weight, credit }];
}

/** The base form of an irregular verb ("gave" → "give"), else the word itself. */
function irregularBase(word: string, vocabulary: Vocabulary): string {
  return vocabulary.irregularLemma.get(normalizeWord(word)) ?? word;
}

/**
 * Weaker alternatives that still count as covering a word: its base verb when it is an
 * irregular form ("met" → "meet"), its WordNet relatives, and the same word negated or not
 * ("expected" → "unexpected", "nonbinding" → "binding"; "non-binding" is two words already): a
 * sentence saying the opposite answers.
 */
function relatives(term: string, surface: string | undefined, vocabulary: Vocabulary): Concept['terms'] {
  const { weight, credit } = INDEX_OPTIONS.related;
  const base = surface === undefined ? undefined : vocabulary.irregular.get(normalizeWord(surface));
  const terms = base !== undefined && base !== term ? [base, ...(vocabulary.related.get(base) ?? [])] : [];
  terms.push(...(vocabulary.related.get(term) ?? []));
  const positive = /^(?:un|non)(\p{L}{4,})$/u.exec(term)?.[1];
  for (const t of [`un${term}`, `non${term}`, ...(positive ? [positive] : [])]) if (vocabulary.df.has(t)) terms.push(t);
  return [...new Set(terms)].filter((t) => t !== term).map((t) => ({ term: t, weight, credit }));
}

/**
 * A concept weighs what its words tell about the question: how informative they are in general
 * English (names and rare words most, "still", "come", "time" least) times how specific they are
 * in this knowledge base (IDF: "Ukraine", in most sentences, tells little here). Both factors are
 * scaled to 0..1. The question's own words decide, not the relatives added for them; a phrase
 * is as informative as the most informative one-word `members` of its synonym group.
 */
function conceptOf(label: string, terms: Concept['terms'], vocabulary: Vocabulary, name = false, members: readonly string[] = []): Concept {
  const cap = INDEX_OPTIONS.englishCap;
  const maxIdf = idf(0, vocabulary.size);
  const own = terms.filter((t) => t.credit === undefined);
  const english = (t: { term: string }): number =>
    t.term.startsWith('@') ? 1 : informativeness(vocabulary.english.get(t.term) ?? 0, cap) / informativeness(0, cap);
  const literal = own.filter((t) => !/^[@~]/.test(t.term));
  const general = name || own.some((t) => t.term.startsWith('@')) ? 1 : Math.max(0, ...literal.map(english), ...members.map((term) => english({ term })));
  const specific = Math.max(0, ...own.map((t) => idf(vocabulary.df.get(t.term) ?? 0, vocabulary.size) / maxIdf));
  return { label, terms, weight: Math.max(0.01, general * specific), ...(name ? { name } : {}) };
}

/**
 * A capitalised word that does not open the question, in a question not typed in capitals, is a
 * name ("Japan", "Super Bowl"): names say the most about what is asked, whatever their frequency.
 */
function isName(tokens: readonly Token[], at: number, question: string): boolean {
  const token = tokens[at];
  if (!token || token.start === 0 || !/^\p{Lu}/u.test(token.surface)) return false;
  const before = question.slice(0, token.start).trimEnd();
  if (before === '' || /[.!?:]$/.test(before)) return false;
  const letters = question.replace(/[^\p{L}]/gu, '');
  return letters.replace(/\p{Lu}/gu, '').length / Math.max(1, letters.length) > 0.5;
}

/**
 * A term missing from the vocabulary becomes the closest known term, if one is near enough —
 * unless it is an ordinary English word ("party" is not a typo of "Paris") or an irregular verb
 * form ("dealt" is "deal with", not the noun "deal").
 */
function correct(term: string, vocabulary: Vocabulary, matcher: PhraseMatcher): string {
  if (isKnown(term, vocabulary, matcher)) return term;
  const { minLength, oneEditUpTo } = INDEX_OPTIONS.fuzzy;
  if (term.length < minLength || /\d/.test(term)) return term;
  const maxEdits = term.length <= oneEditUpTo ? 1 : 2;
  let best: { term: string; distance: number; df: number } | null = null;
  for (const [candidate, [df, distance]] of vocabulary.fuzzy.fuzzyGet(term, maxEdits)) {
    if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { term: candidate, distance, df };
  }
  return best?.term ?? term;
}

/**
 * A name that autocorrect or a slip split in two ("wit coff", "zelen sky"): two adjacent words,
 * one of them unknown to the index and to English, whose join is (or is one typo from) a name
 * the knowledge has, become that one word.
 */
function rejoin(tokens: Token[], question: string, vocabulary: Vocabulary, matcher: PhraseMatcher): Token[] {
  const out: Token[] = [];
  const names = (term: string): boolean => (matcher.singleTerms.get(term) ?? []).some((t) => t.tag.startsWith('@'));
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i] as Token, tokens[i + 1]];
    const split = b !== undefined && a.term !== '' && b.term !== '' && question.slice(a.end, b.start) === ' ';
    if (split && (!isKnown(a.term, vocabulary, matcher) || !isKnown(b.term, vocabulary, matcher)) && matcher.match([a.term, b.term]).length === 0) {
      const surface = a.surface + b.surface;
      const joined = toTerm(surface);
      // The join itself, or one typo from it (not two: "euro leaders" is not "european").
      const term = names(joined) ? joined : [...vocabulary.fuzzy.fuzzyGet(joined, 1).keys()].find(names);
      if (term !== undefined) {
        out.push({ surface, term, start: a.start, end: b.end });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function isKnown(term: string, vocabulary: Vocabulary, matcher: PhraseMatcher): boolean {
  return vocabulary.df.has(term) || matcher.singleTerms.has(term) || vocabulary.english.has(term) || vocabulary.irregular.has(term);
}

/**
 * A word unknown to the documents, to the names and synonyms and to general English takes the
 * index term nearest to it (see correct). With none near, it may be a typo of an English word
 * the documents do not use: "illegaly" reads as "illegal" (see WordVectors.spelling), so that
 * its synonyms ("unlawfully") and the words used like it are found. Names are left as typed.
 */
function respell(token: Token, name: boolean, vocabulary: Vocabulary, matcher: PhraseMatcher): Token {
  if (token.term === '' || isKnown(token.term, vocabulary, matcher)) return token;
  const corrected = correct(token.term, vocabulary, matcher);
  if (corrected !== token.term) return { ...token, term: corrected };
  const { englishMinLength, englishMaxLength } = INDEX_OPTIONS.fuzzy;
  if (name || token.surface.length < englishMinLength || token.surface.length > englishMaxLength || /\d/.test(token.surface)) return token;
  const spelling = vocabulary.spelling(normalizeWord(token.surface));
  return spelling === undefined ? token : { ...token, surface: spelling, term: toTerm(spelling) };
}

/**
 * An unknown word written as one that the documents write as two ("gamechanger" for
 * "game-changing", "peacedeal") becomes both parts, when both are terms of the index.
 */
function decompound(term: string, surface: string, vocabulary: Vocabulary, matcher: PhraseMatcher): string[] {
  if (vocabulary.df.has(term) || vocabulary.english.has(term)) return [term];
  // A word of its own ("peacekeeping", "warmonger") is not two run together: the word vectors know it.
  if (vocabulary.isWord(normalizeWord(surface))) return [term];
  const word = normalizeWord(surface).replace(/[^\p{L}]/gu, '');
  for (let i = 3; i <= word.length - 3; i++) {
    const left = known(toTerm(word.slice(0, i)), vocabulary, matcher, false);
    const right = known(toTerm(word.slice(i)), vocabulary, matcher, true);
    if (left !== undefined && right !== undefined) return [left, right];
  }
  return [term];
}

/**
 * A part of a compound as something the index knows: the term itself, the tag of a name or
 * synonym it is ("swap" → "~exchang"), or — for the last part — the longest index term it
 * starts with ("changer" → "chang").
 */
function known(term: string, vocabulary: Vocabulary, matcher: PhraseMatcher, last: boolean): string | undefined {
  if (term === '') return undefined;
  if (vocabulary.df.has(term)) return term;
  const tag = matcher.singleTerms.get(term)?.[0]?.tag;
  if (tag !== undefined) return tag;
  if (last) for (let k = term.length - 1; k >= 4; k--) if (vocabulary.df.has(term.slice(0, k))) return term.slice(0, k);
  return undefined;
}

/**
 * In a question about who did something ("Who confirmed that Putin approved the deal?") the verb
 * right after "who" names the act whose agent is asked for: it weighs more than the rest. So do
 * the act of a passive "what was agreed…", and a concrete attribute asked of something else
 * (askedAttribute), which an answer must also state.
 */
function focus(concepts: Concept[], question: string, vocabulary: Vocabulary): Concept[] {
  const verb = /^\W*who\s+([\p{L}'’-]+)/iu.exec(question)?.[1]?.toLowerCase();
  const weigh = (word: string, asked: boolean): Concept[] =>
    concepts.map((c) => (c.label.toLowerCase() === word ? { ...c, weight: c.weight * INDEX_OPTIONS.focusWeight, ...(asked ? { asked } : {}) } : c));
  if (verb && !AUXILIARIES.has(verb)) return weigh(verb, false);
  // "What was agreed at the summit?": what was done is asked, and an answer must state it.
  const done = /^\W*what\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(\p{L}+ed)\b/iu.exec(question)?.[1]?.toLowerCase();
  if (done) return weigh(done, true);
  const attribute = askedAttribute(question);
  return attribute && nounForms(attribute).some((w) => vocabulary.concrete.has(w)) ? weigh(attribute, true) : concepts;
}

/**
 * The thing a question asks for about something else: "what is the *population* of Donetsk",
 * "what is Starmer's *party*", "who is Macron's *wife*". When it is a concrete thing (a WordNet
 * noun of people, groups, places, possessions, artifacts…), a sentence that names Donetsk without
 * its population does not answer the question: the noun weighs more than the rest and the answer
 * must state it (Concept.asked). An abstract one ("what is Starmer's *role*") is often answered
 * without the word ("Starmer will stand alongside…").
 */
function askedAttribute(question: string): string | undefined {
  const q = normalizeWord(question);
  for (const pattern of ASKED_ATTRIBUTE) {
    const noun = pattern.exec(q)?.[1];
    // "Which member of his inner circle…", "which parts of Ukraine…" ask which of them, by name.
    if (noun) return PARTITIVE.has(noun) ? undefined : noun;
  }
  return undefined;
}

/** Nouns of a part of something: "which *member* of X" asks for one of X, not for a member. */
const PARTITIVE = new Set('member members one ones part parts piece pieces chunk chunks bit bits section sections portion portions share shares'.split(' '));

const AUXILIARIES = new Set('is are was were will would did does do has have had can could should might may must shall'.split(' '));
const AUX = `(?:${[...AUXILIARIES].join('|')})`;
/** "what is the N of…", "what/who/which/where is X's N (called)", "which/what N does…" (see askedAttribute). */
const ASKED_ATTRIBUTE = [
  new RegExp(`^\\W*(?:what|which)(?:'?s|\\s+${AUX})?\\s+(?:the\\s+)?([\\p{L}-]+)\\s+of\\b`, 'u'),
  new RegExp(`^\\W*(?:what|who|which|where)(?:'?s|\\s+${AUX})\\s+[\\p{L}\\s'-]+'s?\\s+([\\p{L}-]+)(?:\\s+(?:called|named))?\\W*$`, 'u'),
  new RegExp(`^\\W*(?:which|what)\\s+([\\p{L}-]+)\\s+${AUX}\\b`, 'u'),
];

function dedupe(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.terms.map((t) => t.term).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The kind of answer asked for, and the word that asked for it in "which city…" (not content then). */
function hintOf(question: string): { hint: Hint | null; noun?: string; qualified?: boolean } {
  const lower = question.toLowerCase();
  // `noun`: the kind asked for; `qualifier`: a word before it ("which *European* leaders").
  const typed = (hint: Hint, re: RegExp): { hint: Hint; noun: string; qualified?: boolean } | undefined => {
    const groups = re.exec(lower)?.groups;
    const noun = groups?.['noun'];
    return noun ? { hint, noun, ...(groups?.['qualifier'] ? { qualified: true } : {}) } : undefined;
  };
  const found =
    typed('date', /\b(?:what|which|on what) (?<noun>date|day|year|month)\b/) ??
    typed('place', /\b(?:which|what) (?:(?<qualifier>[\p{L}'-]+) )?(?<noun>city|cities|country|countries|nation|nations|place|places|town|capital|location|venue)\b/u) ??
    typed('person', /\b(?:which|what) (?:(?<qualifier>[\p{L}'-]+) )?(?<noun>person|persons|people|leader|leaders|official|officials|man|men|woman|women|minister|ministers|president|presidents)\b/u) ??
    typed('time', /\b(?:what) (?<noun>time)\b/) ??
    typed('share', /\b(?:what|which) (?<noun>percentage|percent|proportion|share|fraction|portion)\b/);
  if (found) return found;
  // "How old is…?" asks for an age, which a count ("several", "five regions") does not give.
  const age = /\bhow (old)\b|\bwhat (age)\b/.exec(lower);
  if (age) return { hint: 'age', noun: age[1] ?? age[2] ?? '' };
  // "How long…?" asks for a length of time, which a count ("several leaders") does not give.
  if (/\bhow long\b/.test(lower)) return { hint: 'duration', noun: 'long' };
  // "How much of…?" asks for a portion ("nearly all", "half"), which a count ("five regions") does not give.
  if (/\bhow much of\b/.test(lower)) return { hint: 'share' };
  // Not "how far-reaching", "how big-hearted": an adjective of its own; nor "how big a deal",
  // "how large a role": a degree, said in words ("game-changing"), not a quantity.
  if (/\bhow (?:many|much|far|big|large)\b(?!-|\s+an?\b)/.test(lower)) return { hint: 'number' };
  // "Where does Crimea end up?", "where does that leave Kyiv?" ask what becomes of it, not for a place.
  if (/\bwhere\b[^?]*\bend(?:s|ed|ing)? up\b|\bwhere (?:does|do|did|would|will) (?:that|this|it) leave\b/.test(lower)) return { hint: null };
  // "For what reason…", "how come…", "what for?" ask why.
  // Their "reason" and "come" ask for the answer's kind, like "city" in "which city".
  const why = /\bfor what (?<noun>reason)\b|\bwhat (?:is|was|were|are) the (?<nouns>reasons?)\b|\bhow (?<come>come)\b|\bwhat\s+for\s*\??$/u.exec(lower);
  if (why) {
    const noun = why.groups?.['noun'] ?? why.groups?.['nouns'] ?? why.groups?.['come'];
    return { hint: 'reason', ...(noun ? { noun } : {}) };
  }
  const word = /\b(who|whom|whose|where|when|why)s?\b/.exec(lower)?.[1]; // "whos", "wheres": chat spellings
  return { hint: word ? QUESTION_HINTS[word as keyof typeof QUESTION_HINTS] : null };
}
