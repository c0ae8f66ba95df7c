import type { Citation, DocumentRef } from '../answer/result.js';
import type { CoverageReport } from './coverage-report.js';
import type { FeedbackVote } from './feedback-vote.js';
import { normalizeQuestion } from './normalize-question.js';
import type { JsonLines } from './read-json-lines.js';
import type { QuestionRecord } from './question-record.js';

/** The part of the engine the report needs (an `Engine` is one). */
export interface CitationLookup {
  citation(idOrKey: string): Citation | undefined;
  readonly documents: DocumentRef[];
}

export interface ReportInput {
  dataDir: string;
  knowledgeDir: string;
  questions: JsonLines<QuestionRecord>;
  feedback: readonly JsonLines<FeedbackVote>[];
  lookup: CitationLookup;
  /** Longest ranked lists (unanswered questions, voted citations). */
  top: number;
}

/**
 * The coverage report: unanswered questions by frequency, votes per citation, and documents no
 * answer or vote ever cited. Keys are looked up in the current knowledge, so a passage that has
 * since changed shows its counts without text (Discord votes also carry the passage id, which is
 * tried second).
 *
 * @example buildReport({ dataDir, knowledgeDir, questions, feedback: [discord, slack], lookup: engine, top: 20 })
 */
export function buildReport(input: ReportInput): CoverageReport {
  const { questions, lookup } = input;
  const count = (kind: QuestionRecord['kind']): number => questions.records.filter((r) => r.kind === kind).length;
  const unanswered = rankUnanswered(questions.records);
  const votes = input.feedback.flatMap((f) => f.records);
  const byCitation = rankVotes(votes, lookup);
  const cited = citedDocuments(questions.records, votes, lookup);
  return {
    dataDir: input.dataDir,
    knowledgeDir: input.knowledgeDir,
    questions: { declined: count('declined'), lowConfidence: count('low_confidence'), cited: count('cited'), skippedLines: questions.skipped },
    unansweredDistinct: unanswered.length,
    unanswered: unanswered.slice(0, input.top),
    feedback: {
      up: votes.filter((v) => v.vote === 'up').length,
      down: votes.filter((v) => v.vote === 'down').length,
      skippedLines: input.feedback.reduce((n, f) => n + f.skipped, 0),
      citations: byCitation.length,
      byCitation: byCitation.slice(0, input.top),
    },
    neverCited: lookup.documents.filter((d) => !cited.has(d.id)).map((d) => ({ id: d.id, title: d.title })),
    documents: lookup.documents.length,
  };
}

type Unanswered = CoverageReport['unanswered'][number];

function rankUnanswered(records: readonly QuestionRecord[]): Unanswered[] {
  const groups = new Map<string, Unanswered>();
  for (const record of records) {
    if (record.kind === 'cited') continue;
    const question = normalizeQuestion(record.question);
    if (question === '') continue;
    const group = groups.get(question) ?? { question, count: 0, declined: 0, lowConfidence: 0, example: record.question, lastAsked: record.at };
    group.count++;
    if (record.kind === 'declined') group.declined++;
    else group.lowConfidence++;
    if (record.at >= group.lastAsked) Object.assign(group, { lastAsked: record.at, example: record.question });
    groups.set(question, group);
  }
  // Most asked first; among equals the most recent (a gap people still hit), then alphabetical.
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked) || a.question.localeCompare(b.question));
}

type Voted = CoverageReport['feedback']['byCitation'][number];

function rankVotes(votes: readonly FeedbackVote[], lookup: CitationLookup): Voted[] {
  const groups = new Map<string, Voted>();
  for (const vote of votes) {
    let group = groups.get(vote.key);
    if (group === undefined) {
      const citation = resolve(vote, lookup);
      group = {
        key: vote.key,
        up: 0,
        down: 0,
        ...(citation !== undefined && { quote: citation.quote, document: { id: citation.document.id, title: citation.document.title } }),
      };
      groups.set(vote.key, group);
    }
    group[vote.vote]++;
  }
  // Down-votes first: a quote readers reject is what an operator should look at.
  return [...groups.values()].sort((a, b) => b.down - a.down || b.up - a.up || a.key.localeCompare(b.key));
}

function resolve(vote: FeedbackVote, lookup: CitationLookup): Citation | undefined {
  return lookup.citation(vote.key) ?? (vote.passage ? lookup.citation(vote.passage) : undefined);
}

/**
 * Ids of every document cited: those recorded with each answer (kept even if the sentence has
 * changed since), those of the recorded keys and voted passages in the current knowledge, and
 * every other source of those passages (the same sentence in several reports).
 */
function citedDocuments(records: readonly QuestionRecord[], votes: readonly FeedbackVote[], lookup: CitationLookup): Set<string> {
  const ids = new Set<string>();
  const addCitation = (citation: Citation | undefined): void => {
    if (citation === undefined) return;
    ids.add(citation.document.id);
    for (const source of citation.sources) ids.add(source.document.id);
  };
  const keys = new Set<string>();
  for (const record of records) {
    if (record.kind === 'declined') continue;
    for (const id of record.documents) ids.add(id);
    for (const key of record.keys) keys.add(key);
  }
  for (const key of keys) addCitation(lookup.citation(key));
  for (const vote of votes) addCitation(resolve(vote, lookup));
  return ids;
}
