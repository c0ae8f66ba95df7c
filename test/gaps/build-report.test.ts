import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/gaps/build-report.js';
import { CoverageReportSchema } from '../../src/gaps/coverage-report.js';
import { formatReport } from '../../src/gaps/format-report.js';
import { readGapData } from '../../src/gaps/read-gap-data.js';
import { reportKnowledge, tempData } from './gap-fixtures.js';
import { reportData } from './report-data.js';

const kb = reportKnowledge();
const data = tempData(reportData(kb));
afterAll(() => {
  kb.cleanup();
  data.cleanup();
});

const report = async (top = 20) => buildReport({ dataDir: data.dir, knowledgeDir: kb.dir, ...(await readGapData(data.dir)), lookup: kb.engine, top });

describe('buildReport', () => {
  it('counts records and skipped lines of each log', async () => {
    const r = CoverageReportSchema.parse(await report());
    expect(r.questions).toEqual({ declined: 4, lowConfidence: 2, cited: 1, skippedLines: 2 });
    expect(r.feedback).toMatchObject({ up: 3, down: 2, skippedLines: 1, citations: 3 });
    expect(r.documents).toBe(3);
  });

  it('ranks unanswered questions by how often they were asked, counting spellings of one question together', async () => {
    expect((await report()).unanswered).toEqual([
      // Asked three times, in three spellings: the first gap to fill.
      { question: 'who won the super bowl', count: 3, declined: 3, lowConfidence: 0, example: 'Who won the  Super Bowl?!', lastAsked: '2025-08-20T09:00:00Z' },
      // Twice, answered weakly both times.
      { question: 'who controls the river ports', count: 2, declined: 0, lowConfidence: 2, example: 'Who controls the river ports', lastAsked: '2025-08-20T11:00:00Z' },
      { question: 'what about crimea', count: 1, declined: 1, lowConfidence: 0, example: 'What about Crimea?', lastAsked: '2025-08-20T12:00:00Z' },
    ]);
    const top1 = await report(1);
    expect(top1.unanswered.map((u) => u.question)).toEqual(['who won the super bowl']);
    expect(top1.unansweredDistinct).toBe(3);
  });

  it('sums votes per citation from both platforms, most down-votes first, with the quote and document when still present', async () => {
    expect((await report()).feedback.byCitation).toEqual([
      { key: kb.keyOf('Envoys met in Geneva'), up: 2, down: 1, quote: 'Envoys met in Geneva on Monday to discuss a ceasefire.', document: { id: 'talks', title: 'Envoys meet in Geneva' } },
      // A passage removed from the knowledge since: counted, without text.
      { key: '0123456789ab', up: 0, down: 1 },
      { key: kb.keyOf('The observers will patrol'), up: 1, down: 0, quote: 'The observers will patrol the northern front from September.', document: { id: 'talks', title: 'Envoys meet in Geneva' } },
    ]);
  });

  it('lists documents no answer or vote ever cited', async () => {
    // talks: cited and voted on; ports: cited with low confidence; prisoners: never.
    expect((await report()).neverCited).toEqual([{ id: 'prisoners', title: 'Prisoner exchange' }]);
  });

  it('formats as readable text', async () => {
    const text = formatReport(await report(2));
    expect(text).toContain(`Coverage report for ${kb.dir} (3 document(s)), data in ${data.dir}`);
    expect(text).toContain('Recorded: 4 declined, 2 low-confidence, 1 confidently answered question(s); 3 up-vote(s), 2 down-vote(s).');
    expect(text).toContain('Skipped 3 unreadable line(s) (2 in questions, 1 in feedback).');
    expect(text).toContain('Most frequent unanswered questions (top 2 of 3)\n     3  who won the super bowl  (3 declined; last 2025-08-20)\n     2  who controls the river ports  (2 low confidence; last 2025-08-20)\n');
    expect(text).toContain(`  up   2  down   1  ${kb.keyOf('Envoys met in Geneva')}  talks: “Envoys met in Geneva on Monday to discuss a ceasefire.”`);
    expect(text).toContain('  up   0  down   1  0123456789ab  (passage no longer in the knowledge)');
    expect(text).toContain('Documents never cited (1 of 3)\n  prisoners: Prisoner exchange\n');
  });

  it('reports an empty data folder as nothing recorded', async () => {
    const empty = tempData();
    const r = buildReport({ dataDir: empty.dir, knowledgeDir: kb.dir, ...(await readGapData(empty.dir)), lookup: kb.engine, top: 20 });
    empty.cleanup();
    expect(r).toMatchObject({ unanswered: [], feedback: { up: 0, down: 0, byCitation: [] }, neverCited: [{ id: 'ports' }, { id: 'prisoners' }, { id: 'talks' }] });
    expect(formatReport(r)).toContain('(none recorded)');
  });
});
