import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { AnswerResultSchema } from '../../src/answer/result.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

let engine: Engine;
let bodies: Map<string, string>;
beforeAll(() => {
  engine = Engine.open({ knowledgeDir: 'knowledge' });
  bodies = new Map(loadKnowledge('knowledge').documents.map((d) => [d.id, d.body]));
});

// Words of the article, hostile syntax, and arbitrary text, mixed.
const word = fc.constantFrom('Putin', 'Kyiv', 'NATO', 'sanctions', 'deal', 'Crimea', 'who', 'what', 'truce', 'Witkoff', 'Zaporozhye', 'Reuters');
const hostile = fc.constantFrom('@everyone', '<!channel>', '<@123>', '*', '"', '(', ')', '\\', '^', '~', '?', '|', '[a-z]+', '\u200F', '\u202E', '\u0000', '\uD800', '🙂', 'Путин', 'مرحبا', '\n', '   ');
const question = fc.array(fc.oneof(word, hostile, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 }).map((parts) => parts.join(' '));

describe('Engine.ask properties', () => {
  it('never throws, always returns a valid result, and every quote is its document body sliced at its offsets', () => {
    fc.assert(
      fc.property(question, (q) => {
        const result = engine.ask(q);
        expect(AnswerResultSchema.safeParse(result).success).toBe(true);
        for (const c of result.citations) {
          for (const s of c.sources) expect(bodies.get(s.document.id)?.slice(s.location.start, s.location.end)).toBe(c.quote);
          for (const h of c.highlights) expect(c.quote.slice(h.start, h.end).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(question, (q) => {
        expect(engine.ask(q)).toEqual(engine.ask(q));
      }),
      { numRuns: 100 },
    );
  });

  it('handles the named bad inputs without throwing', () => {
    const inputs = ['', '   \n\t ', 'x'.repeat(5000), '\u0001\u0002\u0007', '\uD800 lone', '\u200B\u200F\u202E', '🙂🙂🙂', 'Что с Крымом?', '.*+?^${}()|[]\\', '@everyone <!channel> <!here> <@U123>'];
    for (const q of inputs) expect(() => engine.ask(q)).not.toThrow();
  });
});
