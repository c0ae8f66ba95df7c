import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReload, PROBLEMS_SHOWN } from '../../../adapters/slack/format-reload.js';
import { SlackMessageSchema, type SlackMessage } from '../../../adapters/slack/limits.js';
import { hostileText } from './arbitraries.js';

function texts(message: SlackMessage): string[] {
  return [message.text, ...message.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []))];
}

describe('formatReload', () => {
  it('gives the new index size, and whether the knowledge changed', () => {
    expect(formatReload({ ok: true, documents: 3, sentences: 41, changed: true, ms: 12 }).text).toBe('Reloaded: 3 documents, 41 sentences (changed) in 12 ms');
    expect(formatReload({ ok: true, documents: 1, sentences: 1, changed: false, ms: 0 }).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Reloaded: 1 document, 1 sentence (unchanged) in 0 ms' } },
    ]);
  });

  it('lists the problems, escaped, one line each, and counts the ones left out', () => {
    const problems = ['a_b.md: field "title" is missing or empty.', 'x.md: body\nempty & <!here>', ...Array.from({ length: 5 }, (_, i) => `p${i}.md: bad`)];
    const message = formatReload({ ok: false, problems, message: 'ignored when there are problems' });
    expect(message.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            'Reload failed; the previous index keeps serving:',
            '• a_b.md: field "title" is missing or empty.',
            '• x.md: body empty &amp; &lt;!here&gt;',
            '• p0.md: bad',
            '• p1.md: bad',
            '• p2.md: bad',
            "…and 2 more problems (the app's log lists them all).",
          ].join('\n'),
        },
      },
    ]);
    expect(message.text).toMatch(/^Reload failed; the previous index keeps serving: a_b\.md/);
  });

  it('shows the message when the failure lists no problem (a missing folder, an engine that cannot reload)', () => {
    const message = formatReload({ ok: false, problems: [], message: 'Knowledge folder "/srv/k" does not exist.' });
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Reload failed; the previous index keeps serving:\nKnowledge folder "/srv/k" does not exist.' } });
  });

  it('fits Slack limits and leaves no markup live, for any problems (property)', () => {
    fc.assert(
      fc.property(fc.array(hostileText(2000), { maxLength: 40 }), hostileText(5000), (problems, text) => {
        const message = formatReload({ ok: false, problems, message: text });
        SlackMessageSchema.parse(message);
        // Nothing here is a link, so no "<" may survive escaping.
        for (const t of texts(message)) expect(t).not.toContain('<');
        const shown = message.blocks[0]?.type === 'section' ? message.blocks[0].text.text.split('\n').filter((l) => l.startsWith('• ')).length : -1;
        expect(shown).toBeLessThanOrEqual(PROBLEMS_SHOWN);
      }),
      { numRuns: 200 },
    );
  });
});
