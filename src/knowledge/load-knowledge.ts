import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DealdeskError } from '../errors.js';
import { parseDocument } from './parse-document.js';
import { EntitiesFileSchema, type EntitiesFile, type Knowledge, type KnowledgeDocument } from './schemas.js';

export const ENTITIES_FILE = 'entities.yaml';
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface KnowledgeReport {
  knowledge: Knowledge;
  problems: string[];
}

/**
 * Reads and validates a knowledge folder without throwing on bad files: every problem is
 * collected (for `dealdesk check`), and the valid documents are kept.
 */
export function inspectKnowledge(dir: string): KnowledgeReport {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new DealdeskError(
      'KNOWLEDGE_DIR_MISSING',
      `Knowledge folder "${root}" does not exist. Create it with one Markdown file per document, or point --knowledge / DEALDESK_KNOWLEDGE_DIR at an existing folder.`,
    );
  }
  const problems: string[] = [];
  const hash = createHash('sha256');
  const documents: KnowledgeDocument[] = [];
  const seenIds = new Map<string, string>();
  const files = readdirSync(root).filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();

  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    hash.update(`\0${file}\0`).update(bytes);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      problems.push(`${file}: not valid UTF-8. Re-save the file as UTF-8.`);
      continue;
    }
    const parsed = parseDocument(file, text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const earlier = seenIds.get(parsed.document.id);
    if (earlier !== undefined) {
      problems.push(`${file}: field "id" duplicates "${parsed.document.id}" of ${earlier}. Give one of them a different "id".`);
      continue;
    }
    seenIds.set(parsed.document.id, file);
    documents.push(parsed.document);
  }
  if (files.length === 0) {
    problems.push(`${root}: no Markdown (.md) documents. Add at least one document (see README "Adding a document").`);
  }

  const entities = readEntities(root, problems, hash);
  return { knowledge: { dir: root, documents, entities, contentHash: hash.digest('hex') }, problems };
}

/** Loads a knowledge folder; throws one error listing every problem if any file is bad. */
export function loadKnowledge(dir: string): Knowledge {
  const { knowledge, problems } = inspectKnowledge(dir);
  if (problems.length > 0) {
    throw new DealdeskError('KNOWLEDGE_INVALID', `Knowledge folder "${knowledge.dir}" has ${problems.length} problem(s); run "dealdesk check" after fixing:`, problems);
  }
  return knowledge;
}

function readEntities(root: string, problems: string[], hash: ReturnType<typeof createHash>): EntitiesFile {
  const empty: EntitiesFile = { entities: [], synonyms: [] };
  const path = join(root, ENTITIES_FILE);
  if (!existsSync(path)) return empty;
  const bytes = readFileSync(path);
  hash.update(`\0${ENTITIES_FILE}\0`).update(bytes);
  let data: unknown;
  try {
    data = parseYaml(utf8.decode(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'not UTF-8';
    problems.push(`${ENTITIES_FILE}: not valid YAML (${reason}). Fix the file or remove it.`);
    return empty;
  }
  const parsed = EntitiesFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${ENTITIES_FILE}: field "${issue.path.join('.') || '(top level)'}" ${issue.message}. See README "Entities and synonyms".`);
    }
    return empty;
  }
  const ids = new Set<string>();
  for (const entity of parsed.data.entities) {
    if (ids.has(entity.id)) problems.push(`${ENTITIES_FILE}: entity id "${entity.id}" appears twice. Merge the two entries.`);
    ids.add(entity.id);
  }
  return parsed.data;
}
