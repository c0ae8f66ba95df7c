/**
 * `npm run bench:scale [-- --dataset DIR] [--copies 1,5] [--json]`: index build, snapshot write
 * and load, peak RSS and answer latency over knowledge folders made from the SciFact abstracts
 * (the corpus once, ~50k sentences, and five times with distinct ids, ~250k), beside default
 * MiniSearch searching the same sentences with the same questions in the same process.
 * Each phase runs in a child process so that its peak RSS is honest.
 */
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATASET, readCorpus, readQueries } from './beir-dataset.js';
import { tempFolder, writeKnowledgeFolder } from './knowledge-folder.js';
import { progressBar } from './progress.js';
import { ScaleReportSchema, type ScaleReport, type ScaleSize, type TargetCheck } from './scale-report.js';
import { replicateCorpus } from './scale-corpus.js';
import type { PhaseResult, WorkerReply, WorkerRequest } from './scale-protocol.js';

const QUESTIONS = 1000;
/** The issue's targets, judged at the largest size (~250k sentences). */
const TARGETS = { answerP50Ms: 5, answerP99Ms: 25, snapshotLoadMs: 2000, rssMb: 600, ratioToDefault: 0.5 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: DEFAULT_DATASET },
      copies: { type: 'string', default: '1,5' },
      json: { type: 'boolean', default: false },
    },
  });
  const copies = values.copies.split(',').map(Number);
  if (copies.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`--copies must list positive whole numbers such as "1,5", not "${values.copies}".`);
  const corpus = readCorpus(values.dataset);
  const claims = readQueries(values.dataset).map((q) => q.text);
  if (claims.length < QUESTIONS) throw new Error(`${values.dataset}/queries.jsonl has ${claims.length} queries; the scale benchmark asks ${QUESTIONS}.`);
  const questions = claims.slice(0, QUESTIONS);
  const warmup = claims.slice(QUESTIONS);

  const loadAtStart = loadavg()[0] ?? 0;
  const sizes: ScaleSize[] = [];
  for (const n of copies) {
    const folder = tempFolder(`scale-${n}x`);
    try {
      const docs = replicateCorpus(corpus, n);
      const label = `${docs.length} documents`;
      process.stderr.write(`\nscale: ${label} (${n}× the corpus) in ${folder.dir}\n`);
      const bar = progressBar('  writing knowledge files', docs.length);
      const knowledgeDir = join(folder.dir, 'knowledge');
      writeKnowledgeFolder(knowledgeDir, docs, (i) => bar.tick(i));
      bar.done();
      const cacheDir = join(folder.dir, 'cache');
      mkdirSync(cacheDir);
      const request = { label, knowledgeDir, cacheDir, warmup, questions };
      const built = await runPhase({ ...request, phase: 'build' });
      const written = await runPhase({ ...request, phase: 'write' });
      const served = await runPhase({ ...request, phase: 'serve' });
      if (built.phase !== 'build' || written.phase !== 'write' || served.phase !== 'serve') throw new Error('scale worker answered the wrong phase (a bug).');
      sizes.push({
        copies: n,
        documents: built.documents,
        sentences: built.sentences,
        indexBuildMs: built.openMs - written.writeMs,
        coldOpenMs: built.openMs,
        coldOpenCpuMs: built.openCpuMs,
        snapshotWriteMs: written.writeMs,
        snapshotBytes: built.snapshotBytes,
        snapshotLoadMs: served.loadMs,
        snapshotLoadCpuMs: served.loadCpuMs,
        buildPeakRssMb: built.peakRssMb,
        loadRssMb: served.afterLoadRssMb,
        servePeakRssMb: served.servePeakRssMb,
        answer: served.answer,
        defaultMiniSearch: served.defaultMiniSearch,
        ratioP50: served.answer.p50 / served.defaultMiniSearch.search.p50,
        ratioP99: served.answer.p99 / served.defaultMiniSearch.search.p99,
      });
    } finally {
      folder.cleanup();
    }
  }
  const report = ScaleReportSchema.parse({
    dataset: values.dataset,
    node: process.version,
    cpus: cpus().length,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    questions: QUESTIONS,
    sizes,
    targets: checkTargets(sizes.at(-1)),
  });
  console.log(values.json ? JSON.stringify(report) : formatReport(report));
}

