import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { AnswerResultSchema, type Answered } from '../../src/answer/result.js';
import { doc, leadQuote, tempKnowledge, withEngine } from '../helpers.js';

let engine: Engine;
beforeAll(() => {
  engine = Engine.open({ knowledgeDir: 'knowledge' });
});

function answered(question: string): Answered {
  const result = engine.ask(question);
  expect(AnswerResultSchema.parse(result)).toEqual(result);
  if (result.status !== 'answered') throw new Error(`expected an answer to "${question}", got ${result.reason}`);
  return result;
}

describe('Engine.ask', () => {
  it('answers with a verbatim, attributed citation', () => {
    const result = answered('What did Witkoff say about Article 5?');
    const top = result.citations.find((c) => c.quote.includes('Article 5'));
    expect(top).toBeDefined();
    expect(top?.claim).toEqual({ status: 'on_record', source: 'Steve Witkoff', conditional: true });
    expect(top?.document).toEqual({ id: 'putin-peace-deal-security-guarantees', title: expect.any(String) });
    expect(top?.location).toMatchObject({ paragraph: 3, sentence: 2 });
    expect(top?.matched).toEqual(expect.arrayContaining(['Article', '5']));
    expect(top?.singleSource).toBe(true);
  });

  it('includes the previous sentence when the quote cannot stand alone ("In return, Kyiv would…")', () => {
    const top = answered('What would Kyiv give in return?').citations.find((c) => c.quote.includes('In return, Kyiv would pause'));
    expect(top?.includesPrevious).toBe(true);
    expect(top?.quote.startsWith('Reports suggest that')).toBe(true);
    expect(top?.claim.status).toBe('reported');
  });

  it('declines off-topic and empty questions with a message and three answerable examples', () => {
    for (const q of ['Who won the Super Bowl?', 'Write me a poem', 'hi', '??', '']) {
      const result = engine.ask(q);
      expect(result.status, q).toBe('no_answer');
      if (result.status !== 'no_answer') continue;
      expect(result.citations).toEqual([]);
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.suggestions).toHaveLength(3);
      for (const s of result.suggestions) expect(engine.ask(s).status, s).toBe('answered');
    }
  });

  it('declines a question over 500 characters and says why', () => {
    const result = engine.ask(`What about Crimea? ${'x'.repeat(5000)}`);
    expect(result).toMatchObject({ status: 'no_answer', reason: 'too_long' });
    expect(result.status === 'no_answer' && result.message).toMatch(/5019 characters long; questions are limited to 500/);
  });

  it('answers a short follow-up in the context of the previous question', () => {
    const follow = engine.ask('what about Luhansk?', { previous: 'Would Putin swap territory?' });
    expect(follow.status).toBe('answered');
    expect(follow.citations[0]?.quote).toMatch(/Luhansk/);
  });

  it('is deterministic', () => {
    expect(engine.ask('sanctions relief')).toEqual(engine.ask('sanctions relief'));
  });

  it('looks citations up by key for buttons: citation, similar, context', () => {
    const top = answered('ceasefire terms').citations[0];
    if (!top) throw new Error('no citation');
    expect(top.key).toMatch(/^[0-9a-f]{12}$/);
    expect(engine.citation(top.key)?.quote).toBe(top.quote);
    expect(engine.context(top.key)?.paragraph).toContain(top.quote);
    expect(engine.similar(top.key, 2).every((c) => c.key !== top.key)).toBe(true);
    expect(engine.citation('nope')).toBeUndefined();
  });
});

