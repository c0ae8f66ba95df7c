import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ClaimStatusSchema } from '../claims/attribute-claims.js';
import type { Engine } from '../answer/engine.js';
import { DealdeskError } from '../errors.js';

/** An evaluation set (`test/eval/*.yaml`): questions with the sentences that answer them. */
export const EvalSetSchema = z.object({
  answerable: z.array(z.object({ q: z.string(), expect: z.array(z.string()).min(1), why: z.string() })),
  offtopic: z.array(z.object({ q: z.string(), why: z.string() })),
  claims: z
    .array(
      z.object({
        sentence: z.string(),
        status: ClaimStatusSchema,
        source: z.string().nullable(),
        conditional: z.boolean(),
        why: z.string().optional(),
      }),
    )
    .default([]),
});
export type EvalSet = z.infer<typeof EvalSetSchema>;

export function readEvalSet(path: string): EvalSet {
  const parsed = EvalSetSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new DealdeskError('EVAL_INVALID', `${path} is not a valid evaluation set; fix these fields:`, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

export interface EvalReport {
  answerable: number;
  offtopic: number;
  claims: number;
  /** Share of answerable questions whose first citation is an expected sentence. */
  top1: number;
  /** Share whose expected sentence is among the first three citations. */
  hitAt3: number;
  /** Share of off-topic questions declined. */
  offtopicDeclined: number;
  /** Share of answerable questions declined. */
  wronglyDeclined: number;
  /** Share of labelled sentences whose status, source and conditional all match. */
  attribution: number;
  attributionFields: { status: number; source: number; conditional: number };
  failures: string[];
}

/** Runs an evaluation set against an engine. Sentences are matched by their expected substrings. */
export function evaluate(engine: Engine, set: EvalSet): EvalReport {
  const failures: string[] = [];
  let top1 = 0;
  let hit3 = 0;
  let declined = 0;
  for (const item of set.answerable) {
    const result = engine.ask(item.q);
    const sentences = result.citations.map((c) => engine.sentence(c.id) ?? '');
    const isExpected = (s: string): boolean => item.expect.some((e) => s.includes(e));
    if (result.status === 'no_answer') {
      declined++;
      failures.push(`declined: "${item.q}" (expected "${item.expect[0]}")`);
      continue;
    }
    if (sentences[0] !== undefined && isExpected(sentences[0])) top1++;
    else failures.push(`top-1 miss: "${item.q}" → "${(sentences[0] ?? '').slice(0, 70)}" (expected "${item.expect[0]}")`);
    if (sentences.slice(0, 3).some(isExpected)) hit3++;
  }
  let offDeclined = 0;
  for (const item of set.offtopic) {
    const result = engine.ask(item.q);
    if (result.status === 'no_answer') offDeclined++;
    else failures.push(`answered off-topic: "${item.q}" → "${result.citations[0]?.quote.slice(0, 70)}"`);
  }
  const passages = engine.allPassages();
  const fields = { status: 0, source: 0, conditional: 0 };
  let attributed = 0;
  for (const label of set.claims) {
    const passage = passages.find((p) => p.text.includes(label.sentence));
    if (!passage) {
      failures.push(`claim label names no sentence: "${label.sentence}"`);
      continue;
    }
    const status = passage.claim.status === label.status;
    const source = sameSource(passage.claim.source, label.source);
    const conditional = passage.claim.conditional === label.conditional;
    fields.status += status ? 1 : 0;
    fields.source += source ? 1 : 0;
    fields.conditional += conditional ? 1 : 0;
    if (status && source && conditional) attributed++;
    else failures.push(`claim: "${label.sentence}" → ${JSON.stringify(passage.claim)} (expected ${label.status}, ${JSON.stringify(label.source)}, ${label.conditional})`);
  }
  const n = set.answerable.length || 1;
  const c = set.claims.length || 1;
  return {
    answerable: set.answerable.length,
    offtopic: set.offtopic.length,
    claims: set.claims.length,
    top1: top1 / n,
    hitAt3: hit3 / n,
    offtopicDeclined: offDeclined / (set.offtopic.length || 1),
    wronglyDeclined: declined / n,
    attribution: attributed / c,
    attributionFields: { status: fields.status / c, source: fields.source / c, conditional: fields.conditional / c },
    failures,
  };
}

function sameSource(actual: string | null, expected: string | null): boolean {
  const norm = (s: string | null): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(actual) === norm(expected);
}
