import type { EntitiesFile, KnowledgeDocument } from '../knowledge/schemas.js';
import type { Passage } from '../search/passage.js';
import type { PhraseMatcher } from '../search/phrase-matcher.js';

/**
 * Example questions drawn from the knowledge itself, most prominent first: what the most
 * quoted named sources said, then the most mentioned places, people and organisations, then
 * the documents' titles. The engine keeps the first three it actually answers.
 */
export function* suggestionCandidates(
  passages: readonly Passage[],
  documents: readonly KnowledgeDocument[],
  entities: EntitiesFile,
  matcher: PhraseMatcher,
): Generator<string> {
  const speakers = countBy(passages.filter((p) => p.claim.status === 'on_record').map((p) => p.claim.source ?? ''));
  for (const speaker of speakers) if (speaker) yield `What did ${speaker} say?`;

  const mentions = new Map<string, number>();
  for (const p of passages) {
    for (const m of matcher.matchText(p.text)) if (m.type) mentions.set(m.tag, (mentions.get(m.tag) ?? 0) + 1);
  }
  const byTag = new Map(entities.entities.map((e) => [`@${e.id}`, e]));
  const ranked = [...mentions.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [tag] of ranked) {
    const entity = byTag.get(tag);
    if (entity && entity.type !== 'group') yield `What is reported about ${entity.name}?`;
  }
  for (const document of documents) yield `${document.title}?`;
}

function countBy(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}
