import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { doc, leadQuote, withEngine } from '../helpers.js';

let engine: Engine;
beforeAll(() => {
  engine = Engine.open({ knowledgeDir: 'knowledge' });
});
/** The sentence an answer leads with (not any previous sentence quoted for sense), or "(reason)" when declined. */
const top = (q: string, on: Engine = engine): string => {
  const r = on.ask(q);
  return r.status === 'answered' ? (on.sentence(r.citations[0]?.id ?? '') ?? '') : `(${r.reason})`;
};

// Each case names the mechanism it exercises; the expected sentence is the only one that fits.
describe('question analysis', () => {
  it('corrects typos only for words unknown to the index and to English', () => {
    expect(top('Zelenksy Oval Office return')).toMatch(/first return to the Oval Office/); // name typo
    expect(top('ceasfire terms')).toMatch(/^Western diplomats informed Reuters/); // word typo
    expect(top('Which party does Starmer lead?')).not.toMatch(/French President/); // "party" is not "Paris"
    // A typo of an English word the documents do not use finds what that word finds.
    const council = doc('Council', 'The council met on Monday. The court found that the mayor had acted unlawfully.');
    withEngine({ 'c.md': council, 'entities.yaml': 'synonyms:\n  - [unlawfully, illegally]\n' }, (engine) => {
      expect(top('so who acted illegaly', engine)).toMatch(/acted unlawfully/);
    });
    // An irregular verb form is a word, not a typo: "dealt" is "deal with", not the noun "deal".
    withEngine({ 't.md': doc('Talks', 'The ministers signed a grain deal in Geneva on Monday. The ministers addressed the border dispute on Tuesday.') }, (engine) => {
      expect(top('what have the ministers dealt with?', engine)).toMatch(/addressed the border dispute/);
    });
  });

  it('matches aliases, titles and related entities', () => {
    expect(top('What did the US envoy confirm?')).toMatch(/^Steve Witkoff, a key associate/);
    expect(top('Kiev NATO aspirations')).toMatch(/^In return, Kyiv would pause/);
    expect(top('will the nato sec gen be there with zelensky')).toMatch(/NATO leader Mark Rutte/); // chat abbreviation
    expect(top('What would Ukraine give up?')).toMatch(/Kyiv would pause|Reports suggest/); // Kyiv ~ Ukraine
    // "The peninsula": the story's only peninsula in WordNet, Crimea; "a peninsula" is not a reference.
    expect(top('what would happen to the peninsula')).toMatch(/Crimea/);
    expect(top('is a peninsula part of the deal')).toBe('(not_covered)');
    // Only the one entity of its kind: with two countries, "the country" is neither.
    const body = doc('Talks', 'Russia signed the grain deal on Monday. Officials met in Geneva on Tuesday.');
    const place = (id: string, name: string): string => `  - id: ${id}\n    name: ${name}\n    type: place\n`;
    withEngine({ 't.md': body, 'entities.yaml': `entities:\n${place('russia', 'Russia')}` }, (engine) => {
      expect(top('what did the country sign', engine)).toMatch(/^Russia signed/);
    });
    withEngine({ 't.md': body, 'entities.yaml': `entities:\n${place('russia', 'Russia')}${place('ukraine', 'Ukraine')}` }, (engine) => {
      expect(engine.ask('what did the country sign')).toMatchObject({ status: 'no_answer', reason: 'not_covered' });
    });
  });

  it('reads a sentence that refers back ("confirmed this unexpected development") with the sentence it refers to', () => {
    // Putin's approval is in the sentence before; "this unexpected development" is that approval.
    expect(top('who confirmed that putin had approved the peace plan')).toMatch(/^Steve Witkoff, a key associate/);
    expect(top('Who confirmed Putin approved a peace agreement?')).toMatch(/^Steve Witkoff, a key associate/);
    // Which sentences refer back is decided once, when passages are built (Passage.refersBack).
    const body = 'This deal was approved on Monday. Witkoff confirmed this development. Talks went on.\n\nIn return, Kyiv would pause its bid.';
    withEngine({ 'd.md': doc('Deal', body) }, (small) => {
      // The first sentence of a paragraph has none before it to refer to; "In return" opens its
      // paragraph too, so it stands as it is.
      expect(small.allPassages().map((p) => p.refersBack)).toEqual([false, true, false, false]);
    });
  });

  it('reads "other" and "the rest of" as content, as weak as common words are', () => {
    expect(top('does the deal cover the rest of europe too')).toMatch(/refraining from attacks on other European nations/);
    expect(top('are the rest of the sticking points sorted')).toMatch(/nearly all other critical issues/);
    // Weak: "other" does not outweigh what it qualifies.
    expect(top('what about the other regions')).toMatch(/five disputed regions/);
    expect(top('what other leaders are coming')).toMatch(/several European leaders/);
  });

  it('splits a compound the documents write as two words', () => {
    expect(top('gamechanger??')).toMatch(/game-changing/);
    expect(top('landswap')).toMatch(/land exchange|territorial exchange/);
  });

  it('uses irregular verb forms and WordNet relatives', () => {
    expect(top('When Zelensky met Trump in the Oval Office')).toMatch(/Oval Office/); // met → meet ~ encounter
    expect(top('atomic war warning')).toMatch(/nuclear conflict/); // atomic ~ nuclear
  });

  it('splits only run-together words, not words of their own', () => {
    expect(top('gamechanger guarantees?')).toMatch(/could be described as game-changing/); // game + changer
    // "peacekeeping" is a word (not "peace" + "keeping", ~ retain): no sentence speaks of it.
    expect(top('will there be peacekeeping in donetsk')).toBe('(not_covered)');
  });

  it('weighs names in the question fully, so an unknown one declines', () => {
    expect(top('Who is the prime minister of Japan?')).toBe('(not_covered)');
    expect(top('Who won the Super Bowl?')).toBe('(not_covered)');
    // However much else of the sentence it repeats: the sentence is about someone else.
    expect(top('Is Canada\'s prime minister joining the talks in Washington?')).toBe('(not_covered)');
    expect(top('Will Poland\'s president stand with Zelensky at the White House?')).toBe('(not_covered)');
    expect(top('Did Starmer stand alongside Zelensky?')).toMatch(/^Starmer will stand alongside/);
  });

  it('keeps "Article 5" though "article" alone only frames a question', () => {
    expect(top('What does the article say about Article 5?')).toMatch(/Article 5/);
  });

  it('wants the kind of answer the question word asks for', () => {
    expect(top('How many regions did Russia claim?')).toMatch(/five disputed regions/);
    expect(top('How old is Emmanuel Macron?')).toBe('(not_covered)');
    // "several European leaders" is a count, not an age.
    expect(top('How old is Keir Starmer?')).toBe('(not_covered)');
    expect(top('Who confirmed the development?')).toMatch(/^Steve Witkoff/);
    expect(top('whos witkof')).toMatch(/^Steve Witkoff, a key associate/); // chat spelling of "who's"
  });
});

