import { Engine } from '../src/answer/engine.js';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway knowledge folder with the given files; returns its path and a cleanup function. */
export function tempKnowledge(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dealdesk-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `check` on an engine over a throwaway knowledge folder of `files` (no snapshot), then removes it. */
export function withEngine(files: Record<string, string>, check: (engine: Engine) => void): void {
  const t = tempKnowledge(files);
  try {
    check(Engine.open({ knowledgeDir: t.dir, cacheDir: null }));
  } finally {
    t.cleanup();
  }
}

/** The quote an answer leads with, or undefined when the engine declines. */
export function leadQuote(engine: Engine, question: string): string | undefined {
  const result = engine.ask(question);
  return result.status === 'answered' ? result.citations[0]?.quote : undefined;
}

/** A minimal valid document. */
export function doc(title: string, body: string, extra = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\n${extra}---\n\n${body}\n`;
}

export const SEED_DIR = 'knowledge';
