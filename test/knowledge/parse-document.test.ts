import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/knowledge/parse-document.js';

describe('parseDocument', () => {
  it('reads front-matter and keeps the body exactly, id defaulting to the file name', () => {
    const result = parseDocument('talks.md', '---\ntitle: Talks\npublisher: Reuters\npublished: 2025-08-17\n---\n\nFirst paragraph.\n\nSecond one.\n');
    expect(result).toEqual({
      ok: true,
      document: { id: 'talks', title: 'Talks', publisher: 'Reuters', published: '2025-08-17', file: 'talks.md', body: 'First paragraph.\n\nSecond one.' },
    });
  });

  it('normalises CRLF and a byte-order mark', () => {
    const result = parseDocument('a.md', '\uFEFF---\r\ntitle: A\r\n---\r\n\r\nBody.\r\n');
    expect(result.ok && result.document.body).toBe('Body.');
  });

  it('names the file, the field and the fix for a missing title', () => {
    const result = parseDocument('a.md', '---\npublisher: X\n---\nBody.');
    expect(result).toEqual({ ok: false, problems: ['a.md: field "title" is missing or empty. Add a line "title: <the document\'s headline>".'] });
  });

  it('rejects malformed YAML, missing front-matter, empty bodies, bad dates, URLs and unknown fields', () => {
    const problems = (raw: string): string[] => {
      const r = parseDocument('a.md', raw);
      return r.ok ? [] : r.problems;
    };
    expect(problems('---\ntitle: [unclosed\n---\nBody.')[0]).toMatch(/^a\.md: front-matter is not valid YAML .*Fix the YAML/);
    expect(problems('No front-matter here.')[0]).toMatch(/^a\.md: no front-matter\. Start the file with a "---" line/);
    expect(problems('---\ntitle: A\n---\n\n   \n')[0]).toMatch(/^a\.md: the body is empty\./);
    expect(problems('---\ntitle: A\npublished: last Tuesday\n---\nBody.')[0]).toMatch(/^a\.md: field "published" must be an ISO date such as 2025-08-17\. Fix or remove it\./);
    expect(problems('---\ntitle: A\nurl: not a url\n---\nBody.')[0]).toMatch(/^a\.md: field "url" must be an http\(s\) URL/);
    expect(problems('---\ntitle: A\nauthr: B\n---\nBody.')[0]).toMatch(/^a\.md: unknown field\(s\) "authr"\. Allowed: title, id, publisher/);
  });
});
