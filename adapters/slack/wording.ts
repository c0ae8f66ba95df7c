/**
 * Every sentence the Slack app says on its own behalf, in one table. Answers and declines come
 * from the engine (its quotes, labels and decline messages); these are the adapter's outcomes.
 */
export const WORDING = {
  apology: (ref: string) => `Sorry, something went wrong on my side while answering. Please try again in a moment. (ref ${ref})`,
  rateLimited: (seconds: number) => `You are asking faster than I can answer: please wait ${seconds} s, then ask again.`,
  feedbackThanks: 'Thanks, your feedback is noted.',
  feedbackOff: 'Feedback is turned off for this app.',
  citationGone: 'That quote is no longer in the knowledge base (it changed since this answer). Ask again for a fresh answer.',
  noMoreSources: 'No other source says something like this.',
  moreSourcesLike: 'More sources like',
  contextFrom: 'Context from',
  question: 'Q:',
  followUpTo: 'follow-up to',
  youCouldAsk: 'You could ask:',
  singleSource: 'single source',
  alsoIn: 'also in',
  disputedBy: 'Disputed by',
  moreDisputes: (n: number) => `and ${n} more ${n === 1 ? 'document disputes' : 'documents dispute'} this`,
  paragraph: 'paragraph',
  moreSourcesButton: 'More sources',
  showContextButton: 'Show context',
  reloadRefused: 'Only the admins listed in SLACK_ADMIN_USERS can reload the knowledge.',
  reloaded: (r: { documents: number; sentences: number; changed: boolean; ms: number }) =>
    `Reloaded: ${count(r.documents, 'document')}, ${count(r.sentences, 'sentence')} (${r.changed ? 'changed' : 'unchanged'}) in ${r.ms} ms`,
  reloadFailed: 'Reload failed; the previous index keeps serving:',
  moreProblems: (n: number) => `…and ${count(n, 'more problem')} (the app's log lists them all).`,
  dealdeskUsage: 'Usage: /dealdesk reload (admins only) re-reads the knowledge folder and swaps in the new index. To ask a question, use /ask.',
} as const;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
