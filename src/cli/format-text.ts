import { claimLabel } from '../answer/claim-label.js';
import type { AnswerResult, Citation, DocumentRef } from '../answer/result.js';

export interface TextStyle {
  bold: (s: string) => string;
  dim: (s: string) => string;
}
export const PLAIN: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ANSI: TextStyle = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

/** The answer as a person reads it in a terminal: quotes, source lines and claim labels. */
export function formatAnswer(result: AnswerResult, style: TextStyle = PLAIN): string {
  if (result.status === 'no_answer') {
    const lines = [result.message];
    if (result.suggestions.length > 0) lines.push('', 'You could ask:', ...result.suggestions.map((s) => `  • ${s}`));
    return lines.join('\n');
  }
  return result.citations.map((c, i) => formatCitation(c, i + 1, style)).join('\n\n');
}

function formatCitation(citation: Citation, n: number, style: TextStyle): string {
  const lines = [`${n}. “${highlight(citation, style)}”`, `   ${style.bold(claimLabel(citation.claim))}`];
  for (const source of citation.sources) {
    lines.push(`   ${style.dim(`— ${sourceLine(source.document)}, paragraph ${source.location.paragraph}`)}`);
  }
  if (citation.singleSource) lines.push(`   ${style.dim('(single source)')}`);
  return lines.join('\n');
}

/** "Title (Publisher, 2025-08-17) <url>", leaving out what is unknown. */
export function sourceLine(document: DocumentRef): string {
  const meta = [document.publisher, document.published?.slice(0, 10)].filter(Boolean).join(', ');
  return `${document.title}${meta ? ` (${meta})` : ''}${document.url ? ` <${document.url}>` : ''}`;
}

function highlight(citation: Citation, style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const h of citation.highlights) {
    out += citation.quote.slice(at, h.start) + style.bold(citation.quote.slice(h.start, h.end));
    at = h.end;
  }
  return out + citation.quote.slice(at);
}
