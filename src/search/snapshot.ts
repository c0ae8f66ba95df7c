import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INDEX_OPTIONS } from './index-options.js';
import { EntitiesFileSchema } from '../knowledge/schemas.js';
import { ClaimStatusSchema } from '../claims/attribute-claims.js';
import { checkCompactData, type CompactIndexData } from './compact-index.js';
import { touchCached, writeCached } from '../cache-files.js';
import { hashSources } from '../text/fingerprint.js';
import { HintSchema, type Passage } from './passage.js';

const DocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  url: z.string().optional(),
  published: z.string().optional(),
  language: z.string().optional(),
  notes: z.string().optional(),
  file: z.string(),
  body: z.string(),
});

/** Everything an engine is made of: what `writeSnapshot` stores and `readSnapshot` gives back. */
export interface SnapshotContent {
  key: string;
  documents: z.infer<typeof DocumentSchema>[];
  entities: z.infer<typeof EntitiesFileSchema>;
  passages: Passage[];
  /** Document frequency of each term and tag of the sentence index. */
  vocabulary: Map<string, number>;
  suggestions: string[];
  related: Record<string, string[]>;
  english: Record<string, number>;
  /** Nouns whose commonest sense is a concrete thing (text/thesaurus.ts readConcreteNouns). */
  concrete: string[];
  /** Words English writes only with a capital (text/thesaurus.ts readProperWords). */
  proper: string[];
  /** For each place entity WordNet knows, the place entities it lies within (Engine.build). */
  placeIn: Record<string, string[]>;
  /** A kind of thing the knowledge has one entity of ("peninsula" → "@crimea"), by term (Engine.build). */
  described: Record<string, string>;
  /** For each place entity WordNet knows, the terms of its kinds ("@kyiv" → capit, citi, …) (Engine.build). */
  placeKinds: Record<string, string[]>;
  irregular: Record<string, string>;
  sentences: CompactIndexData;
  paragraphs: CompactIndexData;
}

const INDEX_HEAD = z.object({
  documentCount: z.number().int().nonnegative(),
  fields: z.array(z.string()).min(1),
  averageFieldLength: z.array(z.number()),
  terms: z.array(z.string()),
});

const SECTION = z.object({ type: z.enum(['u8', 'u16', 'u32']), offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });

/** The JSON head of a snapshot file: what is not a column of numbers. Validated on load, never cast. */
const HeadSchema = z.object({
  key: z.string(),
  documents: z.array(DocumentSchema),
  entities: EntitiesFileSchema,
  suggestions: z.array(z.string()),
  related: z.record(z.string(), z.array(z.string())),
  english: z.record(z.string(), z.number()),
  concrete: z.array(z.string()),
  proper: z.array(z.string()),
  placeIn: z.record(z.string(), z.array(z.string())),
  described: z.record(z.string(), z.string()),
  placeKinds: z.record(z.string(), z.array(z.string())),
  irregular: z.record(z.string(), z.string()),
  /** Claim sources and entity tags of the passages, each once; columns refer to them by number. */
  strings: z.array(z.string()),
  passageCount: z.number().int().nonnegative(),
  sentences: INDEX_HEAD,
  paragraphs: INDEX_HEAD,
  sections: z.record(z.string(), SECTION),
});

/**
 * The snapshot key: the knowledge content hash, every index option, and the engine's own code
 * (every source file under src/), so a changed analysis or ranking never reads a stale index.
 */
export function snapshotKey(contentHash: string): string {
  return createHash('sha256').update(contentHash).update(JSON.stringify(INDEX_OPTIONS)).update(engineFingerprint()).digest('hex').slice(0, 32);
}

let fingerprint: string | undefined;
/** sha256 of the engine's source files (compiled .js, or .ts when run from source); ~2 ms once. */
function engineFingerprint(): string {
  if (fingerprint === undefined) {
    fingerprint = hashSources(createHash('sha256'), join(dirname(fileURLToPath(import.meta.url)), '..'), true).digest('hex');
  }
  return fingerprint;
}

/** `DEALDESK_CACHE_DIR`, else a folder in the system's temp directory. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['DEALDESK_CACHE_DIR'];
  return dir !== undefined && dir.trim() !== '' ? dir : join(tmpdir(), 'dealdesk-cache');
}

export function snapshotPath(cacheDir: string, key: string): string {
  return join(cacheDir, `index-${key}.bin`);
}

/**
 * The file: 8 bytes of magic, the length of a JSON head, the head, then every column of numbers
 * (passage fields, posting lists) as raw little-endian bytes, each 8-byte aligned. Loading reads
 * the columns in place instead of parsing and validating hundreds of thousands of JSON objects;
 * their values are range-checked instead (see `readSnapshot`).
 */