describe('Engine with several documents', () => {
  const shared = 'The ceasefire will start on Monday.';
  let many: Engine;
  let cleanup = (): void => {};
  beforeAll(() => {
    const t = tempKnowledge({
      'a.md': doc('Alpha report', `${shared} Officials met in Geneva.`, 'publisher: Alpha\npublished: 2025-08-18\n'),
      'b.md': doc('Beta report', `Talks stalled overnight. ${shared}`, 'publisher: Beta\n'),
    });
    cleanup = t.cleanup;
    many = Engine.open({ knowledgeDir: t.dir });
  });
  afterAll(() => cleanup());

  it('merges the same sentence from two documents into one citation listing both sources', () => {
    const result = many.ask('When does the ceasefire start?');
    expect(result.status).toBe('answered');
    const top = result.citations[0];
    expect(top?.quote).toBe(shared);
    expect(top?.sources.map((s) => s.document.id).sort()).toEqual(['a', 'b']);
    expect(top?.singleSource).toBe(false);
    expect(result.citations.filter((c) => c.quote === shared)).toHaveLength(1);
  });

  it('ranks whole documents', () => {
    expect(many.searchDocuments('Geneva officials')[0]?.id).toBe('a');
  });

  it('lifts a document like the best-ranked ones above an equal match unlike them', () => {
    // z and c match the query alike (ties go to the lower id: c); z shares its other words with a.
    const files = {
      'a.md': doc('Exports', 'Grain exports resume through the corridor. Odesa ports reopened for wheat ships.'),
      'b.md': doc('Exports again', 'Grain exports through the corridor resume. Wheat ships left Odesa ports.'),
      'z.md': doc('Report', 'A corridor was discussed. Odesa ports reopened for wheat ships.'),
      'c.md': doc('Report', 'A corridor was discussed. Parliament debated the pension reform bill.'),
    };
    withEngine(files, (engine) => {
      const ids = engine.searchDocuments('grain exports corridor').map((h) => h.id);
      expect(ids.indexOf('z')).toBeLessThan(ids.indexOf('c'));
    });
  });

  it("counts a document's title as its sentences' context", () => {
    const files = {
      'x.md': doc('Gas transit talks', 'The ministers met on Friday. Nothing was signed.'),
      'y.md': doc('Grain corridor talks', 'The ministers met on Friday. Nothing was signed.'),
    };
    withEngine(files, (titled) => {
      expect(titled.searchDocuments('gas ministers')[0]?.id).toBe('x');
      expect(titled.searchDocuments('grain ministers')[0]?.id).toBe('y');
    });
  });
});

describe('words the documents do not use', () => {
  const t = tempKnowledge({
    'fines.md': doc(
      'Regulator acts',
      'The regulator imposed heavy sanctions on the shipping company. The harbour reopened on Monday after repairs.\n\nAnalysts expect the port to grow.',
    ),
  });
  afterAll(() => t.cleanup());

  it('finds the sentence that says a question word in other words (word vectors)', () => {
    const engine = Engine.open({ knowledgeDir: t.dir, cacheDir: null });
    // "penalties" is nowhere in the document and WordNet does not link it to "sanctions"; the
    // vectors do, and the sentence about the company is the only one that can answer.
    const result = engine.ask('What penalties did the regulator impose on the company?');
    expect(result.status).toBe('answered');
    if (result.status === 'answered') expect(result.citations[0]?.quote).toContain('heavy sanctions');
  });

  it('never answers on word vectors alone', () => {
    const engine = Engine.open({ knowledgeDir: t.dir, cacheDir: null });
    // Every content word is missing from the document: loose likenesses ("penalties" ~
    // "sanctions", "vessel" ~ "shipping") must not make an answer.
    expect(engine.ask('tell me a joke').status).toBe('no_answer');
    expect(engine.ask('penalties vessel').status).toBe('no_answer');
  });
});

