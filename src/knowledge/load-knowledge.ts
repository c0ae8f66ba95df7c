import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DealdeskError } from '../errors.js';
import { parseDocument } from './parse-document.js';
import { parseYaml } from './parse-yaml.js';
import { EntitiesFileSchema, type EntitiesFile, type Knowledge, type KnowledgeDocument } from './schemas.js';

export const ENTITIES_FILE = 'entities.yaml';
const utf8 = new TextDecoder('utf-8', { fatal: true });


export interface KnowledgeFiles {
  dir: string;
  /** Documents (`*.md`, README.md excepted), sorted by name, as raw bytes. */
  documents: { file: string; bytes: Buffer }[];
  entities: Buffer | undefined;
  /** sha256 of every file that shapes the index; keys the snapshot. */
  contentHash: string;
}

/** Reads a knowledge folder's files and hashes them, without parsing anything. */
export function readKnowledgeFiles(dir: string): KnowledgeFiles {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new DealdeskError(
      'KNOWLEDGE_DIR_MISSING',
      `Knowledge folder "${root}" does not exist. Create it with one Markdown file per document, or point --knowledge / DEALDESK_KNOWLEDGE_DIR at an existing folder.`,
    );
  }
  const hash = createHash('sha256');
  const documents = readdirSync(root)
    .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(root, file));
      hash.update(`\0${file}\0`).update(bytes);
      return { file, bytes };
    });
  const entitiesPath = join(root, ENTITIES_FILE);
  const entities = existsSync(entitiesPath) ? readFileSync(entitiesPath) : undefined;
  if (entities) hash.update(`\0${ENTITIES_FILE}\0`).update(entities);
  return { dir: root, documents, entities, contentHash: hash.digest('hex') };
}

export interface KnowledgeReport {
  knowledge: Knowledge;
  problems: string[];
}

/**
 * Reads and validates a knowledge folder without throwing on bad files: every problem is
 * collected (for `dealdesk check`), and the valid documents are kept.
 */
export function inspectKnowledge(dir: string | KnowledgeFiles): KnowledgeReport {
  const files = typeof dir === 'string' ? readKnowledgeFiles(dir) : dir;
  const problems: string[] = [];
  const documents: KnowledgeDocument[] = [];
  const seenIds = new Map<string, string>();
  for (const { file, bytes } of files.documents) {
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
  if (files.documents.length === 0) {
    problems.push(`${files.dir}: no Markdown (.md) documents. Add at least one document (see README "Adding a document").`);
  }
  const entities = files.entities ? readEntities(files.entities, problems) : { entities: [], synonyms: [] };
  return { knowledge: { dir: files.dir, documents, entities, contentHash: files.contentHash }, problems };
}

/** Loads a knowledge folder; throws one error listing every problem if any file is bad. */
export function loadKnowledge(dir: string | KnowledgeFiles): Knowledge {
  const { knowledge, problems } = inspectKnowledge(dir);
  if (problems.length > 0) {
    throw new DealdeskError('KNOWLEDGE_INVALID', `Knowledge folder "${knowledge.dir}" has ${problems.length} problem(s); run "dealdesk check" after fixing:`, problems);
  }
  return knowledge;
}

function readEntities(bytes: Buffer, problems: string[]): EntitiesFile {
  const empty: EntitiesFile = { entities: [], synonyms: [] };
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
  for (const entity of parsed.data.entities) {
    for (const other of entity.related) {
      if (!ids.has(other)) problems.push(`${ENTITIES_FILE}: entity "${entity.id}" lists unknown related id "${other}". Use the id of another entry.`);
    }
  }
  // An entry in two groups would join them by the back door ("nail down" both approving and
  // settling); entities.yaml keeps each entry in one group.
  const groupOf = new Map<string, number>();
  parsed.data.synonyms.forEach((group, i) => {
    for (const entry of group) {
      const key = entry.toLowerCase();
      const first = groupOf.get(key);
      if (first !== undefined && first !== i) problems.push(`${ENTITIES_FILE}: synonym "${entry}" is in group ${first + 1} and group ${i + 1}. Keep it in one group.`);
      else groupOf.set(key, i);
    }
  });
  return parsed.data;
}
