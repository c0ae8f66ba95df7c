import { setFlagsFromString } from 'node:v8';

/**
 * The V8 setting of a process that answers questions: the bot (`npm start`, each Discord shard),
 * the terminal chat, `ask`, and the benchmarks that stand in for them.
 *
 * V8 "pretenures" an allocation site — allocates its objects straight into the old generation —
 * once nearly all of them survive a young-generation collection. An answer's working objects
 * (BM25 hits and their match maps, ranked candidates, credits) all live as long as the answer,
 * so on a large knowledge base, where a collection often falls inside an answer, their sites are
 * pretenured, and from then on every answer's garbage waits for a full collection. Measured at
 * ×5 SciFact (229,576 sentences, 1,000 answers after warm-up): with pretenuring the heap grew from
 * 166 to 514 MB (168 MB of it live) and peak RSS reached 701–789 MB; without it the heap stayed
 * under 210 MB and peak RSS at 464–478 MB (the snapshot load's), answers no slower
 * (p50 3.3 ms against 3.5–3.8 ms, mean 3.5–3.8 against 4.1–4.3 ms).
 */
export const SERVING_V8_FLAGS = '--no-allocation-site-pretenuring';

let applied = false;

/** Applies SERVING_V8_FLAGS to this process, before the engine's code runs hot. Idempotent. */
export function useServingHeap(): void {
  if (applied) return;
  setFlagsFromString(SERVING_V8_FLAGS);
  applied = true;
}