describe('people the question names', () => {
  const entities = [
    'entities:',
    '  - { id: macron, name: Emmanuel Macron, type: person, aliases: [Macron], related: [france] }',
    '  - { id: putin, name: Vladimir Putin, type: person, aliases: [Putin] }',
    '  - { id: france, name: France, type: place, aliases: [French] }',
    '',
  ].join('\n');
  it('are in the answer: its words, an entity related to them, or its paragraph', () => {
    const answer = (body: string, q: string): string | undefined => {
      let quote: string | undefined;
      withEngine({ 'w.md': doc('Warning', body), 'entities.yaml': entities }, (engine) => (quote = leadQuote(engine, q)));
      return quote;
    };
    // Macron is named elsewhere in the folder, so he weighs no more than Putin does.
    const warning = 'Putin warned of a nuclear conflict on Monday.';
    const elsewhere = 'Macron opened a school in Lyon on Friday. The harvest in Odesa was late this year.';
    const view = "macron's view of putin's warning of a nuclear conflict on monday?";
    // The sentence states all of it but Macron, and says nothing of him: declined.
    expect(answer(`${warning}\n\n${elsewhere}`, view)).toBeUndefined();
    expect(answer(`${warning}\n\n${elsewhere}`, "putin's warning of a nuclear conflict on monday?")).toBe(warning);
    // France is related to Macron.
    expect(answer(`French officials called Putin’s warning of a nuclear conflict on Monday reckless.\n\n${elsewhere}`, view)).toMatch(/^French officials/);
    // "He called…" stands in a paragraph that names Macron (and is quoted with the sentence before it).
    expect(answer(`Macron spoke on Tuesday. He called Putin’s warning of a nuclear conflict on Monday reckless.\n\n${elsewhere}`, view)).toMatch(/He called Putin’s warning/);
  });
  it('joined ("Macron and Putin"): each is named by the answer itself, not only by an entity related to them', () => {
    const meet = 'will macron and putin meet in geneva on monday?';
    const elsewhere = 'Macron opened a school in Lyon on Friday. Putin toured a plant in Omsk on Friday. The harvest in Odesa was late this year.';
    const ask = (body: string): string | undefined => {
      let quote: string | undefined;
      withEngine({ 'w.md': doc('Geneva', `${body}\n\n${elsewhere}`), 'entities.yaml': entities }, (engine) => (quote = leadQuote(engine, meet)));
      return quote;
    };
    // France stands for Macron, but the sentence says nothing of Macron meeting Putin.
    expect(ask('Putin will meet French diplomats in Geneva on Monday.')).toBeUndefined();
    expect(ask('Putin will meet Macron in Geneva on Monday.')).toMatch(/^Putin will meet Macron/);
  });
});

describe('someone asked to have said something', () => {
  const entities = [
    'entities:',
    '  - { id: macron, name: Emmanuel Macron, type: person, aliases: [Macron], related: [france] }',
    '  - { id: france, name: France, type: place, aliases: [French] }',
    '',
  ].join('\n');
  const ask = (body: string, q: string): string | undefined => {
    let quote: string | undefined;
    withEngine({ 'w.md': doc('Warning', `${body}\n\nThe harvest in Odesa was late this year. Lyon opened a school.`), 'entities.yaml': entities }, (engine) => (quote = leadQuote(engine, q)));
    return quote;
  };
  it('speaks through an entity related to them when that one is the source of the claim: a country through its leader', () => {
    const q = 'how did the french side describe the nuclear warning?';
    expect(ask('Macron said, \u201cThe nuclear warning is reckless.\u201d', q)).toMatch(/^Macron said/);
    // Macron is named, but not saying anything: the sentence does not say how France described it.
    expect(ask('The nuclear warning came as Macron toured a plant in Lyon.', q)).toBeUndefined();
  });
});

describe('why-questions', () => {
  it('lead with the sentence that states a reason, not the one that names more of the question', () => {
    const body = [
      'Mayor Ana Ruiz, Governor Tom Hale and several regional leaders will join the river talks in Porto on Monday.',
      'Sources say Ruiz asked the regional leaders to come to the talks because she wanted backing against the dam.',
      'The harvest in the valley was late this year.',
    ].join('\n\n');
    withEngine({ 'r.md': doc('River', body) }, (engine) => {
      expect(leadQuote(engine, 'Why are the regional leaders going to the river talks?')).toMatch(/because she wanted backing/);
    });
  });
  it('take "in return" for an exchange, not a reason', () => {
    const body = [
      'Sources say the valley wants river rights because its farms need water.',
      'In return for a dam, the valley would pause its bid for river rights and want no river rights fund.',
      'The harvest in the valley was late this year.',
    ].join('\n\n');
    withEngine({ 'v.md': doc('Valley', body) }, (engine) => {
      expect(leadQuote(engine, 'Why does the valley want river rights?')).toMatch(/because its farms need water/);
    });
  });
});

