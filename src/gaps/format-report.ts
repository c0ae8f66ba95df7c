import type { CoverageReport } from './coverage-report.js';

/**
 * The report as plain text for a terminal: three sections, each saying what to do with it.
 *
 * @example process.stdout.write(formatReport(report))
 */
export function formatReport(report: CoverageReport): string {
  const { questions: q, feedback: f } = report;
  const out: string[] = [
    `Coverage report for ${report.knowledgeDir} (${report.documents} document(s)), data in ${report.dataDir}`,
    `Recorded: ${q.declined} declined, ${q.lowConfidence} low-confidence, ${q.cited} confidently answered question(s); ${f.up} up-vote(s), ${f.down} down-vote(s).`,
  ];
  const skipped = q.skippedLines + f.skippedLines;
  if (skipped > 0) out.push(`Skipped ${skipped} unreadable line(s) (${q.skippedLines} in questions, ${f.skippedLines} in feedback).`);

  out.push('', heading('Most frequent unanswered questions', report.unanswered.length, report.unansweredDistinct));
  if (report.unanswered.length === 0) out.push('  (none recorded)');
  for (const u of report.unanswered) {
    const kinds = [u.declined > 0 ? `${u.declined} declined` : '', u.lowConfidence > 0 ? `${u.lowConfidence} low confidence` : ''].filter(Boolean).join(', ');
    out.push(`  ${String(u.count).padStart(4)}  ${u.question}  (${kinds}; last ${u.lastAsked.slice(0, 10)})`);
  }
  if (report.unanswered.length > 0) out.push('  → add documents that answer these, then ask again.');

  out.push('', heading('Feedback per citation', f.byCitation.length, f.citations));
  if (f.byCitation.length === 0) out.push('  (no votes recorded)');
  for (const v of f.byCitation) {
    const where = v.document ? `${v.document.id}: “${clip(v.quote ?? '', 100)}”` : '(passage no longer in the knowledge)';
    out.push(`  up ${String(v.up).padStart(3)}  down ${String(v.down).padStart(3)}  ${v.key}  ${where}`);
  }

  out.push('', `Documents never cited (${report.neverCited.length} of ${report.documents})`);
  if (report.neverCited.length === 0) out.push('  (every document has been cited)');
  for (const d of report.neverCited) out.push(`  ${d.id}: ${d.title}`);
  return `${out.join('\n')}\n`;
}

function heading(title: string, shown: number, total: number): string {
  return shown < total ? `${title} (top ${shown} of ${total})` : `${title} (${total})`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
