import type { EntitiesFile } from '../knowledge/schemas.js';
import { followers, terms, termsOf, tokenize } from '../text/analyze.js';

/** What a phrase stands for: an entity ("@zelensky") or a synonym group ("~deal"). */
export interface PhraseTag {
  tag: string;
  /** Entity type, for question-word hints; undefined for synonym groups. */
  type?: string;
}

export interface PhraseMatch extends PhraseTag {
  /** Index range [from, to) in the term sequence. */
  from: number;
  to: number;
  /** Words the phrase has (its terms and the stopwords it needs: "give up" has 2, "pause" 1). */
  words: number;
}

/**
 * Finds entity names, aliases and synonyms in a sequence of search terms, longest match first.
 * Phrases are compared as terms (stemmed, stopwords removed), so "the Ukrainian leader's" and
 * "Ukrainian leaders" both match the alias "Ukrainian leader".
 */
export class PhraseMatcher {
  /** Phrases by first term; `follow[k]`: the stopword that must come right after term k ("give *up*"). */
  private readonly byFirst = new Map<string, { terms: string[]; follow: (string | undefined)[]; tag: PhraseTag }[]>();
  /** Every single-term phrase, for typo correction of names ("zelenksy"). */
  readonly singleTerms = new Map<string, PhraseTag[]>();
  /** Entity tags each entity tag partly stands for (both directions of `related`). */
  readonly relatedTags = new Map<string, string[]>();
  /**
   * The people two `related` steps away from a place, through another place: a capital stands
   * for its country's leaders ("Moscow would…" ~ Russia ~ "Putin might…"). Not the other way (a
   * sentence naming Moscow is not about Putin), nor two people through their country (Trump and
   * Witkoff), nor two places.
   */
  readonly farTags = new Map<string, string[]>();

  constructor(entities: EntitiesFile) {
    for (const entity of entities.entities) {
      for (const other of entity.related) {
        this.relate(`@${entity.id}`, `@${other}`);
        this.relate(`@${other}`, `@${entity.id}`);
      }
    }
    const typeOf = new Map(entities.entities.map((e) => [`@${e.id}`, e.type]));
    for (const [from, near] of this.relatedTags) {
      if (typeOf.get(from) !== 'place') continue;
      const far = new Set<string>();
      for (const via of near) {
        if (typeOf.get(via) !== 'place') continue;
        for (const to of this.relatedTags.get(via) ?? []) if (typeOf.get(to) === 'person' && !near.includes(to)) far.add(to);
      }
      if (far.size > 0) this.farTags.set(from, [...far]);
    }
    for (const entity of entities.entities) {
      const tag = { tag: `@${entity.id}`, type: entity.type };
      for (const phrase of [entity.name, ...entity.aliases]) this.add(phrase, tag);
    }
    for (const group of entities.synonyms) {
      const head = terms(group[0] ?? '').join('_');
      if (head === '') continue;
      for (const phrase of group) this.add(phrase, { tag: `~${head}` });
    }
    this.addComposites(entities);
    // Longest first; of equal length, the one that needs more stopwords after it ("give up" before "give").
    const needs = (p: { follow: (string | undefined)[] }): number => p.follow.filter((f) => f !== undefined).length;
    for (const list of this.byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length || needs(b) - needs(a));
  }

  private members: Map<string, string[]> | undefined;
  /** The terms of a synonym group's one-word phrases ("~halt": halt, paus), built on first use. */
  membersOf(tag: string): readonly string[] {
    if (!this.members) {
      this.members = new Map();
      for (const [term, tags] of this.singleTerms) for (const t of tags) if (t.tag.startsWith('~')) this.members.set(t.tag, [...(this.members.get(t.tag) ?? []), term]);
    }
    return this.members.get(tag) ?? [];
  }

  /**
   * A title made of a place and a noun ("Ukrainian leader", "Russian strongman", "US envoy") is
   * also said with the place's other names and its capital, and as "the noun of the place":
   * "Kyiv's leader", "Moscow's strongman", "Kremlin strongman", "envoy of America". Generated
   * for every alias of another entity that starts with a name of a place entity; the place's
   * names of at most two words, and those of places `related` to it, take its part. A phrase that
   * already means something else is never generated (no alias points at two entities).
   */
  private addComposites(entities: EntitiesFile): void {
    const taken = new Set<string>();
    for (const list of this.byFirst.values()) for (const p of list) taken.add(p.terms.join(' '));
    const places = entities.entities.filter((e) => e.type === 'place');
    const placeOf = new Map<string, string>();
    for (const place of places) for (const phrase of [place.name, ...place.aliases]) placeOf.set(terms(phrase).join(' '), place.id);
    const namesOf = (id: string): string[] =>
      places.filter((p) => p.id === id || p.related.includes(id)).flatMap((p) => [p.name, ...p.aliases]).filter((n) => {
        const t = terms(n).length;
        return t >= 1 && t <= 2;
      });
    const generated: { phrase: string; key: string; tag: PhraseTag }[] = [];
    const generate = (phrase: string, tag: PhraseTag): void => {
      generated.push({ phrase, key: terms(phrase).join(' '), tag });
    };
    // Titles of people and groups only: a place's own alias ("Russian capital") is a description
    // ("what is the capital of Russia" asks for it), not a title.
    for (const entity of entities.entities.filter((e) => e.type !== 'place')) {
      const tag = { tag: `@${entity.id}`, type: entity.type };
      for (const alias of [entity.name, ...entity.aliases]) {
        const words = alias.split(/\s+/);
        for (let k = 1; k <= 2 && k < words.length; k++) {
          const place = placeOf.get(terms(words.slice(0, k).join(' ')).join(' '));
          if (place === undefined) continue;
          const rest = words.slice(k).join(' ');
          if (terms(rest).length === 0) continue;
          for (const name of namesOf(place)) {
            generate(`${name} ${rest}`, tag);
            generate(`${rest} of ${name}`, tag);
          }
        }
      }
    }
    // A generated phrase two entities would share is left out, like one an explicit phrase has.
    const owners = new Map<string, Set<string>>();
    for (const g of generated) owners.set(g.key, (owners.get(g.key) ?? new Set()).add(g.tag.tag));
    for (const g of generated) if (!taken.has(g.key) && owners.get(g.key)?.size === 1) this.add(g.phrase, g.tag);
  }