describe('"has X already…?", "…yet?"', () => {
  it('is not answered by a sentence that only says it would happen', () => {
    const body = 'The council would approve the river deal next spring.\n\nThe harvest in the valley was late this year.';
    withEngine({ 'r.md': doc('River', body) }, (engine) => {
      expect(engine.ask('Has the council already approved the river deal?').status).toBe('no_answer');
      expect(engine.ask('has the council approved the river deal yet').status).toBe('no_answer');
      expect(leadQuote(engine, 'Would the council approve the river deal?')).toMatch(/^The council would approve/);
    });
  });
});

describe('"how did X go?", "what did they end up agreeing?"', () => {
  it('is not answered by a sentence that has the event still ahead', () => {
    const body = 'The mayor will meet the farmers in Porto on Monday.\n\nLast year the mayor met the fishermen in Braga, and the meeting ended in a row.';
    withEngine({ 'r.md': doc('Meetings', body) }, (engine) => {
      expect(engine.ask('How did the meeting between the mayor and the farmers in Porto go?').status).toBe('no_answer');
      expect(engine.ask('what did the mayor and the farmers end up agreeing in Porto').status).toBe('no_answer');
      expect(leadQuote(engine, 'How did the meeting between the mayor and the fishermen in Braga end?')).toMatch(/ended in a row/);
      expect(leadQuote(engine, 'Will the mayor meet the farmers in Porto?')).toMatch(/^The mayor will meet/);
    });
  });
});

describe('a long question', () => {
  const body = [
    'Mayor Ana Ruiz approved the river deal on Monday.',
    'The harvest in the valley was late this year.',
    'Fishing boats left the harbour at dawn.',
  ].join('\n\n');
  it('is answered by the sentence that states its core, not every detail around it', () => {
    withEngine({ 'r.md': doc('River', body) }, (engine) => {
      const long = "Isn't it the case that Mayor Ruiz, in a bruising week of bitter quarrels with stubborn fishermen, finally approved the river deal on Monday?";
      expect(leadQuote(engine, long)).toMatch(/^Mayor Ana Ruiz approved the river deal/);
      // A short question missing as much is still declined, and so is a long one about nothing here.
      expect(engine.ask('did the angry farmers approve the deal?').status).toBe('no_answer');
      expect(engine.ask('In a bruising week of bitter quarrels with stubborn fishermen, who won the football cup final on Saturday?').status).toBe('no_answer');
    });
  });
});

describe('questions about an order in time', () => {
  const body = [
    'The valley held the river talks.',
    'Ahead of the river talks in Porto on Monday, the valley closed its old dam, the mayor said.',
    'Farmers praised the dam closure.',
    'The dam closure follows weeks of heavy rain in the hills.',
    'The harvest in the valley was late this year.',
  ].join('\n\n');
  it('lead with a sentence that states an order ("ahead of"), not one that only names the event', () => {
    withEngine({ 'v.md': doc('Valley', body) }, (engine) => {
      expect(leadQuote(engine, 'what did the valley do before the river talks?')).toMatch(/^Ahead of the river talks/);
    });
  });
  it('take "follows" as saying what "preceded" asks', () => {
    withEngine({ 'v.md': doc('Valley', body) }, (engine) => {
      expect(leadQuote(engine, 'What preceded the dam closure?')).toMatch(/^The dam closure follows/);
    });
  });
});

describe('a name typed in lower case', () => {
  it('is still a name: only its own words cover it, not a word used alike ("dutch" is not "french")', () => {
    const body = 'French officials met in Geneva on Monday.\n\nThe harvest in Odesa was late this year. Farmers blamed the weather.';
    withEngine({ 'f.md': doc('Officials', body) }, (engine) => {
      expect(engine.ask('did french officials meet in geneva?')).toMatchObject({ status: 'answered' });
      expect(engine.ask('did dutch officials meet in geneva?')).toMatchObject({ status: 'no_answer' });
    });
  });
});