const MAGIC = 'DDSNAP02';
const HINTS = HintSchema.options;
/** Passage flags: bit 0 the claim's `conditional`, then one bit per hint, then `refersBack`. */
const REFERS_BACK_BIT = 1 << (HINTS.length + 1);
const STATUSES = ClaimStatusSchema.options;

/** Reads and validates a snapshot; undefined when absent, stale or invalid (the caller rebuilds). */
export function readSnapshot(cacheDir: string, key: string): SnapshotContent | undefined {
  const path = snapshotPath(cacheDir, key);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const content = decode(fileReader(fd), key);
    if (content) touchCached(path);
    return content;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads parts of an open file straight into their destination: the columns never pass through
 * a buffer of the whole file (at 230k sentences that would add ~90 MB to start-up's peak memory).
 */
interface FileReader {
  size: number;
  /** `length` bytes at `position`; throws BadSnapshot past the end. */
  bytes(position: number, length: number): Buffer;
  /** Fills `into` from `position`; throws BadSnapshot past the end. */
  fill(into: Uint8Array, position: number): void;
}

function fileReader(fd: number): FileReader {
  const size = fstatSync(fd).size;
  const fill = (into: Uint8Array, position: number): void => {
    check(position + into.byteLength <= size, 'bounds');
    for (let done = 0; done < into.byteLength; ) {
      const read = readSync(fd, into, done, into.byteLength - done, position + done);
      check(read > 0, 'short read');
      done += read;
    }
  };
  return {
    size,
    fill,
    bytes: (position, length) => {
      const out = Buffer.alloc(length);
      fill(out, position);
      return out;
    },
  };
}

/** Writes atomically (temp file + rename), so a reader never sees half a snapshot. */
export function writeSnapshot(cacheDir: string, snapshot: SnapshotContent): string {
  const path = snapshotPath(cacheDir, snapshot.key);
  writeCached(path, 'index-', encode(snapshot));
  return path;
}

type Column = Uint8Array | Uint16Array | Uint32Array;

function encode(s: SnapshotContent): Buffer {
  const strings = new Map<string, number>();
  const stringId = (v: string): number => {
    let id = strings.get(v);
    if (id === undefined) strings.set(v, (id = strings.size));
    return id;
  };
  const n = s.passages.length;
  const cols = {
    doc: new Uint32Array(n),
    paragraph: new Uint32Array(n),
    sentence: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
    quoteStart: new Uint32Array(n),
    para: new Uint32Array(n),
    paragraphStart: new Uint32Array(n),
    paragraphEnd: new Uint32Array(n),
    status: new Uint8Array(n),
    /** bit 0: conditional; bits 1…: hints. */
    flags: new Uint16Array(n),
    /** 0: no source; else string id + 1. */
    source: new Uint32Array(n),
    keys: new Uint8Array(n * 12),
    namesAt: new Uint32Array(2 * n + 1),
  };
  const names: number[] = [];
  s.passages.forEach((p, i) => {
    cols.doc[i] = p.doc;
    cols.paragraph[i] = p.paragraph;
    cols.sentence[i] = p.sentence;
    cols.start[i] = p.start;
    cols.end[i] = p.end;
    cols.quoteStart[i] = p.quoteStart;
    cols.para[i] = p.para;
    cols.paragraphStart[i] = p.paragraphStart;
    cols.paragraphEnd[i] = p.paragraphEnd;
    cols.status[i] = STATUSES.indexOf(p.claim.status);
    cols.flags[i] = (p.claim.conditional ? 1 : 0) | p.hints.reduce((bits, h) => bits | (1 << (HINTS.indexOf(h) + 1)), 0) | (p.refersBack ? REFERS_BACK_BIT : 0);
    cols.source[i] = p.claim.source === null ? 0 : stringId(p.claim.source) + 1;
    cols.keys.set(Buffer.from(p.key, 'latin1'), i * 12);
    // People then places, as string ids, delimited by namesAt.
    cols.namesAt[2 * i] = names.length;
    for (const tag of p.people) names.push(stringId(tag));
    cols.namesAt[2 * i + 1] = names.length;
    for (const tag of p.places) names.push(stringId(tag));
  });
  cols.namesAt[2 * n] = names.length;
  const df = new Uint32Array(s.sentences.terms.length);
  s.sentences.terms.forEach((t, i) => (df[i] = s.vocabulary.get(t) ?? 0));
  const columns: Record<string, Column> = {
    ...Object.fromEntries(Object.entries(cols).map(([k, v]) => [`passage.${k}`, v])),
    'passage.names': Uint32Array.from(names),
    'vocabulary.df': df,
    ...indexColumns('sentences', s.sentences),
    ...indexColumns('paragraphs', s.paragraphs),
  };
  const sections: Record<string, z.infer<typeof SECTION>> = {};
  let offset = 0;
  for (const [name, column] of Object.entries(columns)) {
    sections[name] = { type: column instanceof Uint8Array ? 'u8' : column instanceof Uint16Array ? 'u16' : 'u32', offset, length: column.length };
    offset = align(offset + column.byteLength);
  }
  const indexHead = (d: CompactIndexData): z.infer<typeof INDEX_HEAD> => ({ documentCount: d.documentCount, fields: d.fields, averageFieldLength: d.averageFieldLength, terms: d.terms });
  const head: z.infer<typeof HeadSchema> = {
    key: s.key,
    documents: s.documents,
    entities: s.entities,
    suggestions: s.suggestions,
    related: s.related,
    english: s.english,
    concrete: s.concrete,
    proper: s.proper,
    placeIn: s.placeIn,
    described: s.described,
    placeKinds: s.placeKinds,
    irregular: s.irregular,
    strings: [...strings.keys()],
    passageCount: n,
    sentences: indexHead(s.sentences),
    paragraphs: indexHead(s.paragraphs),
    sections,
  };
  const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
  const dataStart = align(12 + headBytes.length);
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headBytes.length, 8);
  headBytes.copy(out, 12);
  for (const [name, column] of Object.entries(columns)) {
    const at = dataStart + (sections[name]?.offset ?? 0);
    Buffer.from(column.buffer, column.byteOffset, column.byteLength).copy(out, at);
  }
  return out;
}

function indexColumns(name: string, d: CompactIndexData): Record<string, Column> {
  return { [`${name}.fieldLength`]: d.fieldLength, [`${name}.offsets`]: d.offsets, [`${name}.docs`]: d.docs, [`${name}.freqs`]: d.freqs };
}

const align = (n: number): number => Math.ceil(n / 8) * 8;

/** Thrown inside `decode` for any inconsistency; `readSnapshot` turns it into "rebuild". */
class BadSnapshot extends Error {}
function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new BadSnapshot(what);
}

