import { parseDocument } from '../knowledge/parse-document.js';
import { FrontMatterSchema, type FrontMatter } from '../knowledge/schemas.js';

/**
 * The Markdown file for a document: front-matter validated by the knowledge schema, then the
 * paragraphs separated by blank lines. Values are written as double-quoted scalars
 * (JSON strings are valid YAML), so no title can break out of its line. The result is parsed
 * back with the loader's own parser before anything is written: a file ingest writes always
 * passes `dealdesk check`. A failure of either check is a bug here, so it throws.
 *
 * @example renderDocument('deal.md', { title: 'Deal' }, ['First.', 'Second.'])
 * // '---\ntitle: "Deal"\n---\n\nFirst.\n\nSecond.\n'
 */
export function renderDocument(file: string, frontMatter: FrontMatter, paragraphs: readonly string[]): string {
  const valid = FrontMatterSchema.parse(frontMatter);
  const lines = Object.entries(valid).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  const text = `---\n${lines.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
  const check = parseDocument(file, text);
  if (!check.ok) throw new Error(`dealdesk ingest: rendered ${file} does not parse back: ${check.problems.join('; ')}`);
  if (check.document.body !== paragraphs.join('\n\n')) throw new Error(`dealdesk ingest: rendered ${file} changes the body when parsed back`);
  return text;
}