describe('a capital', () => {
  it('stands for its country\u2019s leaders, two steps away: "Moscow would…" is answered by "Putin might…"', () => {
    const entities = [
      'entities:',
      '  - { id: putin, name: Vladimir Putin, type: person, aliases: [Putin], related: [russia] }',
      '  - { id: russia, name: Russia, type: place }',
      '  - { id: moscow, name: Moscow, type: place, related: [russia] }',
      '',
    ].join('\n');
    const body = 'Putin might freeze the offensive in the south.\n\nMoscow hosted a film festival in May. The harvest in Odesa was late this year.';
    withEngine({ 'm.md': doc('Moscow', body), 'entities.yaml': entities }, (engine) => {
      expect(leadQuote(engine, 'would moscow freeze?')).toMatch(/^Putin might freeze/);
    });
  });
});

describe('answer types', () => {
  it('answers "how old" only from a sentence that gives an age', () => {
    withEngine({ 'm.md': doc('Envoy', 'The envoy, aged 68, met several ministers. The envoy arrived in Geneva on Monday.') }, (engine) => {
      const result = engine.ask('How old is the envoy?');
      expect(result.status).toBe('answered');
      if (result.status === 'answered') expect(result.citations[0]?.quote).toContain('aged 68');
      expect(engine.ask('How old is Geneva?').status).toBe('no_answer');
    });
  });
  it('answers "what percentage" only from a sentence that gives a share', () => {
    withEngine({ 'k.md': doc('Vote', 'Officials counted the votes in Kherson on Monday.\n\nBy Tuesday, 64 percent of voters in Odesa had cast a ballot.') }, (engine) => {
      expect(leadQuote(engine, 'What percentage of voters in Odesa had cast a ballot by Tuesday?')).toMatch(/64 percent/);
      // The count of votes is stated, but no share of them.
      expect(engine.ask('What percentage of the votes did officials count in Kherson on Monday?').status).toBe('no_answer');
      expect(engine.ask('Did officials count the votes in Kherson on Monday?').status).toBe('answered');
    });
  });
  it('answers "how much of" only from a sentence that gives a portion ("nearly all"), not a count', () => {
    const body = 'The army held five towns in the north in May.\n\nBy June, the engineers had rebuilt nearly all of the bridges in the north.';
    withEngine({ 'n.md': doc('North', body) }, (engine) => {
      expect(leadQuote(engine, 'How much of the bridges in the north had the engineers rebuilt by June?')).toMatch(/nearly all/);
      // Five towns is a count, not how much of the north the army held.
      expect(engine.ask('How much of the north did the army hold in May?').status).toBe('no_answer');
      expect(engine.ask('How many towns in the north did the army hold in May?').status).toBe('answered');
    });
  });
});

describe('places within a place', () => {
  const entities = [
    'entities:',
    '  - { id: alaska, name: Alaska, type: place, aliases: [Alaskan] }',
    '  - { id: anchorage, name: Anchorage, type: place }',
    '  - { id: russia, name: Russia, type: place }',
    '  - { id: ukraine, name: Ukraine, type: place, aliases: [Ukrainian] }',
    '  - { id: kyiv, name: Kyiv, type: place, aliases: [Kiev] }',
    '',
  ].join('\n');
  it('answers "where in X" ("which Alaskan city") only with a place WordNet puts in X (or one it does not know)', () => {
    const summit = 'The summit was held in Alaska while Russia and Ukraine kept up drone strikes.';
    withEngine({ 'entities.yaml': entities, 's.md': doc('Summit', summit) }, (engine) => {
      // Russia and Ukraine are places, but not in Alaska: the documents do not say where in Alaska.
      expect(engine.ask('Where in Alaska was the summit held?').status).toBe('no_answer');
      expect(engine.ask('which city in alaska hosted the summit').status).toBe('no_answer');
      expect(engine.ask('which alaskan city hosted the summit').status).toBe('no_answer');
      expect(engine.ask('Where was the summit held?').status).toBe('answered');
    });
    withEngine({ 'entities.yaml': entities, 's.md': doc('Summit', `${summit} The summit was held in Anchorage.`) }, (engine) => {
      expect(leadQuote(engine, 'Where in Alaska was the summit held?')).toMatch(/Anchorage/);
      const alaskan = engine.ask('Which Alaskan city held the summit?');
      expect(alaskan.status === 'answered' && alaskan.citations[0]?.quote).toMatch(/Anchorage/);
    });
    withEngine({ 'entities.yaml': entities, 'k.md': doc('Talks', 'Talks on the drone strikes were held in Kyiv.') }, (engine) => {
      expect(engine.ask('which city in ukraine held the talks on the drone strikes').status).toBe('answered');
      expect(engine.ask('which ukrainian city held the talks on the drone strikes').status).toBe('answered');
    });
  });
});

