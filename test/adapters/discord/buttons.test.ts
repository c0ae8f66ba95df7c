import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerButtons, decodeButton, encodeButton, type ButtonAction } from '../../../adapters/discord/buttons.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/limits.js';

const key = fc.stringMatching(/^[0-9a-f]{12}$/);
const action: fc.Arbitrary<ButtonAction> = fc.oneof(
  key.map((k) => ({ kind: 'more' as const, key: k })),
  key.map((k) => ({ kind: 'context' as const, key: k })),
  fc.tuple(fc.constantFrom('up' as const, 'down' as const), key).map(([vote, k]) => ({ kind: 'feedback' as const, vote, key: k })),
);

describe('button custom_id', () => {
  it('carries the whole state and round-trips within 100 characters (property)', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeButton(a);
        expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        expect(decodeButton(id)).toEqual(a);
      }),
    );
  });

  it('uses the documented formats', () => {
    expect(encodeButton({ kind: 'more', key: '7b76657a69b8' })).toBe('dd:more:7b76657a69b8');
    expect(encodeButton({ kind: 'context', key: '7b76657a69b8' })).toBe('dd:ctx:7b76657a69b8');
    expect(encodeButton({ kind: 'feedback', vote: 'down', key: '7b76657a69b8' })).toBe('dd:fb:down:7b76657a69b8');
  });

  it('ignores ids it did not make', () => {
    for (const id of ['', 'dd:more:', 'dd:more:XYZ', 'dd:fb:meh:7b76657a69b8', 'other:more:7b76657a69b8', 'dd:ctx:7b76657a69b8:extra']) expect(decodeButton(id)).toBeUndefined();
  });

  it('shows 👍/👎 only when feedback is on', () => {
    const labels = (feedback: boolean) => answerButtons('7b76657a69b8', { feedback })[0]?.components.map((b) => ('label' in b && b.label) || ('emoji' in b && b.emoji?.name));
    expect(labels(true)).toEqual(['More sources', 'Show context', '👍', '👎']);
    expect(labels(false)).toEqual(['More sources', 'Show context']);
  });
});
