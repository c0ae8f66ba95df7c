import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/answer/engine.js';
import { BOT_USER, buttonInteraction, CHANNEL_ID, commandInteraction, GUILD_ID, messagePayload, person } from './discord-fixtures.js';
import { replyOf, startHarness, type Harness } from './harness.js';
import { readBlockQuote } from './read-rendered.js';

// Several sources, on the synthetic articles of test/fixtures/multi-source: Alpha Wire (08-18)
// and Beta Times (08-19) report a ceasefire in their own words, Gamma News (08-20) reports the
// Kremlin denying it. /ask and "More sources" through the real bot and the fake Discord.

const FIXTURE = 'test/fixtures/multi-source';
const ALPHA = 'Russia has agreed to a ceasefire along the front line, two officials said on Monday.';
const BETA = 'Russia has agreed to a ceasefire along the entire front line, according to the Beta Times.';
const GAMMA = 'The Kremlin denied that Russia has agreed to a ceasefire along the front line.';
let engine: Engine;
let cacheDir: string;
let h: Harness;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'dealdesk-multi-'));
  engine = Engine.open({ knowledgeDir: FIXTURE, cacheDir });
  h = await startHarness({ engine, env: { DISCORD_RATE_LIMIT: 'off' } });
});
afterAll(async () => {
  await h?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

async function ask(question: string) {
  const interaction = commandInteraction('ask', { question }, person());
  h.fake.interact(interaction);
  return (await replyOf(h.fake, interaction)).message;
}

describe('an answer with several sources and a denial', () => {
  it('names every source with its date, and shows the denial beside the claim, verbatim with its claim label', async () => {
    const question = 'Has Russia agreed to a ceasefire along the entire front line?';
    // Why: Beta's sentence matches the question best ("entire"); Alpha says the same in other
    // words, so it joins the sources; Gamma's denial of the same claim is its counter-claim.
    const best = engine.ask(question).citations[0];
    expect(best?.sources.map((s) => s.document.publisher)).toEqual(['Beta Times', 'Alpha Wire']);
    expect(best?.counterClaims.map((c) => c.document.publisher)).toEqual(['Gamma News']);

    const embed = (await ask(question)).embeds?.[0];
    const lines = embed?.description?.split('\n') ?? [];
    expect(readBlockQuote(embed?.description ?? '').text).toBe(best?.quote);
    expect(lines.at(-2)).toBe('*Moscow accepts ceasefire, paper reports* · Beta Times · 2025\\-08\\-19 · paragraph 1');
    expect(lines.at(-1)).toBe('Reported by 2 sources: Beta Times (2025-08-19), Alpha Wire (2025-08-18)');
    expect(embed?.description).not.toContain('Single source');
    expect(embed?.fields).toEqual([
      {
        name: '⚠️ Disputed — Gamma News (2025-08-20)',
        value: `> “${GAMMA}”\n— **On record\\: The Kremlin**\n*Kremlin denies truce report* · paragraph 1`,
      },
    ]);
  });

  it('labels a claim only one document makes as single-source, and still shows both documents that deny it', async () => {
    const message = await ask('Did the Kremlin deny the ceasefire?');
    const embed = message.embeds?.[0];
    expect(embed?.description?.split('\n').at(-1)).toBe('_Single source: only one document supports this._');
    expect(embed?.fields?.map((f) => f.name)).toEqual(['⚠️ Disputed — Beta Times (2025-08-19)', '⚠️ Disputed — Alpha Wire (2025-08-18)']);
    expect(readBlockQuote(embed?.fields?.[1]?.value ?? '').text).toBe(`“${ALPHA}”`);
    // Every counter-claim is a verbatim sentence of its document.
    expect(readFileSync(join(FIXTURE, 'alpha.md'), 'utf8')).toContain(ALPHA);
  });

  it('"More sources" shows the other documents’ own wordings', async () => {
    const key = engine.ask('Did the Kremlin deny the ceasefire?').citations[0]?.key ?? '';
    const answer = messagePayload({ channelId: CHANNEL_ID, guildId: GUILD_ID, author: BOT_USER, embeds: [{ description: '**Q:** …', footer: { text: 'Topic: Did the Kremlin deny the ceasefire?' } }] });
    const click = buttonInteraction(`dd:more:${key}`, answer, person());
    h.fake.interact(click);
    const fields = (await replyOf(h.fake, click)).message.embeds?.[0]?.fields ?? [];
    // Alpha's and Beta's reports are the passages most like Gamma's: whichever leads, the other
    // follows as "Also reported", in its own words, verbatim.
    const wording = fields.find((f) => f.name.startsWith('Also reported — '));
    const alpha = wording?.name === 'Also reported — Alpha Wire (2025-08-18)';
    expect(alpha || wording?.name === 'Also reported — Beta Times (2025-08-19)').toBe(true);
    expect(readBlockQuote(wording?.value ?? '').text).toBe(alpha ? ALPHA : BETA);
    expect(wording?.value.split('\n').at(-1)).toBe(alpha ? '*Ceasefire agreed along the front, officials say* · paragraph 1' : '*Moscow accepts ceasefire, paper reports* · paragraph 1');
  });
});