describe('question intents', () => {
  let e: Engine;
  beforeAll(() => {
    e = Engine.open({ knowledgeDir: 'knowledge' });
  });
  it('answers "what is the latest?" with the opening sentence of the newest documents', () => {
    const result = e.ask("what's the latest news?");
    expect(result.status).toBe('answered');
    expect(result.citations[0]?.location).toMatchObject({ paragraph: 1, sentence: 1 });
  });
  it('reads "which city" as asking for a place, not about cities', () => {
    const result = e.ask('which city are the talks in');
    expect(result.citations[0]?.quote).toMatch(/discussions in Washington/);
  });
  it('covers a word by its negation and back ("expected" by "unexpected")', () => {
    const body = 'The result of the vote was unexpected. The mayor opened the bridge on Monday. Farmers blamed the weather.';
    withEngine({ 'v.md': doc('Vote', body) }, (engine) => {
      expect(leadQuote(engine, 'was the vote expected?')).toMatch(/unexpected/);
    });
  });
  it('asks for the act of a passive "what was agreed…": an answer must state it', () => {
    // The article names the Alaska summit, but not what was decided there.
    expect(top('what was decided at the summit in alaska?')).toBe('(not_covered)');
    expect(top('what was offered to ukraine?')).toMatch(/might offer protection/);
    expect(top('what was confirmed shortly after trump highlighted progress?')).toMatch(/^Steve Witkoff, a key associate/);
  });
  it('reads "how far-reaching" as an adjective, not "how far" asking for a number', () => {
    expect(top('How far-reaching is the protection package Ukraine is set to receive?')).toMatch(/extensive new security assurances/);
  });
  it('reads "how big a deal" as asking for a degree, not a number', () => {
    expect(top("How big a deal are the security guarantees, in Witkoff's view?")).toMatch(/game-changing/);
  });
  it('reads "where does X end up", "where does that leave X" as asking what becomes of X, not for a place', () => {
    expect(e.ask('Where would Crimea end up under the agreement?').citations[0]?.quote).toMatch(/officially recognize Crimea/);
    expect(e.ask('Where does that leave Crimea under the agreement?').citations[0]?.quote).toMatch(/officially recognize Crimea/);
  });
  it('treats chat filler as no content', () => {
    expect(e.ask('hi pls thx')).toMatchObject({ status: 'no_answer', reason: 'no_content' });
    expect(e.ask('idk tbh ngl, omg lmao')).toMatchObject({ status: 'no_answer', reason: 'no_content' });
    // A contraction typed without its apostrophe is still a function word, not a rare one.
    expect(e.ask('didnt he get kicked out of there before').citations[0]?.quote).toMatch(/unceremoniously removed/);
    expect(e.ask('theyre not doing it, are they? dont wont cant')).toMatchObject({ status: 'no_answer', reason: 'no_content' });
    // Hedges and intensifiers ("basically", "honestly", "pretty") change no answer.
    const plain = e.ask('is russia dropping its claim on the regions');
    expect(e.ask('so is russia basically, honestly, pretty much dropping its claim on the regions').citations).toEqual(plain.citations);
    // "X's side", "the X side": the party X, not a further thing asked about.
    expect(e.ask('what did the us side agree on').citations[0]?.quote).toMatch(/We have agreed on robust security guarantees/);
  });
  it('weighs a phrase ("hold on to") as its one-word synonyms ("retain"), not as its head word ("hold")', () => {
    expect(top('what would russia hold on to')).toMatch(/territorial exchange to retain Donetsk/);
  });
  it('weighs the concrete thing a question asks for of something else ("the population of Donetsk")', () => {
    expect(e.ask("what's the population of donetsk")).toMatchObject({ status: 'no_answer' });
    expect(e.ask('whats the population of crimea')).toMatchObject({ status: 'no_answer' }); // chat spelling
    expect(e.ask('What is the capital of Ukraine?')).toMatchObject({ status: 'no_answer' });
    // …and an answer must state it: Macron is named, his wife is not.
    expect(e.ask("who is macron's wife")).toMatchObject({ status: 'no_answer' });
    expect(e.ask("who is trump's envoy").citations[0]?.quote).toMatch(/Steve Witkoff/);
    // In its own words: a word-vector likeness ("party" ~ "leaders") does not state it.
    expect(e.ask('which party does keir starmer lead?')).toMatchObject({ status: 'no_answer' });
    expect(e.ask("what's macron's wife called?")).toMatchObject({ status: 'no_answer' });
    expect(e.ask('which regions did Russia illegally annex?').citations[0]?.quote).toMatch(/five disputed regions/);
    // "Which member of X" asks for one of X, by name: the word "member" need not be stated.
    expect(e.ask("which member of trump's circle confirmed the news?").citations[0]?.quote).toMatch(/^Steve Witkoff, a key associate/);
    // "what N does…" asks for N as "which N does…" does: the guarantees are stated, no weapons.
    expect(e.ask('what weapons will europe supply under the security guarantees?')).toMatchObject({ status: 'no_answer' });
    expect(e.ask('what regions did russia unlawfully claim?').citations[0]?.quote).toMatch(/five disputed regions/);
    // An abstract one is often answered without its word.
    expect(e.ask("what's Starmer's role").citations[0]?.quote).toMatch(/Starmer/);
    expect(e.ask("what's the name of trump's envoy").citations[0]?.quote).toMatch(/Witkoff/);
  });
  it('answers "the exact words of X" only with X\u2019s own words, quoted, not a mention of them', () => {
    // The article mentions Article 5 and Putin's warning, but quotes neither.
    expect(e.ask("what's the exact wording of Article 5?")).toMatchObject({ status: 'no_answer' });
    expect(e.ask("what were the exact words of putin's nuclear warning?")).toMatchObject({ status: 'no_answer' });
    expect(e.ask("putin's precise words when he warned of nuclear conflict?")).toMatchObject({ status: 'no_answer' });
    // Witkoff's are quoted; "exact words" is framing, not words a sentence must hold.
    expect(e.ask("what were witkoff's exact words on the guarantees?").citations[0]?.quote).toMatch(/^Witkoff stated, “We have agreed on robust security guarantees/);
  });
  it('answers "what does <a text by its title> say?" only with its own words, which the article never quotes', () => {
    expect(top('What does Article 5 actually say?')).toBe('(not_covered)');
    expect(top('what exactly does article 5 of the nato treaty say')).toBe('(not_covered)');
    // A text named by a common noun is asked for its terms, which the sentences describing it give.
    expect(top('What does the agreement actually say?')).not.toBe('(not_covered)');
    // Asked what it says about something, it is asked for the terms too.
    expect(top('What does Article 5 say about Ukraine?')).toMatch(/similar to Article 5/);
  });
  it('answers "what did X say" only with X saying something, not a sentence that just names X', () => {
    // The article names JD Vance (an encounter with him) but says nothing he said.
    expect(e.ask('what did jd vance say to zelensky in the oval office?')).toMatchObject({ status: 'no_answer' });
    expect(e.ask('what exactly did jd vance say during that oval office row')).toMatchObject({ status: 'no_answer' });
    expect(e.ask('what does trump personally think of macron?')).toMatchObject({ status: 'no_answer' });
    expect(e.ask('how does merz feel about the security guarantees?')).toMatchObject({ status: 'no_answer' });
    expect(e.ask("what did the kremlin's spokesman say about witkoff's claims?")).toMatchObject({ status: 'no_answer' });
    // "NATO leader Mark Rutte, as reported by the Sun": the Sun reports, Rutte says nothing.
    expect(e.ask('what did mark rutte say about the talks?')).toMatchObject({ status: 'no_answer' });
    // The claim source (a quote's later sentence), a reporting verb or noun right after the name.
    expect(e.ask('What did Witkoff say about Article 5?').citations[0]?.quote).toMatch(/Article 5/);
    expect(e.ask('what did trump say about progress with russia').citations[0]?.quote).toMatch(/Trump highlighted/);
    expect(e.ask('what did putin warn about recently').citations[0]?.quote).toMatch(/recent warning of a nuclear conflict/);
    expect(e.ask('what did western diplomats tell reuters').citations[0]?.quote).toMatch(/^Western diplomats informed Reuters/);
    // Only someone speaks: the deal's terms, a claim to territory and a report frame are not statements.
    expect(e.ask('what does the deal say about crimea').citations[0]?.quote).toMatch(/Crimea/);
    expect(e.ask('what does russia claim unlawfully').citations[0]?.quote).toMatch(/unlawfully claimed/);
    expect(e.ask('is russia said to be making concessions on the disputed regions').citations[0]?.quote).toMatch(/rumored to have made concessions/);
  });
  it('reads "else", "still", "besides" as framing, not as words a sentence must hold', () => {
    expect(e.ask('what else did witkoff say')).toMatchObject({ status: 'answered' });
    expect(e.ask('anything still unresolved besides security?').citations[0]?.quote).toMatch(/nearly all other critical issues/);
    expect(e.ask('who else is flying in with zelenskyy')).toMatchObject({ status: 'answered' });
  });
  it('reads a framing word with a clitic \'s ("everything\'s", "the story\'s") as framing too', () => {
    expect(e.ask("what's everything's status, the article's info?")).toMatchObject({ status: 'no_answer', reason: 'no_content' });
  });
  it('drops a heading before a colon ("Podcast segment: …") or an opening phrase ("From a tail-risk perspective, …") that names nothing of the documents, and keeps one that does', () => {
    const council = doc('Council', 'The council approved the budget on Monday. The mayor resigned after the vote on the harbour.');
    withEngine({ 'c.md': council }, (engine) => {
      expect(top('Podcast segment: why did the mayor resign?', engine)).toMatch(/mayor resigned/);
      expect(engine.ask('for the briefing: who approved the budget?')).toMatchObject({ status: 'answered' });
      // …and an opening phrase before a comma, before the question itself.
      expect(top('From a tail-risk perspective, why did the mayor resign?', engine)).toMatch(/mayor resigned/);
    });
    // A heading with a word of the documents is part of the question (a misspelt one too).
    const plans = doc('Plans', 'The council approved the budget plan on Monday. The mayor approved the harbour plan on Tuesday.');
    withEngine({ 'p.md': plans }, (engine) => {
      for (const q of ['Harbour: which official approved the plan?', 'Harbur: which official approved the plan?']) {
        expect(top(q, engine)).toMatch(/harbour plan/);
      }
    });
  });
  it('reads "yes or no" as framing, and a framing word a synonym group lists as that group where a determiner follows it ("okay the budget")', () => {
    const budget = doc('Budget', 'The mayor discussed the budget on Monday. The council approved the budget on Tuesday.');
    withEngine({ 'b.md': budget, 'entities.yaml': 'synonyms:\n  - [approve, okay]\n' }, (engine) => {
      expect(top('did anyone okay the budget?', engine)).toMatch(/council approved/);
      expect(top('did the council approve the budget, yes or no?', engine)).toMatch(/council approved/);
      expect(top('okay, who discussed the budget?', engine)).toMatch(/mayor discussed/);
    });
  });
  it('reads "source", "attribution", "outlet" as asking who a claim comes from: not words a sentence must hold, and a sentence naming a source answers first', () => {
    expect(e.ask("what's the wire source on the sanctions piece, is it named").citations[0]?.quote).toMatch(/^Western diplomats informed Reuters/);
    expect(e.ask("what's our attribution for the deal being confirmed? named person or anonymous?").citations[0]?.quote).toMatch(/^Steve Witkoff/);
    const budget = doc('Budget', 'The council approved the budget on Monday. According to the Gazette, the council approved the budget after a long and bitter debate.');
    withEngine({ 'b.md': budget }, (engine) => {
      expect(top('did the council approve the budget?', engine)).toMatch(/^The council approved/);
      expect(top("what's the source on the council approving the budget?", engine)).toMatch(/^According to the Gazette/);
    });
  });
  it('reads a request\'s polite frame ("I should be most grateful to learn who…", "could you kindly tell me in what terms…") as framing, up to its question word', () => {
    expect(e.ask('I should be most grateful to learn who confirmed the development.').citations[0]?.quote).toMatch(/^Steve Witkoff/);
    const plans = doc('Plans', 'The council approved the budget on Monday. The mayor praised the harbour plan on Tuesday.');
    withEngine({ 'p.md': plans }, (engine) => {
      expect(top('Would you be so kind as to tell me in what terms the mayor praised the harbour plan?', engine)).toMatch(/mayor praised/);
    });
  });
  it('reads "how come", "for what reason", "what for" as asking why: a sentence stating a reason answers first', () => {
    const mayor = doc('Mayor', 'The mayor resigned on Monday after the vote. The mayor resigned because the harbour vote failed.');
    withEngine({ 'm.md': mayor }, (engine) => {
      for (const q of ['how come the mayor resigned?', 'for what reason did the mayor resign?', 'the mayor resigned, what for?']) {
        expect(top(q, engine)).toMatch(/because/);
      }
    });
  });
  it('reads the chat spelling "b4" as "before": a question about an order in time, not a word a sentence must hold', () => {
    expect(e.ask('what did trump actually say b4 this dropped, some progress thing?').citations[0]?.quote).toMatch(/shortly after Trump highlighted/);
  });
  it('reads "is it true that…" as framing a claim to check, and a leading question\'s opposite ("weak") as the degree a sentence states ("robust")', () => {
    expect(e.ask("Isn't it true that the security guarantees are weak and purely symbolic?").citations[0]?.quote).toMatch(/robust security guarantees/);
  });
  it('answers "which <group>" ("which Nordic ministers…", an irregular plural "which Nordic women…") with the sentence naming the group\'s members, before one naming only the group', () => {
    for (const kind of ['ministers', 'women']) {
      const summit = doc('Summit', `Several Nordic ${kind} will be with the president in Geneva at the summit. Joining the president in Geneva are Anna Berg and Lars Holm.`);
      const entities = [
        'entities:',
        '  - { id: president, name: the president, type: person }',
        '  - { id: berg, name: Anna Berg, type: person }',
        '  - { id: holm, name: Lars Holm, type: person }',
        `  - { id: nordic-${kind}, name: Nordic ${kind}, type: group, related: [berg, holm] }`,
      ].join('\n');
      withEngine({ 's.md': summit, 'entities.yaml': `${entities}\n` }, (engine) => {
        expect(top(`Which Nordic ${kind} are with the president in Geneva?`, engine)).toMatch(/Anna Berg and Lars Holm/);
      });
    }
  });
  it('reads a keyword query for someone\'s quote ("witkoff quote", "quote from witkoff") as asking for their own words', () => {
    for (const q of ['witkoff quote', "witkoff's quotes", 'quote from witkoff']) expect(e.ask(q).citations[0]?.quote).toMatch(/^Witkoff stated/);
  });
  it('rejoins a name autocorrect split in two ("wit coff"), and no words that only look like one', () => {
    expect(e.ask('who confirmed it wit coff??').citations[0]?.quote).toMatch(/^Steve Witkoff/);
    expect(e.ask('how did wit coff describe the guarantees').citations[0]?.quote).toMatch(/^Witkoff stated/);
    expect(e.ask('what did the ex-president say about russia').citations[0]?.quote).toMatch(/^Steve Witkoff/); // a phrase of its own
  });
  it('reads a request\'s own verbs ("remind me", "I heard", "I wonder", "I gather") as framing', () => {
    for (const q of ['Remind me: did Putin approve a peace agreement, as I heard on the wireless, I gather?', 'I wonder, I seem to recall hearing that Putin approved a peace agreement?']) {
      expect(e.ask(q).citations[0]?.quote).toMatch(/approved a significant peace agreement/);
    }
  });
  it('reads "name", "names" as framing a request ("name them", "is he named?"), not words a sentence must hold', () => {
    const plain = e.ask('which regions did russia unlawfully claim?');
    expect(plain).toMatchObject({ status: 'answered' });
    expect(e.ask('which regions did russia unlawfully claim? name them, names please').citations).toEqual(plain.citations);
  });
  it('reads "according to" as framing even where a synonym shares its term ("accord")', () => {
    const towns = doc('Towns', 'The accord on the new dam was signed in May. The mayor said the dam was finished in June.');
    withEngine({ 't.md': towns, 'entities.yaml': 'synonyms:\n  - [deal, accord, pact]\n' }, (engine) => {
      // Asked: the dam, finished; "according to" names no deal.
      expect(top('according to the town, is the dam finished?', engine)).toMatch(/^The mayor said/);
      expect(engine.ask('according to critics, who is to blame?')).toMatchObject({ status: 'no_answer' });
    });
  });
});
