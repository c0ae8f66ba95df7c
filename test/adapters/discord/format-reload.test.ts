import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../../adapters/discord/escape-markdown.js';
import { formatReload } from '../../../adapters/discord/format-reload.js';
import { anyText, expectWithinLimits } from './arbitraries.js';

describe('formatReload', () => {
  it('reports the new index', () => {
    expect(formatReload({ ok: true, documents: 3, sentences: 41, changed: true, ms: 120 }).content).toBe('Reloaded: 3 documents, 41 sentences (changed) in 120 ms');
    expect(formatReload({ ok: true, documents: 1, sentences: 1, changed: false, ms: 0 }).content).toBe('Reloaded: 1 document, 1 sentence (unchanged) in 0 ms');
  });

  it('lists at most five problems, escaped, and says how many more the log has', () => {
    const problems = Array.from({ length: 7 }, (_, i) => `doc_${i}.md: field "title" is required. Add a title.`);
    const content = formatReload({ ok: false, problems, message: 'Knowledge folder has 7 problem(s)' }).content ?? '';
    const lines = content.split('\n');
    expect(lines[0]).toBe('Reload failed; the previous index keeps serving:');
    expect(lines.slice(1, 6).map(unescapeMarkdown)).toEqual(problems.slice(0, 5).map((p) => `• ${p}`));
    expect(lines[6]).toBe("…and 2 more problems (the bot's log lists them all).");
  });

  it('shows the message when there is no problem list', () => {
    expect(formatReload({ ok: false, problems: [], message: 'this engine cannot reload' }).content).toBe('Reload failed; the previous index keeps serving:\nthis engine cannot reload');
  });

  it('fits in one Discord message whatever the problems (property)', () => {
    fc.assert(
      fc.property(fc.array(anyText(3000), { maxLength: 40 }), anyText(5000), (problems, message) => {
        expectWithinLimits(formatReload({ ok: false, problems, message }));
      }),
      { numRuns: 200 },
    );
  });
});
