import type { Claim, ClaimStatus } from '../claims/attribute-claims.js';

/** What each claim status means, for README, `/about` and help texts. */
export const CLAIM_STATUS_MEANING: Record<ClaimStatus, string> = {
  on_record: 'a named person says or confirms it',
  reported: 'the article or a named outlet reports it without a first-hand source',
  anonymous_sources: 'unnamed sources (diplomats, officials, "sources") say it',
  rumoured: 'it is explicitly a rumour or speculation',
  article: "the article's own narrative or background, attributed to no one",
};

/**
 * The one-line label readers see beside a quote.
 *
 * @example claimLabel({ status: 'on_record', source: 'Steve Witkoff', conditional: false }) // 'On record: Steve Witkoff'
 */
export function claimLabel(claim: Claim): string {
  const base = ((): string => {
    switch (claim.status) {
      case 'on_record':
        return `On record: ${claim.source ?? 'a named source'}`;
      case 'reported':
        return claim.source ? `Reported by ${claim.source}, unconfirmed` : 'Reported, unconfirmed';
      case 'anonymous_sources':
        return claim.source ? `Anonymous sources: ${claim.source}` : 'Anonymous sources';
      case 'rumoured':
        return 'Rumoured, unconfirmed';
      case 'article':
        return "The article's own account";
    }
  })();
  return claim.conditional ? `${base} · hypothetical (might/could/would/if)` : base;
}
