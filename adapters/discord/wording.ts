/**
 * Every fixed sentence the Discord bot says, in one table, so the wording of each outcome is
 * decided (and reviewed) in one place.
 */
export const WORDING = {
  apology: (requestId: string) => `Sorry, something went wrong on my side (ref ${requestId}). Please try again in a moment.`,
  rateLimited: (retryAfterMs: number) => `You are asking faster than I can answer: please wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s, then ask again.`,
  channelNotAllowed: (allowed: readonly string[]) =>
    `I only answer in ${allowed
      .slice(0, 10)
      .map((id) => `<#${id}>`)
      .join(', ')}${allowed.length > 10 ? ' and a few more channels' : ''}, and in direct messages.`,
  stalePassage: 'That passage is no longer in the documents (they have been updated). Ask again for a fresh answer.',
  noSimilar: 'No other passage in the documents is close to this one.',
  feedbackThanks: { up: 'Thanks, glad it helped.', down: 'Thanks, noted: this helps improve the answers.' },
  feedbackOff: 'Feedback is switched off on this bot.',
  unknownAction: 'That button is from an older version of the bot; ask again for a fresh answer.',
  reloadRefused: 'Only members with the Manage Server permission can reload the documents.',
  reloaded: (r: { documents: number; sentences: number; changed: boolean; ms: number }) =>
    `Reloaded: ${count(r.documents, 'document')}, ${count(r.sentences, 'sentence')} (${r.changed ? 'changed' : 'unchanged'}) in ${r.ms} ms`,
  reloadFailed: 'Reload failed; the previous index keeps serving:',
  moreProblems: (n: number) => `…and ${count(n, 'more problem')} (the bot's log lists them all).`,
} as const;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
