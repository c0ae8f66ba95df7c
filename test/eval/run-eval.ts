/**
 * `npm run eval [-- --set FILE ...] [--json] [--verbose]`: answer quality on the evaluation sets.
 * Default sets: every test/eval/questions.yaml, questions-N.yaml (dev), then every test/eval/holdout.yaml,
 * holdout-N.yaml (written blind, not for tuning: their misses are hidden unless --show-holdout), in number order.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../src/answer/engine.js';
import { evaluate, readEvalSet, type EvalReport } from '../../src/eval/evaluate.js';
import { resolveKnowledgeDir } from '../../src/knowledge/resolve-knowledge-dir.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    knowledge: { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'show-holdout': { type: 'boolean', default: false },
  },
});
/** The dev sets, then the held-out sets, of a folder, each kind in number order (no number = 1). */
function defaultSets(dir: string): string[] {
  const sets = readdirSync(dir).flatMap((file) => {
    const m = /^(questions|holdout)(?:-(\d+))?\.yaml$/.exec(file);
    return m ? [{ file: join(dir, file), kind: m[1] === 'questions' ? 0 : 1, n: Number(m[2] ?? 1) }] : [];
  });
  return sets.sort((a, b) => a.kind - b.kind || a.n - b.n).map((s) => s.file);
}

const sets = values.set ?? defaultSets('test/eval');
const engine = Engine.open({ knowledgeDir: resolveKnowledgeDir(values.knowledge) });
const reports: Record<string, EvalReport> = {};
for (const set of sets) reports[set] = evaluate(engine, readEvalSet(resolve(set)));

if (values.json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  for (const [set, r] of Object.entries(reports)) {
    console.log(`\n${set}: ${r.answerable} answerable, ${r.offtopic} off-topic, ${r.claims} claim labels`);
    console.log(`  top-1                       ${pct(r.top1)}   (target ≥ 95%)`);
    console.log(`  hit@3                       ${pct(r.hitAt3)}   (target 100%)`);
    console.log(`  off-topic declined          ${pct(r.offtopicDeclined)}   (target 100%)`);
    console.log(`  answerable wrongly declined ${pct(r.wronglyDeclined)}   (target ≤ 4%)`);
    if (r.claims > 0) {
      const f = r.attributionFields;
      console.log(`  attribution                 ${pct(r.attribution)}   (target ≥ 90%; status ${pct(f.status)}, source ${pct(f.source)}, conditional ${pct(f.conditional)})`);
    }
    // The held-out set's misses stay hidden unless asked for by name: it is not for tuning.
    const heldOut = set.includes('holdout');
    if (values.verbose && (!heldOut || values['show-holdout'])) for (const failure of r.failures) console.log(`    - ${failure}`);
  }
}
