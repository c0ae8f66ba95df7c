import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/** One corpus line of a BEIR dataset (`corpus.jsonl`). Extra fields (`metadata`) are ignored. */
const CorpusLineSchema = z.object({ _id: z.string().min(1), title: z.string().default(''), text: z.string() });
/** One query line (`queries.jsonl`). */
const QueryLineSchema = z.object({ _id: z.string().min(1), text: z.string() });

export type CorpusDocument = { id: string; title: string; text: string };
export type Query = { id: string; text: string };
/** Relevance judgments: query id → document id → grade (0 = judged not relevant). */
export type Qrels = Map<string, Map<string, number>>;

export interface BeirDataset {
  dir: string;
  split: string;
  corpus: CorpusDocument[];
  /** Only the queries judged in the split's qrels, in file order. */
  queries: Query[];
  qrels: Qrels;
}

/** `../shared/data/beir-scifact` relative to the repository, wherever the script is run from. */
export const DEFAULT_DATASET = join(repositoryRoot(), '..', 'shared', 'data', 'beir-scifact');

/** The nearest folder above this file holding package.json (src and dist layouts differ in depth). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Reads a BEIR-format folder: `corpus.jsonl` or `corpus.jsonl.gz`, `queries.jsonl` and
 * `qrels/<split>.tsv` (header `query-id corpus-id score`). Every line is validated; an error
 * names the file and line and says what to fix.
 */
export function readBeirDataset(dir: string, split: string): BeirDataset {
  const root = existingFolder(dir);
  const qrelsPath = join(root, 'qrels', `${split}.tsv`);
  const missing = [corpusPath(root) ?? join(root, 'corpus.jsonl(.gz)'), join(root, 'queries.jsonl'), qrelsPath].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `BEIR dataset "${root}" is incomplete: missing ${missing.join(', ')}. Pass --dataset with a BEIR folder ` +
        `(corpus.jsonl[.gz], queries.jsonl, qrels/${split}.tsv).`,
    );
  }
  const corpus = readJsonl(corpusPath(root) ?? '', CorpusLineSchema).map((d) => ({ id: d._id, title: d.title, text: d.text }));
  const qrels = readQrels(qrelsPath);
  const queries = readJsonl(join(root, 'queries.jsonl'), QueryLineSchema)
    .filter((q) => qrels.has(q._id))
    .map((q) => ({ id: q._id, text: q.text }));
  const asked = new Set(queries.map((q) => q.id));
  const unknown = [...qrels.keys()].filter((id) => !asked.has(id));
  if (unknown.length > 0) throw new Error(`${qrelsPath}: query ids ${unknown.slice(0, 5).join(', ')} are missing from queries.jsonl. Use the qrels that belong to this dataset.`);
  return { dir: root, split, corpus, queries, qrels };
}

/** Every query of `queries.jsonl`, judged or not (the scale benchmark asks them as questions). */
export function readQueries(dir: string): Query[] {
  const path = join(existingFolder(dir), 'queries.jsonl');
  if (!existsSync(path)) throw new Error(`BEIR dataset "${resolve(dir)}" has no queries.jsonl. Pass --dataset with a BEIR folder.`);
  return readJsonl(path, QueryLineSchema).map((q) => ({ id: q._id, text: q.text }));
}

/** The corpus of a BEIR folder without qrels (the scale benchmark). */
export function readCorpus(dir: string): CorpusDocument[] {
  const path = corpusPath(existingFolder(dir));
  if (path === undefined) throw new Error(`BEIR dataset "${resolve(dir)}" has no corpus.jsonl or corpus.jsonl.gz. Pass --dataset with a BEIR folder.`);
  return readJsonl(path, CorpusLineSchema).map((d) => ({ id: d._id, title: d.title, text: d.text }));
}

function existingFolder(dir: string): string {
  const root = resolve(dir);
  if (!existsSync(root)) {
    throw new Error(
      `BEIR dataset folder "${root}" does not exist. Pass --dataset DIR with a BEIR folder (corpus.jsonl[.gz], queries.jsonl, qrels/), ` +
        `or put BEIR SciFact at ${DEFAULT_DATASET} (see its SOURCE.md).`,
    );
  }
  return root;
}

function corpusPath(root: string): string | undefined {
  return ['corpus.jsonl', 'corpus.jsonl.gz'].map((f) => join(root, f)).find((p) => existsSync(p));
}

function readJsonl<S extends z.ZodType>(path: string, schema: S): z.output<S>[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const rows: z.output<S>[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON. Each line must be one JSON object.`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${path}:${i + 1}: field "${issue?.path.join('.') ?? ''}" ${issue?.message ?? 'is invalid'}. Each line needs "_id" and "text" strings.`);
    }
    rows.push(parsed.data);
  });
  return rows;
}

/** Reads a qrels TSV (`query-id corpus-id score`, header optional). */
export function readQrels(path: string): Qrels {
  const qrels: Qrels = new Map();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const cells = line.trim().split(/\s+/);
      if (cells.length === 1 && cells[0] === '') return;
      if (i === 0 && cells[0] === 'query-id') return;
      const [query, doc, score] = cells.length === 4 ? [cells[0], cells[2], cells[3]] : cells;
      const grade = Number(score);
      if (query === undefined || doc === undefined || !Number.isInteger(grade)) {
        throw new Error(`${path}:${i + 1}: expected "query-id<TAB>corpus-id<TAB>score" with an integer score, got "${line}".`);
      }
      const judged = qrels.get(query) ?? new Map<string, number>();
      judged.set(doc, grade);
      qrels.set(query, judged);
    });
  return qrels;
}
