#!/usr/bin/env node
/**
 * The `dealdesk` command line: `ask`, `chat`, `check`, `sources`. Answers go to stdout; logs and
 * errors to stderr. Exit codes: 0 done (answered or declined), 1 bad knowledge or configuration,
 * 2 bad usage.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Engine } from '../answer/engine.js';
import { DealdeskError } from '../errors.js';
import { inspectKnowledge } from '../knowledge/load-knowledge.js';
import { resolveKnowledgeDir } from '../knowledge/resolve-knowledge-dir.js';
import { runChat } from './chat.js';
import { ANSI, formatAnswer, PLAIN, sourceLine } from './format-text.js';

const USAGE = `Usage: dealdesk <command> [options]

Commands:
  ask [--json] "question"   Answer one question (no question: one per line from stdin)
  chat                      Interactive chat over the knowledge base
  check                     Validate the knowledge folder; exit 1 on any problem
  sources                   List the documents

Options:
  --knowledge DIR           Knowledge folder (default: $DEALDESK_KNOWLEDGE_DIR, else ./knowledge)
  --json                    ask: print one JSON object per question (schema in README)
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
    Engine.open({ knowledgeDir, ...(values['no-cache'] && { cacheDir: null }), log: (m) => process.stderr.write(`${m}\n`) });

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
  const engine = Engine.open({ knowledgeDir });
  process.stdout.write(
    `OK: ${knowledge.documents.length} document(s), ${engine.size} sentences, ${knowledge.entities.entities.length} entities, ${knowledge.entities.synonyms.length} synonym groups in ${knowledge.dir}\n`,
  );
  return 0;
}

// Run when executed directly (not when imported by tests).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
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