function decode(file: FileReader, key: string): SnapshotContent | undefined {
  check(file.size >= 12, 'size');
  const prefix = file.bytes(0, 12);
  check(prefix.toString('latin1', 0, 8) === MAGIC, 'magic');
  const headLength = prefix.readUInt32LE(8);
  check(12 + headLength <= file.size, 'head length');
  const parsed = HeadSchema.safeParse(JSON.parse(file.bytes(12, headLength).toString('utf8')));
  if (!parsed.success || parsed.data.key !== key) return undefined;
  const head = parsed.data;
  const dataStart = align(12 + headLength);
  // Each column is read into its own typed array.
  const column = <T extends Column>(name: string, type: z.infer<typeof SECTION>['type'], make: (length: number) => T, length?: number): T => {
    const section = head.sections[name];
    check(section !== undefined && section.type === type && (length === undefined || section.length === length), `section ${name}`);
    check(section.length * (type === 'u8' ? 1 : type === 'u16' ? 2 : 4) <= file.size, `section ${name} size`);
    const out = make(section.length);
    file.fill(new Uint8Array(out.buffer, out.byteOffset, out.byteLength), dataStart + section.offset);
    return out;
  };
  const u32 = (name: string, length?: number): Uint32Array => column(name, 'u32', (l) => new Uint32Array(l), length);
  const n = head.passageCount;
  const strings = head.strings;
  const documents = head.documents;
  const sentences = indexData(head.sentences, 'sentences', u32, (name) => column(name, 'u16', (l) => new Uint16Array(l)));
  const paragraphs = indexData(head.paragraphs, 'paragraphs', u32, (name) => column(name, 'u16', (l) => new Uint16Array(l)));
  check(sentences.documentCount === n, 'sentence index size');
  const [doc, paragraph, sentence, start, end, quoteStart, para, paragraphStart, paragraphEnd, source] = (
    ['doc', 'paragraph', 'sentence', 'start', 'end', 'quoteStart', 'para', 'paragraphStart', 'paragraphEnd', 'source'] as const
  ).map((c) => u32(`passage.${c}`, n)) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const status = column('passage.status', 'u8', (l) => new Uint8Array(l), n);
  const flags = column('passage.flags', 'u16', (l) => new Uint16Array(l), n);
  const keys = column('passage.keys', 'u8', (l) => new Uint8Array(l), n * 12);
  const namesAt = u32('passage.namesAt', 2 * n + 1);
  const names = u32('passage.names');
  check(namesAt[2 * n] === names.length, 'names');
  const keyText = Buffer.from(keys.buffer).toString('latin1');
  check(/^[0-9a-f]*$/.test(keyText), 'keys');
  const nameList = (from: number, to: number): string[] => {
    check(from <= to && to <= names.length, 'name range');
    if (from === to) return none;
    const out: string[] = [];
    for (let j = from; j < to; j++) {
      const s = strings[names[j] as number];
      check(s !== undefined, 'name id');
      out.push(s);
    }
    return out;
  };
  // Passages share equal claims, hint lists and empty name lists (nothing changes a passage).
  const claims = new Map<string, Passage['claim']>();
  const hintLists = new Map<number, Passage['hints']>();
  const hintsOf = (f: number): Passage['hints'] => {
    const bits = (f & (REFERS_BACK_BIT - 1)) >> 1;
    let list = hintLists.get(bits);
    if (!list) hintLists.set(bits, (list = HINTS.filter((_, h) => (bits >> h) & 1)));
    return list;
  };
  const none: string[] = [];
  const passages: Passage[] = new Array<Passage>(n);
  for (let i = 0; i < n; i++) {
    const d = documents[doc[i] as number];
    check(d !== undefined, 'passage document');
    const s = start[i] as number;
    const e = end[i] as number;
    const ps = paragraphStart[i] as number;
    const pe = paragraphEnd[i] as number;
    const qs = quoteStart[i] as number;
    check(qs <= s && s < e && ps <= s && e <= pe && pe <= d.body.length && (para[i] as number) < paragraphs.documentCount, 'passage offsets');
    check((paragraph[i] as number) > 0 && (sentence[i] as number) > 0, 'passage numbers');
    const st = STATUSES[status[i] as number];
    const src = source[i] as number;
    check(st !== undefined && src <= strings.length, 'claim');
    const f = flags[i] as number;
    check(f >> (HINTS.length + 2) === 0, 'flags');
    const sourceText = src === 0 ? null : (strings[src - 1] as string);
    const claimKey = `${st}\u0000${f & 1}\u0000${src}`;
    let claim = claims.get(claimKey);
    if (!claim) claims.set(claimKey, (claim = { status: st, source: sourceText, conditional: (f & 1) === 1 }));
    passages[i] = {
      id: `${d.id}#p${paragraph[i] as number}s${sentence[i] as number}`,
      key: keyText.slice(i * 12, i * 12 + 12),
      doc: doc[i] as number,
      paragraph: paragraph[i] as number,
      sentence: sentence[i] as number,
      start: s,
      end: e,
      quoteStart: qs,
      refersBack: (f & REFERS_BACK_BIT) !== 0,
      para: para[i] as number,
      paragraphStart: ps,
      paragraphEnd: pe,
      text: d.body.slice(s, e),
      claim,
      hints: hintsOf(f),
      people: nameList(namesAt[2 * i] as number, namesAt[2 * i + 1] as number),
      places: nameList(namesAt[2 * i + 1] as number, namesAt[2 * i + 2] as number),
    };
  }
  const df = u32('vocabulary.df', sentences.terms.length);
  const vocabulary = new Map<string, number>();
  sentences.terms.forEach((t, i) => {
    const count = df[i] as number;
    if (count > 0) vocabulary.set(t, count);
  });
  return {
    key: head.key,
    documents,
    entities: head.entities,
    passages,
    vocabulary,
    suggestions: head.suggestions,
    related: head.related,
    english: head.english,
    concrete: head.concrete,
    proper: head.proper,
    placeIn: head.placeIn,
    described: head.described,
    placeKinds: head.placeKinds,
    irregular: head.irregular,
    sentences,
    paragraphs,
  };
}

function indexData(
  head: z.infer<typeof INDEX_HEAD>,
  name: string,
  u32: (name: string) => Uint32Array,
  u16: (name: string) => Uint16Array,
): CompactIndexData {
  const data = {
    ...head,
    fieldLength: u32(`${name}.fieldLength`),
    offsets: u32(`${name}.offsets`),
    docs: u32(`${name}.docs`),
    freqs: u16(`${name}.freqs`),
  };
  check(checkCompactData(data), `${name} index`);
  return data;
}
