/**
 * One measured phase of `npm run bench:scale`, in its own process so that its peak RSS is its
 * own: `build` (cold Engine.open that writes the snapshot), `write` (the snapshot written again
 * by the engine's own writeSnapshot), `serve` (Engine.open from the snapshot, then answering,
 * then default MiniSearch over the same sentences). Sends one result message to the parent.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/answer/engine.js';
import { useServingHeap } from '../../src/answer/serving-heap.js';
import { readSnapshot, writeSnapshot } from '../../src/search/snapshot.js';
import { defaultMiniSearch } from './default-minisearch.js';
import { progressBar, whileBlocking } from './progress.js';
import { timed, timedLatency } from './stats.js';
import type { PhaseResult, WorkerRequest } from './scale-protocol.js';

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

function build(req: WorkerRequest): PhaseResult {
  const { value: engine, ms, cpuMs } = timed(() =>
    whileBlocking(`  indexing ${req.label}`, () => Engine.open({ knowledgeDir: req.knowledgeDir, cacheDir: req.cacheDir, log: (m) => process.stderr.write(`  ${m}\n`) })),
  );
  const snapshot = readdirSync(req.cacheDir).find((f) => /^index-[0-9a-f]+\.bin$/.test(f));
  if (snapshot === undefined) throw new Error(`no snapshot was written to ${req.cacheDir}; the engine's log above says why.`);
  return {
    phase: 'build',
    openMs: ms,
    openCpuMs: cpuMs,
    sentences: engine.size,
    documents: engine.documents.length,
    snapshotBytes: statSync(join(req.cacheDir, snapshot)).size,
    peakRssMb: peakRssMb(),
  };
}

function write(req: WorkerRequest): PhaseResult {
  const file = readdirSync(req.cacheDir).find((f) => /^index-[0-9a-f]+\.bin$/.test(f)) ?? '';
  const snapshot = readSnapshot(req.cacheDir, file.replace(/^index-|\.bin$/g, ''));
  if (snapshot === undefined) throw new Error(`the snapshot in ${req.cacheDir} did not load; run the build phase first.`);
  const { ms } = timed(() => writeSnapshot(join(req.cacheDir, 'rewrite'), snapshot));
  return { phase: 'write', writeMs: ms };
}

function serve(req: WorkerRequest): PhaseResult {
  const { value: engine, ms: loadMs, cpuMs: loadCpuMs } = timed(() => Engine.open({ knowledgeDir: req.knowledgeDir, cacheDir: req.cacheDir }));
  const afterLoadRssMb = peakRssMb();
  const ask = (q: string): unknown => engine.ask(q);
  const ours = answerAll(`  dealdesk answers (${req.label})`, req, ask);
  const servePeakRssMb = peakRssMb();

  const sentences = engine.allPassages().map((p, id) => ({ id, text: p.text }));
  const baseline = timed(() => whileBlocking(`  default MiniSearch indexing (${req.label})`, () => defaultMiniSearch(['text'], sentences)));
  const theirs = answerAll(`  default MiniSearch search (${req.label})`, req, (q) => baseline.value.search(q));
  return {
    phase: 'serve',
    loadMs,
    loadCpuMs,
    afterLoadRssMb,
    servePeakRssMb,
    answer: timedLatency(ours),
    defaultMiniSearch: { indexBuildMs: baseline.ms, search: timedLatency(theirs) },
  };
}

/** Warm-up questions first (not measured), then the measured ones, one at a time. */
function answerAll(label: string, req: WorkerRequest, run: (q: string) => unknown): { ms: number; cpuMs: number }[] {
  for (const q of req.warmup) run(q);
  const bar = progressBar(label, req.questions.length);
  const times = req.questions.map((q, i) => {
    const { ms, cpuMs } = timed(() => run(q));
    bar.tick(i + 1);
    return { ms, cpuMs };
  });
  bar.done();
  return times;
}

// The engine runs as the bot runs it (answer/serving-heap.ts).
useServingHeap();
process.once('message', (req: WorkerRequest) => {
  try {
    const result = req.phase === 'build' ? build(req) : req.phase === 'write' ? write(req) : serve(req);
    process.send?.({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  }
});