describe('where-questions', () => {
  const entities = ['entities:', '  - { id: ukraine, name: Ukraine, type: place }', '  - { id: geneva, name: Geneva, type: place }', '  - { id: putin, name: Vladimir Putin, type: person, aliases: [Putin] }', ''].join('\n');
  it('want a place in a phrase of place ("in Geneva"), not a place the sentence is about', () => {
    const about = 'Putin approved a deal with guarantees for Ukraine.';
    withEngine({ 'entities.yaml': entities, 'd.md': doc('Deal', about) }, (engine) => {
      expect(engine.ask('Where was the deal approved?').status).toBe('no_answer');
      // "Which country…" asks for a place of any kind: Ukraine is one.
      const country = engine.ask('Which country gets guarantees under the deal?');
      expect(country.status === 'answered' && country.citations[0]?.quote).toBe(about);
    });
    withEngine({ 'entities.yaml': entities, 'd.md': doc('Deal', `${about}\n\nThe deal was approved in Geneva on Monday.`) }, (engine) => {
      const where = engine.ask('Where was the deal approved?');
      expect(where.status === 'answered' && where.citations[0]?.quote).toBe('The deal was approved in Geneva on Monday.');
    });
  });
});

describe('which-city questions', () => {
  const entities = ['entities:', '  - { id: ukraine, name: Ukraine, type: place }', '  - { id: kyiv, name: Kyiv, type: place, aliases: [Kiev] }', ''].join('\n');
  it('want a place of that kind (WordNet: Kiev is a capital, so a city; Ukraine a country)', () => {
    withEngine({ 'entities.yaml': entities, 't.md': doc('Talks', 'The talks on the drone strikes were held in Ukraine.') }, (engine) => {
      expect(engine.ask('Which city held the talks on the drone strikes?').status).toBe('no_answer');
      expect(engine.ask('Which country held the talks on the drone strikes?').status).toBe('answered');
      expect(engine.ask('Which nation held the talks on the drone strikes?').status).toBe('answered');
    });
    withEngine({ 'entities.yaml': entities, 't.md': doc('Talks', 'The talks on the drone strikes were held in Kyiv.') }, (engine) => {
      // A nation is a country; Kyiv is a city.
      expect(engine.ask('Which nation held the talks on the drone strikes?').status).toBe('no_answer');
    });
    withEngine({ 'entities.yaml': entities, 't.md': doc('Talks', 'The talks on the drone strikes were held in Ukraine.\n\nThe talks on the drone strikes were held in Kyiv.') }, (engine) => {
      expect(leadQuote(engine, 'Which city held the talks on the drone strikes?')).toBe('The talks on the drone strikes were held in Kyiv.');
    });
  });
});

