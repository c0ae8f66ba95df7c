import type { CorpusDocument } from './beir-dataset.js';

/**
 * The corpus `copies` times over, each copy with distinct ids (`<id>` for the first copy,
 * `<id>-copy<k>` after), so a knowledge folder grows without changing what its text looks like.
 */
export function replicateCorpus(corpus: readonly CorpusDocument[], copies: number): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (let k = 0; k < copies; k++) for (const d of corpus) out.push({ ...d, id: k === 0 ? d.id : `${d.id}-copy${k + 1}` });
  return out;
}
