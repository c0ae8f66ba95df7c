/**
 * English function words, dropped from both documents and questions. Modal verbs are here
 * too: they matter for claim attribution (see src/claims), not for finding a sentence. So are
 * contractions typed without their apostrophe ("didnt", "theyre"), as chat is; "cant" and
 * "wont" as nouns are rare enough to lose.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are b4 aren as at be because been before being below
  between both but by can cannot could couldn did didn do does doesn doing don down during each few for
  from further had hadn has hasn have haven having he her here hers herself him himself his how i if in
  into is isn it its itself just let ll me might more most must my myself no nor not now of off on once
  only or ought our ours ourselves out over own re s same shall she should so some such t than that
  the their theirs them themselves then there these they this those through to too under until up upon us
  ve very was wasn we were weren what whatever when where whether which while who whom whose why will with
  would wouldn you your yours yourself yourselves d m o y also may yet via per
  whats whos wheres hows along around away non
  everyone everybody anyone anybody someone somebody nobody
  didnt dont doesnt isnt wasnt werent arent hasnt havent hadnt couldnt wouldnt shouldnt mustnt neednt
  cant wont aint shant theyre youre thats theres ive youve weve theyve
  despite although though unless whereas whilst amid amidst among amongst toward towards onto
  mr mrs ms mx dr messrs mme mlle`.split(/\s+/),
);

/**
 * Words that frame a question rather than carry its content ("what did X *say* about Y",
 * "any *news* on Z"). Dropped from questions only, so they never count as unmatched content.
 */
export const QUESTION_FILLERS: ReadonlySet<string> = new Set(
  `say says said saying tell tells telling told know knows think thinks mention mentions mentioned
  article articles text document documents story news latest update updates detail details info
  information anything something everything happen happens happened happening explain describe
  describes described characterise characterised characterize characterized
  please thanks thank hey tldr summary summarise summarize regarding concerning according exactly
  actually really much many going get gets got make makes made give gives given supposed like
  one ones thing things kind sort way part side sides current currently status
  else besides ever even still stuff lot lots guy dude gonna wanna gotta yall
  basically literally honestly seriously totally pretty quite rather simply essentially anyway anyways
  definitely probably maybe perhaps surely certainly truly genuinely kinda sorta
  pls plz thx ty u ur im yo lol ok okay hi hello hmm btw fyi guys bot dealdesk
  nah fr yes true yeah yep yup nope tho idk imo imho tbh ngl rn bc cuz coz abt vs smh lmao omg
  remind reminds remember remembers recall recalls seem seems heard hear wonder wondering wondered curious gather
  name names named
  monsieur madame herr frau`.split(/\s+/), // honorifics of other languages ("Mr", "Dr" are STOPWORDS)
);

/** Words asking for the gist rather than a detail ("what's the latest?", "tldr"). */
export const SUMMARY_WORDS: ReadonlySet<string> = new Set(
  `news latest update updates summary summarise summarize tldr story gist overview headline headlines happening happened new`.split(/\s+/),
);

/** Question words and the kind of answer each asks for (used as a ranking hint). */
export const QUESTION_HINTS = {
  who: 'person',
  whom: 'person',
  whose: 'person',
  where: 'location',
  when: 'time',
  why: 'reason',
} as const;
