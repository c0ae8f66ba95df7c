import { relative } from 'node:path';
import type { IngestFailure } from '../ingest/ingest-failure.js';
import type { IngestLimits } from '../ingest/ingest-options.js';
import { ingest, type Ingested } from '../ingest/ingest.js';
import { KnownDocuments } from '../ingest/known-documents.js';
import { createProgress, type ProgressStream } from '../ingest/progress.js';

export interface IngestCommand {
  knowledgeDir: string;
  /** URLs and file paths, in order. */
  inputs: string[];
  title?: string | undefined;
  /** Show progress even when stderr is not a terminal. */
  progress: boolean;
  limits?: Partial<IngestLimits>;
  stdout: { write(chunk: string): unknown };
  stderr: ProgressStream;
  now?: () => Date;
}

/**
 * `dealdesk ingest [--knowledge DIR] [--title T] [--progress] <url | file.html | file.txt>...`:
 * ingests each input in turn; what was written goes to stdout, one line per failure to stderr.
 * A failed input does not stop the others. Exit code: 0 all written, 1 any failed, 2 bad usage.
 *
 * @example await runIngest({ knowledgeDir: 'knowledge', inputs: ['https://news.example/deal'], progress: false, stdout: process.stdout, stderr: process.stderr })
 */
export async function runIngest(command: IngestCommand): Promise<number> {
  const { inputs, stdout, stderr } = command;
  if (inputs.length === 0) {
    stderr.write('dealdesk ingest: give at least one URL or .html/.txt file, e.g. dealdesk ingest https://news.example/article\n');
    return 2;
  }
  if (command.title !== undefined && inputs.length > 1) {
    stderr.write('dealdesk ingest: --title names one document; give one input with it.\n');
    return 2;
  }
  const known = KnownDocuments.read(command.knowledgeDir);
  const progress = createProgress(stderr, inputs.length, { force: command.progress });
  let failed = 0;
  for (const [index, input] of inputs.entries()) {
    progress.step(index, input);
    const result = await ingest(input, {
      known,
      ...(command.title !== undefined && { title: command.title }),
      ...(command.limits !== undefined && { limits: command.limits }),
      ...(command.now !== undefined && { now: command.now }),
    });
    progress.clear();
    if (result.ok) stdout.write(describeWritten(result));
    else {
      failed++;
      stderr.write(describeFailure(result));
    }
  }
  progress.done();
  if (inputs.length > 1) stdout.write(`${inputs.length - failed} of ${inputs.length} written${failed > 0 ? `, ${failed} failed (see above)` : ''}.\n`);
  return failed > 0 ? 1 : 0;
}

/**
 * What the operator checks after an ingest: where, what, from whom, when, how long.
 *
 * @example stdout.write(describeWritten(result)) // "wrote knowledge/deal.md\n  title:      Deal\n…"
 */
export function describeWritten(result: Ingested): string {
  const shown = relative(process.cwd(), result.path);
  const lines = [
    `wrote ${shown.startsWith('..') ? result.path : shown}`,
    `  title:      ${result.title}`,
    `  publisher:  ${result.publisher ?? '(none found)'}`,
    `  published:  ${result.published ?? '(none found)'}`,
    ...(result.author !== undefined ? [`  author:     ${result.author}`] : []),
    ...(result.url !== undefined ? [`  url:        ${result.url}`] : []),
    `  paragraphs: ${result.paragraphs}`,
  ];
  return `${lines.join('\n')}\n`;
}

function describeFailure(failure: IngestFailure): string {
  return `dealdesk ingest: ${failure.message} [${failure.code}]\n`;
}