function runPhase(request: WorkerRequest): Promise<PhaseResult> {
  const script = fileURLToPath(new URL('./scale-worker.js', import.meta.url));
  return new Promise((resolvePhase, reject) => {
    const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let reply: WorkerReply | undefined;
    child.on('message', (m: WorkerReply) => (reply = m));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (reply?.ok === true) resolvePhase(reply.result);
      else reject(new Error(`the ${request.phase} phase for ${request.label} failed: ${reply?.ok === false ? reply.error : `exit code ${code ?? 'null'}`}`));
    });
    child.send(request);
  });
}

function checkTargets(size: ScaleSize | undefined): TargetCheck[] {
  if (!size) return [];
  const check = (name: string, unit: string, value: number, target: number): TargetCheck => ({ name, unit, value, target, met: value <= target, over: Math.max(0, value - target) });
  return [
    check('answer p50', 'ms', size.answer.p50, TARGETS.answerP50Ms),
    check('answer p99', 'ms', size.answer.p99, TARGETS.answerP99Ms),
    check('snapshot load', 'ms', size.snapshotLoadMs, TARGETS.snapshotLoadMs),
    check('peak RSS (load + answer)', 'MB', size.servePeakRssMb, TARGETS.rssMb),
    check('answer p50 ÷ default MiniSearch p50', '×', size.ratioP50, TARGETS.ratioToDefault),
  ];
}

function formatReport(r: ScaleReport): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const ms = (x: number): string => `${x.toFixed(2)} ms`;
  const mb = (x: number): string => `${x.toFixed(0)} MB`;
  const row = (label: string, cell: (z: ScaleSize) => string): string => `${label.padEnd(36)}${r.sizes.map((z) => cell(z).padStart(26)).join('')}`;
  const lines = [
    `Scale benchmark: SciFact abstracts as knowledge, ${r.questions} SciFact claims as questions`,
    `Node ${r.node}, ${r.cpus} cores, load average ${r.loadAverage.start.toFixed(1)} at start, ${r.loadAverage.end.toFixed(1)} at end (wall times grow with load; CPU times do not)`,
    row('', (z) => `${z.copies}× corpus`),
    row('documents', (z) => String(z.documents)),
    row('sentences', (z) => String(z.sentences)),
    row('index build (no snapshot)', (z) => s(z.indexBuildMs)),
    row('  cold Engine.open, CPU time', (z) => s(z.coldOpenCpuMs)),
    row('snapshot write', (z) => s(z.snapshotWriteMs)),
    row('snapshot size', (z) => mb(z.snapshotBytes / 2 ** 20)),
    row('snapshot load (Engine.open)', (z) => `${s(z.snapshotLoadMs)} (CPU ${s(z.snapshotLoadCpuMs)})`),
    row('peak RSS, build', (z) => mb(z.buildPeakRssMb)),
    row('peak RSS, load', (z) => mb(z.loadRssMb)),
    row('peak RSS, load + answers', (z) => mb(z.servePeakRssMb)),
    row('answer p50 / p99 (engine.ask)', (z) => `${ms(z.answer.p50)} / ${ms(z.answer.p99)}`),
    row('  CPU time p50 / p99', (z) => `${ms(z.answer.cpuP50)} / ${ms(z.answer.cpuP99)}`),
    row('default MiniSearch p50 / p99', (z) => `${ms(z.defaultMiniSearch.search.p50)} / ${ms(z.defaultMiniSearch.search.p99)}`),
    row('  CPU time p50 / p99', (z) => `${ms(z.defaultMiniSearch.search.cpuP50)} / ${ms(z.defaultMiniSearch.search.cpuP99)}`),
    row('answer ÷ default MiniSearch, p50/p99', (z) => `${z.ratioP50.toFixed(2)}× / ${z.ratioP99.toFixed(2)}×`),
    row('default MiniSearch index build', (z) => s(z.defaultMiniSearch.indexBuildMs)),
  ];
  const last = r.sizes.at(-1);
  if (last) {
    lines.push(`Targets at ${last.sentences} sentences:`);
    for (const t of r.targets) {
      const unit = (x: number): string => (t.unit === '×' ? `${x.toFixed(2)}×` : `${x.toFixed(1)} ${t.unit}`);
      const verdict = t.met ? 'met' : `MISSED by ${unit(t.over)} (${(t.value / t.target).toFixed(1)}× the target)`;
      lines.push(`  ${t.name.padEnd(38)} ${unit(t.value).padStart(12)} (target ≤ ${unit(t.target)}): ${verdict}`);
    }
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench:scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
