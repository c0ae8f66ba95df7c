import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, fallbackText, MrkdwnWriter, unescapeSlackText } from '../../../adapters/slack/mrkdwn.js';
import { hostileText, LIVE_MENTION } from './arbitraries.js';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so mention syntax is shown, not acted on', () => {
    expect(escapeMrkdwn('<!channel> <!here> <@U0BOSS> <!subteam^S1|@team> & co')).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt; &lt;!subteam^S1|@team&gt; &amp; co');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('unescapeSlackText', () => {
  it("undoes Slack's escaping of incoming text, and escaping restores it (property)", () => {
    expect(unescapeSlackText('US &amp; NATO &lt;!here&gt; &amp;lt;')).toBe('US & NATO <!here> &lt;');
    fc.assert(
      fc.property(hostileText(200), (text) => {
        expect(unescapeSlackText(escapeMrkdwn(text))).toBe(text);
      }),
    );
  });
});

describe('MrkdwnWriter', () => {
  it('writes our syntax raw and outside text escaped', () => {
    const w = new MrkdwnWriter(100).raw('> ').text('a < b ').bold(' Article 5 ').text('\nnext');
    expect(w.toString()).toBe('> a &lt; b  *Article 5*  next');
  });

  it('cuts at a whole character with "…", never inside an escape, and closes bold', () => {
    expect(new MrkdwnWriter(10).text('aaaa&&&&&').toString()).toBe('aaaa&amp;…');
    expect(new MrkdwnWriter(10).raw('x').bold('bbbbbbbbbbbb').toString()).toBe('x*bbbbbb…*');
    expect(new MrkdwnWriter(8).text('👍👍👍👍👍').toString()).toBe('👍👍👍…');
  });

  it('links only http(s) URLs, with | < > and spaces encoded', () => {
    expect(new MrkdwnWriter(200).link('https://example.test/a|b c?x=1&y=2', 'T <x>').toString()).toBe('<https://example.test/a%7Cb%20c?x=1&amp;y=2|T &lt;x&gt;>');
    expect(new MrkdwnWriter(200).link('javascript:alert(1)', 'T').toString()).toBe('T');
    expect(new MrkdwnWriter(200).link(undefined, '<!here>').toString()).toBe('&lt;!here&gt;');
  });

  it('never exceeds its budget and never emits a live mention, for any writes (property)', () => {
    const op = fc.oneof(
      hostileText(300).map((s) => ['text', s] as const),
      hostileText(300).map((s) => ['bold', s] as const),
      fc.constantFrom('> ', '\n• ', '*x* ').map((s) => ['raw', s] as const),
      fc.tuple(fc.oneof(fc.webUrl(), hostileText(50)), hostileText(100)).map(([u, l]) => ['link', u, l] as const),
    );
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 600 }), fc.array(op, { maxLength: 20 }), (max, ops) => {
        const w = new MrkdwnWriter(max);
        for (const o of ops) {
          if (o[0] === 'link') w.link(o[1], o[2]);
          else w[o[0]](o[1]);
        }
        const out = w.toString();
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.replace(/<https?:\/\/[^|<>\s]+[|>]/g, '')).not.toMatch(LIVE_MENTION);
        // Every & starts an entity we wrote.
        expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
      { numRuns: 300 },
    );
  });
});

it('fallbackText is one escaped line within its limit', () => {
  expect(fallbackText(['“a <@U1>”', 'line\nbreak'], 100)).toBe('“a &lt;@U1&gt;” line break');
  fc.assert(
    fc.property(fc.array(hostileText(2000)), (parts) => {
      const text = fallbackText(parts, 3000);
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(3000);
    }),
  );
});
