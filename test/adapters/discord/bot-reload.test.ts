import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unescapeMarkdown } from '../../../adapters/discord/escape-markdown.js';
import { CHANNEL_ID, commandInteraction, inChannel, inDm, MANAGE_GUILD, OTHER_CHANNEL_ID, person, type Place, type User } from './discord-fixtures.js';
import { replyOf, startHarness, type Harness } from './harness.js';
import { readBlockQuote } from './read-rendered.js';

// `/dealdesk reload` through the real entry point: `startServers` opens its own EngineHost over a
// temporary knowledge folder (no file watching, so only the command reloads it), and the tests
// change the folder between commands. DISCORD_ALLOWED_CHANNELS lists the main channel only.

const DELTA = `---
title: "Harbour talks to resume in Odesa"
publisher: Delta Post
published: 2025-08-21
notes: Synthetic article written for dealdesk's tests; not a real report.
---

Negotiators will meet in Odesa on Thursday to discuss reopening the harbour to grain ships.
`;
const DELTA_QUOTE = 'Negotiators will meet in Odesa on Thursday to discuss reopening the harbour to grain ships.';
const DELTA_QUESTION = 'When will negotiators meet in Odesa about the harbour?';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealdesk-reload-'));
  for (const file of ['alpha.md', 'beta.md']) copyFileSync(join('test/fixtures/multi-source', file), join(dir, file));
  h = await startHarness({ knowledgeDir: dir, env: { DISCORD_ALLOWED_CHANNELS: CHANNEL_ID, DISCORD_RATE_LIMIT: 'off' } });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function reload(options: { permissions?: string; place?: Place; user?: User } = {}) {
  const user = options.user ?? person();
  const interaction = commandInteraction('dealdesk', {}, user, options.place ?? inChannel(), { subcommand: 'reload', ...(options.permissions !== undefined && { permissions: options.permissions }) });
  h.fake.interact(interaction);
  return { user, reply: await replyOf(h.fake, interaction) };
}

async function ask(question: string) {
  const interaction = commandInteraction('ask', { question }, person());
  h.fake.interact(interaction);
  return (await replyOf(h.fake, interaction)).message.embeds?.[0]?.description ?? '';
}

/** The log lines with message `msg`. */
function logged(msg: string): Record<string, unknown>[] {
  return h.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['msg'] === msg);
}

describe('/dealdesk reload', () => {
  it('refuses a member without Manage Server, ephemerally, and reloads nothing', async () => {
    writeFileSync(join(dir, 'delta.md'), DELTA);
    const { user, reply } = await reload();
    expect(reply).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(reply.message.content).toBe('Only members with the Manage Server permission can reload the documents.');
    expect(h.servers.engine?.documents.map((d) => d.id).sort()).toEqual(['alpha', 'beta']);
    expect(await ask(DELTA_QUESTION)).not.toMatch(/^> /m);
    expect(logged('discord reload refused: the member lacks Manage Server')).toContainEqual(expect.objectContaining({ user: user.id, command: 'dealdesk reload' }));
    expect(logged('knowledge reloaded')).toEqual([]);
  });

  it('refuses in a DM, where nobody has server permissions', async () => {
    const user = person();
    const { reply } = await reload({ user, place: inDm(user) });
    expect(reply.message.content).toBe('Only members with the Manage Server permission can reload the documents.');
  });

  it('reloads for a member with Manage Server: deferred, ephemeral, and the new document answers afterwards', async () => {
    const { user, reply } = await reload({ permissions: MANAGE_GUILD });
    expect(reply).toMatchObject({ callbackType: 5, ephemeral: true });
    expect(reply.message.content).toMatch(/^Reloaded: 3 documents, \d+ sentences \(changed\) in \d+ ms$/);
    expect(reply.message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(readBlockQuote(await ask(DELTA_QUESTION)).text).toBe(DELTA_QUOTE);
    // Logged with who asked and what came of it; the host logs the same trigger.
    expect(logged('discord reload done')).toContainEqual(expect.objectContaining({ user: user.id, ok: true, documents: 3, changed: true }));
    expect(logged('knowledge reloaded')).toContainEqual(expect.objectContaining({ trigger: `discord /dealdesk reload by user ${user.id}` }));
  });

  it('works for an Administrator, in any channel of the server (the reply is ephemeral), and says when nothing changed', async () => {
    const { reply } = await reload({ permissions: String(1 << 3), place: inChannel(OTHER_CHANNEL_ID) });
    expect(reply.message.content).toMatch(/^Reloaded: 3 documents, \d+ sentences \(unchanged\) in \d+ ms$/);
  });

  it('reports a bad file with the problem, and the previous index keeps answering', async () => {
    writeFileSync(join(dir, 'broken_file.md'), 'Just text, no front-matter.\n');
    const { user, reply } = await reload({ permissions: MANAGE_GUILD });
    expect(reply).toMatchObject({ callbackType: 5, ephemeral: true });
    const content = reply.message.content ?? '';
    const [intro, ...problems] = content.split('\n');
    expect(intro).toBe('Reload failed; the previous index keeps serving:');
    expect(problems).toHaveLength(1);
    // Escaped: "_" in a file name must not turn the rest of the line italic.
    expect(problems[0]).toContain('broken\\_file.md');
    expect(unescapeMarkdown(problems[0] ?? '')).toBe('• broken_file.md: no front-matter. Start the file with a "---" line, a "title: ..." line and a closing "---" line.');
    expect(readBlockQuote(await ask(DELTA_QUESTION)).text).toBe(DELTA_QUOTE);
    expect(h.servers.engine?.documents).toHaveLength(3);
    expect(logged('discord reload failed; the previous index keeps serving')).toContainEqual(expect.objectContaining({ user: user.id, ok: false, problems: [expect.stringContaining('broken_file.md')] }));
    rmSync(join(dir, 'broken_file.md'));
  });

  it('never logs the token', () => {
    expect(h.lines.join('\n')).not.toContain(h.fake.token);
  });
});
