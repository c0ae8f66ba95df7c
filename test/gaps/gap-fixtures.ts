import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/answer/engine.js';
import { AnswerResultSchema, type AnswerResult } from '../../src/answer/result.js';
import { doc, tempKnowledge } from '../helpers.js';

/**
 * A small knowledge folder of three synthetic reports, written for these tests: one people ask
 * about, one they vote on, one nobody cites.
 */
export function reportKnowledge(): { dir: string; engine: Engine; keyOf: (sentence: string) => string; cleanup: () => void } {
  const t = tempKnowledge({
    'talks.md': doc('Envoys meet in Geneva', 'Envoys met in Geneva on Monday to discuss a ceasefire.\n\nThe observers will patrol the northern front from September.'),
    'ports.md': doc('The river ports', 'The status of the river ports remains disputed between the two delegations.'),
    'prisoners.md': doc('Prisoner exchange', 'Each side will release 250 detainees in the first month.'),
  });
  const engine = Engine.open({ knowledgeDir: t.dir });
  const keyOf = (sentence: string): string => {
    const passage = engine.allPassages().find((p) => p.text.startsWith(sentence));
    if (passage === undefined) throw new Error(`test fixture: no sentence starting "${sentence}"`);
    return passage.key;
  };
  return { dir: t.dir, engine, keyOf, cleanup: t.cleanup };
}

/** An answered result, as the engine returns it, with overrides of its top citation (validated). */
export function answered(engine: Engine, question: string, top: { coverage?: number } = {}): AnswerResult {
  const result = engine.ask(question);
  if (result.status !== 'answered') throw new Error(`test fixture: "${question}" was not answered`);
  const [first, ...rest] = result.citations;
  return AnswerResultSchema.parse({ ...result, citations: [{ ...first, ...top }, ...rest] });
}

/** A throwaway data folder with the given JSON-lines files (arrays of lines, objects stringified). */
export function tempData(files: Record<string, readonly (string | object)[]> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dealdesk-data-'));
  for (const [name, lines] of Object.entries(files)) {
    writeFileSync(join(dir, name), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
