import { parseYaml } from './parse-yaml.js';
import { FrontMatterSchema, type KnowledgeDocument } from './schemas.js';

export type ParseResult = { ok: true; document: KnowledgeDocument } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * Parses one knowledge file's text (already decoded) into a document. Problems name the file,
 * the field and the fix.
 *
 * @example parseDocument('a.md', '---\ntitle: A\n---\nBody.') // { ok: true, document: {...} }
 */
export function parseDocument(file: string, raw: string): ParseResult {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return {
      ok: false,
      problems: [`${file}: no front-matter. Start the file with a "---" line, a "title: ..." line and a closing "---" line.`],
    };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`${file}: front-matter is not valid YAML (${reason}). Fix the YAML between the "---" lines.`] };
  }
  const parsed = FrontMatterSchema.safeParse(data ?? {});
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || '(front-matter)';
      if (issue.code === 'unrecognized_keys') {
        problems.push(`${file}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}. Allowed: title, id, publisher, author, url, published, language, notes.`);
      } else if (field === 'title') {
        problems.push(`${file}: field "title" is missing or empty. Add a line "title: <the document's headline>".`);
      } else {
        problems.push(`${file}: field "${field}" ${issue.message}. Fix or remove it.`);
      }
    }
  }
  const body = text.slice(match[0].length).replace(/^\s*\n/, '').trimEnd();
  if (body.trim().length === 0) {
    problems.push(`${file}: the body is empty. Put the document's text after the closing "---", paragraphs separated by blank lines.`);
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };

  const fm = parsed.data;
  const document: KnowledgeDocument = {
    id: fm.id ?? file.replace(/\.md$/i, ''),
    title: fm.title,
    file,
    body,
    ...(fm.publisher !== undefined && { publisher: fm.publisher }),
    ...(fm.author !== undefined && { author: fm.author }),
    ...(fm.url !== undefined && { url: fm.url }),
    ...(fm.published !== undefined && { published: fm.published }),
    ...(fm.language !== undefined && { language: fm.language }),
    ...(fm.notes !== undefined && { notes: fm.notes }),
  };
  return { ok: true, document };
}
