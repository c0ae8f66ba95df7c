import type { EntitiesFile } from '../knowledge/schemas.js';
import { terms } from '../text/analyze.js';

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
}

/**
 * Finds entity names, aliases and synonyms in a sequence of search terms, longest match first.
 * Phrases are compared as terms (stemmed, stopwords removed), so "the Ukrainian leader's" and
 * "Ukrainian leaders" both match the alias "Ukrainian leader".
 */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, { terms: string[]; tag: PhraseTag }[]>();
  /** Every single-term phrase, for typo correction of names ("zelenksy"). */
  readonly singleTerms = new Map<string, PhraseTag[]>();
  /** Entity tags each entity tag partly stands for (both directions of `related`). */
  readonly relatedTags = new Map<string, string[]>();

  constructor(entities: EntitiesFile) {
    for (const entity of entities.entities) {
      for (const other of entity.related) {
        this.relate(`@${entity.id}`, `@${other}`);
        this.relate(`@${other}`, `@${entity.id}`);
      }
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
    for (const list of this.byFirst.values()) list.sort((a, b) => b.terms.length - a.terms.length);
  }

  private relate(from: string, to: string): void {
    const list = this.relatedTags.get(from) ?? [];
    if (!list.includes(to) && from !== to) list.push(to);
    this.relatedTags.set(from, list);
  }

  private add(phrase: string, tag: PhraseTag): void {
    const seq = terms(phrase);
    const first = seq[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    if (!list.some((p) => p.tag.tag === tag.tag && p.terms.join(' ') === seq.join(' '))) list.push({ terms: seq, tag });
    this.byFirst.set(first, list);
    if (seq.length === 1) {
      const tags = this.singleTerms.get(first) ?? [];
      if (!tags.some((t) => t.tag === tag.tag)) tags.push(tag);
      this.singleTerms.set(first, tags);
    }
  }

  /** Non-overlapping matches, scanning left to right and preferring the longest phrase. */
  match(seq: readonly string[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (let i = 0; i < seq.length; ) {
      const candidates = this.byFirst.get(seq[i] ?? '') ?? [];
      const longest = candidates.find((c) => c.terms.every((t, k) => seq[i + k] === t));
      if (!longest) {
        i++;
        continue;
      }
      // The same words can name an entity and belong to a synonym group: keep every tag.
      for (const c of candidates) {
        if (c.terms.length === longest.terms.length && c.terms.every((t, k) => seq[i + k] === t)) {
          found.push({ ...c.tag, from: i, to: i + c.terms.length });
        }
      }
      i += longest.terms.length;
    }
    return found;
  }
}
