/**
 * Cue lexicons for claim attribution, after ../shared/ATTRIBUTION.md §2 (PARC/POLNEAR reporting
 * verbs, FactBank source-introducing predicates, Pareti's attribution nouns, Kilicoglu & Bergler
 * hedges). Lowercase surface forms; matching is on whole tokens.
 */

/** Verbs that introduce what a source says, thinks or reveals (all inflections listed). */
export const REPORTING_VERBS = new Set(
  `say says said saying state states stated stating confirm confirms confirmed confirming tell tells told
  inform informs informed announce announces announced add adds added claim claims claimed argue argues
  argued write writes wrote note notes noted explain explains explained declare declares declared insist
  insists insisted maintain maintains maintained warn warns warned deny denies denied reject rejects
  rejected acknowledge acknowledges acknowledged admit admits admitted assert asserts asserted suggest
  suggests suggested indicate indicates indicated report reports reported reveal reveals revealed disclose
  discloses disclosed believe believes believed think thinks thought stress stresses stressed tweet
  tweets tweeted posted predict predicts predicted promise promises promised pledge pledges pledged
  hint hints hinted signal signals signalled signaled contend contends contended allege alleges alleged
  estimate estimates estimated describe describes described mention mentions mentioned remark remarks remarked`.split(/\s+/),
);

/**
 * Words of saying beyond the reporting verbs, nouns among them ("Putin's *warning*", "Trump
 * *highlighted*", "his *remarks*"): a sentence that answers "what did X say" states X saying
 * something with one of these or a reporting verb (answer/rank.ts, speaker concepts).
 */
export const SPEECH_WORDS = new Set([
  ...REPORTING_VERBS,
  ...`statement statements comment comments commented remark remarks warning warnings affirm affirms affirmed
  affirming highlight highlights highlighted highlighting urge urges urged ask asks asked request requests requested
  call calls called express expresses expressed praise praised criticise criticised criticize criticized condemn
  condemned threaten threatens threatened threat threats welcome welcomed respond responded response reply replied
  quote quoted speech interview message letter words demand demands demanded`.split(/\s+/),
]);

/** Verbs of telling whose object is the channel ("X told Reuters that …"). */
export const TELLING_VERBS = new Set(`told tell tells informed inform informs`.split(/\s+/));

/** Heads of noun phrases that stand for people the article does not name. */
export const ANONYMOUS_HEADS = new Set(
  `source sources official officials diplomat diplomats insider insiders aide aides people person analyst
  analysts observer observers expert experts critic critics figure figures negotiator negotiators envoy
  envoys adviser advisers advisor advisors staffer staffers lawmaker lawmakers minister ministers member
  members participant participants someone`.split(/\s+/),
);

/** Heads that mean a report, not a person ("Reports suggest …", "media reports say …"). */
export const REPORT_HEADS = new Set(`report reports media press coverage`.split(/\s+/));

/**
 * Words that mark a name as a news outlet ("the Financial Times", "Reuters"): an outlet that
 * reports something is `reported`, while a person or institution saying it is `on_record`.
 */
export const OUTLET = /\b(times|post|journal|news|herald|guardian|telegraph|sun|mail|mirror|express|independent|observer|tribune|gazette|ledger|chronicle|economist|reuters|ap|associated press|afp|agence france-presse|bloomberg|bbc|cnn|nbc|cbs|abc|fox|sky|politico|axios|interfax|tass|ria|novosti|xinhua|kyodo|al jazeera|dpa|ansa|efe|le monde|der spiegel|spiegel|bild|die welt|kyiv independent|ukrainska pravda|kommersant|izvestia|pravda|newspaper|tabloid|broadcaster|outlet|agency|magazine|radio|television|tv)\b/i;

/** Words that qualify a head as anonymous even if it looks specific ("people familiar with …"). */
export const ANONYMITY_QUALIFIERS = /\b(familiar with|close to|briefed on|with (direct )?knowledge of|on (the )?condition of anonymity|not authori[sz]ed)\b/i;

/** Explicit rumour and speculation cues (§2.4). */
export const RUMOUR_CUE = /\b(rumou?r(s|ed)?|speculat(ion|ed|es|e|ive)|unconfirmed|unverified|whisper(s|ed)?|gossip|conjecture|mooted|tipped to|touted as)\b/i;

/** Evidential adverbs and report frames with no first-hand source (§2.2). */
export const REPORTED_ADVERB = /\b(reportedly|allegedly|purportedly|supposedly|ostensibly)\b/i;
export const REPORTED_BY = /\b(?:as |first )?reported by ((?:the )?(?:\p{Lu}[\p{L}'’.-]*)(?: \p{Lu}[\p{L}'’.-]*)*)/u;
export const ACCORDING_TO = /\baccording to ((?:the |a |an |two |three |several )?(?:[\p{L}'’.-]+ ){0,4}?[\p{L}'’.-]+?)(?=[,.;:]|\s+(?:that|who|which|the|a|an|is|are|was|were|has|have|had|will|would|could|might|may)\b|$)/iu;
export const AGENTLESS_SIP = /\b(?:is|are|was|were) (?:believed|said|thought|understood|reported|expected|alleged) to\b|\bit is (?:understood|believed|thought) that\b/i;

/** Modal and hedging words that make a claim hypothetical (§2.5). */
export const MODALS = new Set(`might could would may`.split(/\s+/));
export const HEDGES = /\b(possibly|perhaps|maybe|probably|likely|unlikely|apparently|potential(ly)?|is expected to|are expected to|plans? to|proposed|if|unless|provided that|as long as|in the event)\b/i;

/**
 * Denials and negations (§2.6): a sentence with one of these, about the same thing as another
 * sentence without, contradicts it.
 */
export const DENIAL = /\b(den(?:y|ies|ied|ial|ials)|reject(?:s|ed)?|dismiss(?:es|ed)?|refute[sd]?|rebut(?:s|ted)?|disputed?|no such|not true|untrue|false|baseless|fabricated|never|did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|had not|was not|wasn't|were not|is not|isn't|are not|aren't|will not|won't|no longer)\b/i;

/** Openers that continue the previous sentence's claim (§3.2). */
export const CONTINUATION_OPENERS = /^(in return|in exchange|in turn|instead|under the (plan|deal|agreement|proposal|terms)|as part of|also|additionally|moreover|furthermore|he also|she also|they also|it also|the (official|source|diplomat)s? added)\b/i;
