import type { Article } from './article.js';
import { normalizeParagraph } from './normalize-text.js';

/**
 * Reads a plain-text article. The first non-empty line is the title (and left out of the
 * body) unless a title is given. Paragraphs are separated by blank lines; a text without any
 * blank line is read as one paragraph per line, because that is how copied articles (such as
 * the seed text) arrive — joining them would make one giant paragraph.
 *
 * @example extractText('Headline\n\nFirst para.\nstill first.\n\nSecond.').paragraphs // ['First para. still first.', 'Second.']
 */
export function extractText(text: string, options: { title?: string; url?: string } = {}): Article {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let title = options.title;
  if (title === undefined) {
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first >= 0) title = normalizeParagraph(lines.splice(first, 1)[0] ?? '');
  }
  const rest = lines.join('\n').trim();
  const blocks = /\n[ \t]*\n/.test(rest) ? rest.split(/\n[ \t]*\n/) : rest.split('\n');
  const paragraphs = blocks.map(normalizeParagraph).filter((p) => p !== '');
  return {
    paragraphs,
    ...(title !== undefined && title !== '' && { title }),
    ...(options.url !== undefined && { url: options.url }),
  };
}