  private relate(from: string, to: string): void {
    const list = this.relatedTags.get(from) ?? [];
    if (!list.includes(to) && from !== to) list.push(to);
    this.relatedTags.set(from, list);
  }

  private add(phrase: string, tag: PhraseTag): void {
    // A hyphenated word is also typed closed up: "sitdown", "ceasefire", "blowup", "gamechanging".
    const closed = phrase.replace(/(\p{L})-(?=\p{L})/gu, '$1');
    if (closed !== phrase) this.add(closed, tag);
    const tokens = tokenize(phrase);
    const seq = termsOf(tokens);
    // Only stopwords between or after the terms count ("give up", "hold on to"), not before ("the Sun").
    const follow = followers(tokens);
    const first = seq[0];
    if (first === undefined) return;
    const key = (terms: readonly string[], after: readonly (string | undefined)[]): string => terms.map((t, k) => `${t}/${after[k] ?? ''}`).join(' ');
    const list = this.byFirst.get(first) ?? [];
    if (!list.some((p) => p.tag.tag === tag.tag && key(p.terms, p.follow) === key(seq, follow))) list.push({ terms: seq, follow, tag });
    this.byFirst.set(first, list);
    if (seq.length === 1 && follow[0] === undefined) {
      const tags = this.singleTerms.get(first) ?? [];
      if (!tags.some((t) => t.tag === tag.tag)) tags.push(tag);
      this.singleTerms.set(first, tags);
    }
  }

  /**
   * Non-overlapping matches, scanning left to right and preferring the longest phrase. `follows`
   * (see analyze.ts `followers`) says which stopword comes after each term: a phrase that needs
   * one ("give up") matches only where it is there.
   */
  match(seq: readonly string[], follows: readonly (string | undefined)[] = []): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const fits = (c: Phrase, i: number): boolean => fitsAt(c, seq, follows, i);
    for (let i = 0; i < seq.length; ) {
      const candidates = this.byFirst.get(seq[i] ?? '') ?? [];
      const longest = candidates.find((c) => fits(c, i));
      if (!longest) {
        i++;
        continue;
      }
      // The same words can name an entity and belong to a synonym group: keep every tag.
      for (const c of candidates) {
        if (c.terms.length === longest.terms.length && fits(c, i)) found.push({ ...c.tag, from: i, to: i + c.terms.length, words: wordsOf(c) });
      }
      i += longest.terms.length;
    }
    return found;
  }

  /**
   * The synonym groups a matched phrase of several words is made of: the `~` matches strictly
   * inside its span ("sanctions relief" holds "sanctions" ~ penalties and "relief" ~ easing), so
   * that a text indexed under the phrase is also found by the same idea in other words ("ease
   * penalties"). A name's words count too, where they are words of a group: "other European
   * nations" names Europe and says "nations" ~ countries; "Trump associate" says "associate".
   */
  parts(seq: readonly string[], follows: readonly (string | undefined)[], whole: PhraseMatch): PhraseMatch[] {
    if (whole.to - whole.from < 2) return [];
    const found: PhraseMatch[] = [];
    for (let i = whole.from; i < whole.to; i++) {
      for (const c of this.byFirst.get(seq[i] ?? '') ?? []) {
        const to = i + c.terms.length;
        if (!c.tag.tag.startsWith('~') || to > whole.to || (i === whole.from && to === whole.to)) continue;
        if (fitsAt(c, seq, follows, i)) found.push({ ...c.tag, from: i, to, words: wordsOf(c) });
      }
    }
    return found;
  }

  /** `match` over a text's words (positions count the words that have a term). */
  matchText(text: string): PhraseMatch[] {
    const tokens = tokenize(text);
    return this.match(termsOf(tokens), followers(tokens));
  }
}

/** A phrase's terms and, for each, the stopword that must come right after it ("give *up*"). */
interface Phrase {
  terms: readonly string[];
  follow: readonly (string | undefined)[];
}

/** Does the phrase stand at position `i` of the term sequence, with the stopwords it needs? */
function fitsAt(phrase: Phrase, seq: readonly string[], follows: readonly (string | undefined)[], i: number): boolean {
  return phrase.terms.every((t, k) => seq[i + k] === t && (phrase.follow[k] === undefined || follows[i + k] === phrase.follow[k]));
}

/** Terms plus the stopwords that must follow them. */
function wordsOf(phrase: Phrase): number {
  return phrase.terms.length + phrase.follow.filter((f) => f !== undefined).length;
}
