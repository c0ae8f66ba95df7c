import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusDocument } from './beir-dataset.js';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A throwaway folder; `cleanup` removes it. */
export function tempFolder(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `dealdesk-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One knowledge document as the bot reads it: the title in the front-matter (JSON-quoted, which
 * is valid YAML for any title), the text as the body.
 */
export function knowledgeMarkdown(id: string, title: string, text: string): string {
  return `---\ntitle: ${JSON.stringify(title.trim() === '' ? id : title)}\nid: ${JSON.stringify(id)}\n---\n\n${text.trim() === '' ? title || id : text}\n`;
}

/**
 * Writes a corpus as a knowledge folder, one Markdown file per document. Ids the front-matter
 * schema would reject get a safe stand-in; the returned map leads from knowledge id back to
 * corpus id.
 */
export function writeKnowledgeFolder(dir: string, corpus: readonly CorpusDocument[], onWritten?: (done: number) => void): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const toCorpusId = new Map<string, string>();
  corpus.forEach((doc, i) => {
    const id = SAFE_ID.test(doc.id) && !toCorpusId.has(doc.id) ? doc.id : `beir-doc-${i}`;
    toCorpusId.set(id, doc.id);
    writeFileSync(join(dir, `${String(i).padStart(7, '0')}.md`), knowledgeMarkdown(id, doc.title, doc.text));
    onWritten?.(i + 1);
  });
  return toCorpusId;
}