describe('how-long questions', () => {
  it('want a length of time, not a count', () => {
    const start = 'The truce starts on Monday with several observers.';
    withEngine({ 'd.md': doc('Truce', start) }, (engine) => {
      expect(engine.ask('How long will the truce last?').status).toBe('no_answer');
      expect(engine.ask('How many observers will the truce have?').status).toBe('answered');
    });
    withEngine({ 'd.md': doc('Truce', `${start}\n\nThe truce will last for three months.`) }, (engine) => {
      expect(leadQuote(engine, 'How long will the truce last?')).toBe('The truce will last for three months.');
    });
  });
});

describe('term proximity', () => {
  it('ranks first the sentence that states the question’s words together', () => {
    // The same words, the same length, the same paragraph: only their order differs, and the
    // earlier sentence wins ties, so the later one comes first only by proximity.
    const body = 'Fuel prices rose in the north, and grain talks stalled in the south. Grain prices rose in the north, and fuel talks stalled in the south.\n\nThe envoy arrived in Geneva on Monday. Officials met the press.';
    withEngine({ 'p.md': doc('Markets', body) }, (engine) => {
      const result = engine.ask('Did grain prices rise?');
      expect(result.status).toBe('answered');
      if (result.status === 'answered') expect(result.citations[0]?.quote).toMatch(/^Grain prices rose/);
    });
  });
});

describe('alternatives of one concept', () => {
  it('count as one term: a sentence naming six related leaders does not outscore one that says “leaders”', () => {
    const people = ['Macron', 'Merz', 'Starmer', 'Stubb', 'Meloni', 'Rutte'];
    const entities = [
      'entities:',
      `  - { id: leaders, name: European leaders, type: group, aliases: [EU leaders, Europe's leaders], related: [${people.map((p) => p.toLowerCase()).join(', ')}] }`,
      ...people.map((p) => `  - { id: ${p.toLowerCase()}, name: ${p}, type: person }`),
      '  - { id: zelensky, name: Volodymyr Zelensky, type: person, aliases: [Zelensky] }',
      '',
    ].join('\n');
    const body = `Joining Zelensky in Washington are ${people.slice(0, -1).join(', ')} and Rutte. Zelensky wants Europe's leaders in Washington for support.`;
    withEngine({ 'entities.yaml': entities, 'w.md': doc('Washington', body) }, (engine) => {
      // Summed, the six names' matches (each at the related-entity weight) outscored the one
      // sentence that says the question's own words.
      for (const question of ['EU leaders in Washington', 'Why are the EU leaders going to Washington with Zelensky?']) {
        const result = engine.ask(question);
        expect(result.status === 'answered' && result.citations[0]?.quote).toBe("Zelensky wants Europe's leaders in Washington for support.");
      }
    });
  });
});

describe('index snapshot', () => {
  it('is written once, then loaded with the same answers; a content change makes a new one', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'dealdesk-cache-'));
    const t = tempKnowledge({ 'a.md': doc('A', 'The ceasefire will start on Monday. Officials met in Geneva.') });
    try {
      const built = Engine.open({ knowledgeDir: t.dir, cacheDir });
      expect(readdirSync(cacheDir).filter((f) => f.startsWith('index-'))).toHaveLength(1);
      const loaded = Engine.open({ knowledgeDir: t.dir, cacheDir });
      expect(loaded.ask('ceasefire start')).toEqual(built.ask('ceasefire start'));
      const t2 = tempKnowledge({ 'a.md': doc('A', 'The truce holds.') });
      Engine.open({ knowledgeDir: t2.dir, cacheDir });
      expect(readdirSync(cacheDir).filter((f) => f.startsWith('index-'))).toHaveLength(2);
      t2.cleanup();
    } finally {
      t.cleanup();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('indexing progress', () => {
  it('reports each document while building, then the end', () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'One.'), 'b.md': doc('B', 'Two.') });
    const calls: [number, number, string][] = [];
    try {
      Engine.open({ knowledgeDir: t.dir, cacheDir: null, progress: (done, total, label) => calls.push([done, total, label]) });
    } finally {
      t.cleanup();
    }
    expect(calls).toEqual([
      [0, 2, 'a.md'],
      [1, 2, 'b.md'],
      [2, 2, 'indexing'],
    ]);
  });
});
