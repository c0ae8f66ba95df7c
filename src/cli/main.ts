#!/usr/bin/env node
/**
 * The `dealdesk` command line: `ask`, `chat`, `check`, `sources`, `ingest`, `report`. Answers go
 * to stdout; logs and errors to stderr. Exit codes: 0 done (answered or declined), 1 bad knowledge or configuration,
 * 2 bad usage.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Engine } from '../answer/engine.js';
import { useServingHeap } from '../answer/serving-heap.js';
import { DealdeskError } from '../errors.js';
import { gapSettings } from '../gaps/data-dir.js';
import { inspectKnowledge } from '../knowledge/load-knowledge.js';
import { resolveKnowledgeDir } from '../knowledge/resolve-knowledge-dir.js';
import { createProgress } from '../ingest/progress.js';
import { runChat } from './chat.js';
import { ANSI, formatAnswer, PLAIN, sourceLine } from './format-text.js';
import { runReport } from './report.js';

const USAGE = `Usage: dealdesk <command> [options]

Commands:
  ask [--json] "question"   Answer one question (no question: one per line from stdin)
  chat                      Interactive chat over the knowledge base
  check                     Validate the knowledge folder; exit 1 on any problem
  sources                   List the documents
  ingest <url|file>...      Add articles (web pages, .html or .txt files) to the knowledge folder
  report                    Unanswered questions, feedback per citation, documents never cited

Options:
  --knowledge DIR           Knowledge folder (default: $DEALDESK_KNOWLEDGE_DIR, else ./knowledge)
  --json                    ask: print one JSON object per question (schema in README); report: one object
  --title TEXT              ingest: the document's title (one input only; default: the page's)
  --progress                ingest: show progress on stderr even when it is not a terminal
  --data DIR                report: data folder (default: $DEALDESK_DATA_DIR, else ./data)
  --top N                   report: longest lists (default 20)
  --no-cache                Do not read or write the index snapshot
  -h, --help                Show this help`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        knowledge: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        title: { type: 'string' },
        progress: { type: 'boolean', default: false },
        data: { type: 'string' },
        top: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`dealdesk: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  const knowledgeDir = resolveKnowledgeDir(values.knowledge);
  const open = (): Engine =>
    Engine.open({ knowledgeDir, ...(values['no-cache'] && { cacheDir: null }), log: (m) => process.stderr.write(`${m}\n`), progress: indexingProgress() });

  try {
    switch (command) {
      case 'ask':
        return await ask(open(), rest.join(' '), values.json);
      case 'chat':
        return await runChat(open(), process.stdin, process.stdout);
      case 'check':
        return check(knowledgeDir);
      case 'sources':
        for (const d of open().documents) process.stdout.write(`${d.id}: ${sourceLine(d)}\n`);
        return 0;
      case 'ingest':
        // Loaded on demand: the HTML parser and Readability take ~300 ms to import, which `ask` should not pay.
        return await (await import('./ingest.js')).runIngest({ knowledgeDir, inputs: rest, title: values.title, progress: values.progress, stdout: process.stdout, stderr: process.stderr });
      case 'report':
        return await runReport({ knowledgeDir, dataDir: gapSettings(values.data).dataDir, json: values.json, top: values.top, open, stdout: process.stdout, stderr: process.stderr });
      default:
        process.stderr.write(`dealdesk: unknown command "${command}".\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DealdeskError) {
      process.stderr.write(`dealdesk: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** A progress bar on stderr while a (re)index runs, when stderr is a terminal (or --progress). */
export function indexingProgress(force = false): (done: number, total: number, label: string) => void {
  let bar: ReturnType<typeof createProgress> | undefined;
  return (done, total, label) => {
    // Only worth a bar when there is more than a moment's work.
    if (total < 20) return;
    bar ??= createProgress(process.stderr, total, { force, name: 'indexing' });
    if (done >= total) bar.done();
    else bar.step(done, label);
  };
}

async function ask(engine: Engine, question: string, json: boolean): Promise<number> {
  const print = (q: string): void => {
    const result = engine.ask(q);
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${formatAnswer(result, process.stdout.isTTY ? ANSI : PLAIN)}\n`);
  };
  if (question.trim() !== '') {
    print(question);
    return 0;
  }
  if (process.stdin.isTTY) {
    process.stderr.write('dealdesk ask: give a question, e.g. dealdesk ask "What did Witkoff say?", or pipe one question per line.\n');
    return 2;
  }
  // One question per line, one answer per line, in order.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) print(line);
  return 0;
}

function check(knowledgeDir: string): number {
  const { knowledge, problems } = inspectKnowledge(knowledgeDir);
  if (problems.length > 0) {
    process.stderr.write(`dealdesk check: ${knowledge.dir} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const engine = Engine.open({ knowledgeDir, progress: indexingProgress() });
  process.stdout.write(
    `OK: ${knowledge.documents.length} document(s), ${engine.size} sentences, ${knowledge.entities.entities.length} entities, ${knowledge.entities.synonyms.length} synonym groups in ${knowledge.dir}\n`,
  );
  return 0;
}

// Run when executed directly (not when imported by tests).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  useServingHeap();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dealdesk: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
