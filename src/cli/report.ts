import { z } from 'zod';
import { buildReport, type CitationLookup } from '../gaps/build-report.js';
import { CoverageReportSchema } from '../gaps/coverage-report.js';
import { formatReport } from '../gaps/format-report.js';
import { readGapData } from '../gaps/read-gap-data.js';

export const DEFAULT_TOP = 20;
const TopSchema = z.coerce.number().int().min(1).max(10_000);

export interface ReportCommand {
  knowledgeDir: string;
  dataDir: string;
  json: boolean;
  /** `--top` as given (a string from the command line), or undefined for {@link DEFAULT_TOP}. */
  top: string | undefined;
  /** Opens the engine over the knowledge folder (throws a DealdeskError if it is invalid). */
  open: () => CitationLookup;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/**
 * `dealdesk report [--knowledge DIR] [--data DIR] [--json] [--top N]`: what people asked that
 * the knowledge did not answer, how readers voted on each quote, and which documents are never
 * cited. Exit code 0, or 2 for a bad `--top`.
 *
 * @example await runReport({ knowledgeDir, dataDir, json: true, top: '10', open: () => Engine.open({ knowledgeDir }), stdout: process.stdout, stderr: process.stderr })
 */
export async function runReport(command: ReportCommand): Promise<number> {
  const top = TopSchema.safeParse(command.top ?? DEFAULT_TOP);
  if (!top.success) {
    command.stderr.write(`dealdesk report: --top must be a whole number from 1 to 10000 (got "${command.top}").\n`);
    return 2;
  }
  const lookup = command.open();
  const { questions, feedback } = await readGapData(command.dataDir);
  const report = buildReport({ dataDir: command.dataDir, knowledgeDir: command.knowledgeDir, questions, feedback, lookup, top: top.data });
  command.stdout.write(command.json ? `${JSON.stringify(CoverageReportSchema.parse(report))}\n` : formatReport(report));
  return 0;
}
