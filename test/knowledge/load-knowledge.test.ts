import { afterEach, describe, expect, it } from 'vitest';
import { DealdeskError } from '../../src/errors.js';
import { inspectKnowledge, loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { resolveKnowledgeDir } from '../../src/knowledge/resolve-knowledge-dir.js';
import { doc, tempKnowledge } from '../helpers.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

describe('loadKnowledge', () => {
  it('loads the seed folder: one document, entities and synonyms', () => {
    const knowledge = loadKnowledge('knowledge');
    expect(knowledge.documents.map((d) => d.id)).toEqual(['putin-peace-deal-security-guarantees']);
    expect(knowledge.entities.entities.length).toBeGreaterThan(20);
    expect(knowledge.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('works without entities.yaml', () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'Some text.') });
    cleanup = t.cleanup;
    expect(loadKnowledge(t.dir).entities).toEqual({ entities: [], synonyms: [] });
  });

  it('collects every problem: duplicate ids, not UTF-8, bad entities', () => {
    const t = tempKnowledge({
      'a.md': doc('A', 'Text.', 'id: same\n'),
      'b.md': doc('B', 'Text.', 'id: same\n'),
      'c.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
      'entities.yaml': 'entities:\n  - id: Bad Id\n    name: X\n    type: person\n',
    });
    cleanup = t.cleanup;
    const { problems } = inspectKnowledge(t.dir);
    expect(problems).toEqual([
      'b.md: field "id" duplicates "same" of a.md. Give one of them a different "id".',
      'c.md: not valid UTF-8. Re-save the file as UTF-8.',
      'entities.yaml: field "entities.0.id" use lowercase letters, digits and "-". See README "Entities and synonyms".',
    ]);
    expect(() => loadKnowledge(t.dir)).toThrow(DealdeskError);
    expect(() => loadKnowledge(t.dir)).toThrow(/has 3 problem\(s\); run "dealdesk check" after fixing/);
  });

  it('finds a synonym listed in two groups', () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'Text.'), 'entities.yaml': 'synonyms:\n  - [approve, endorse, Nail down]\n  - [settle, resolve]\n  - [address, nail down]\n' });
    cleanup = t.cleanup;
    expect(inspectKnowledge(t.dir).problems).toEqual(['entities.yaml: synonym "nail down" is in group 1 and group 3. Keep it in one group.']);
  });

  it('says how to fix a missing folder', () => {
    expect(() => loadKnowledge('/nonexistent/dealdesk')).toThrow(/Knowledge folder "\/nonexistent\/dealdesk" does not exist\. Create it .* DEALDESK_KNOWLEDGE_DIR/);
  });

  it('resolves the folder: flag, then DEALDESK_KNOWLEDGE_DIR, then ./knowledge', () => {
    expect(resolveKnowledgeDir('/x', { DEALDESK_KNOWLEDGE_DIR: '/y' })).toBe('/x');
    expect(resolveKnowledgeDir(undefined, { DEALDESK_KNOWLEDGE_DIR: '/y' })).toBe('/y');
    expect(resolveKnowledgeDir(undefined, {})).toMatch(/\/knowledge$/);
  });
});
