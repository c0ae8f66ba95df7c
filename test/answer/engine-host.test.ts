import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost, type ReloadResult } from '../../src/answer/engine-host.js';
import { doc, tempKnowledge } from '../helpers.js';

let cleanup = (): void => {};
afterEach(() => cleanup());

const status = (host: EngineHost, q: string): string => host.ask(q).status;

describe('EngineHost', () => {
  it('picks up added, changed and removed documents on reload', async () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'The ceasefire starts on Monday.') });
    const host = EngineHost.open({ knowledgeDir: t.dir });
    cleanup = () => (host.close(), t.cleanup());
    expect(status(host, 'Geneva envoy')).toBe('no_answer');

    writeFileSync(join(t.dir, 'b.md'), doc('B', 'The envoy flew to Geneva.'));
    expect(await host.reload('test')).toMatchObject({ ok: true, documents: 2, changed: true });
    expect(status(host, 'Geneva envoy')).toBe('answered');

    rmSync(join(t.dir, 'b.md'));
    expect(await host.reload('test')).toMatchObject({ ok: true, documents: 1 });
    expect(status(host, 'Geneva envoy')).toBe('no_answer');
  });

  it('keeps serving the old index when a file is bad, and reports the problem', async () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'The ceasefire starts on Monday.') });
    const host = EngineHost.open({ knowledgeDir: t.dir });
    cleanup = () => (host.close(), t.cleanup());
    writeFileSync(join(t.dir, 'bad.md'), '---\npublisher: X\n---\nNo title here.');
    const result = await host.reload('test');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(['bad.md: field "title" is missing or empty. Add a line "title: <the document\'s headline>".']);
    expect(status(host, 'When does the ceasefire start?')).toBe('answered');
  });

  it('answers questions in flight from one index, and watches the folder', async () => {
    const t = tempKnowledge({ 'a.md': doc('A', 'The ceasefire starts on Monday.') });
    const reloads: ReloadResult[] = [];
    const host = EngineHost.open({ knowledgeDir: t.dir, watch: true, debounceMs: 50, onReload: (r) => reloads.push(r) });
    cleanup = () => (host.close(), t.cleanup());
    const pending = host.reload('first');
    // A question asked while a rebuild is pending is answered by the current index.
    expect(status(host, 'ceasefire Monday')).toBe('answered');
    await pending;
    writeFileSync(join(t.dir, 'c.md'), doc('C', 'Sanctions relief is gradual.'));
    await expect.poll(() => status(host, 'gradual sanctions relief'), { timeout: 10_000, interval: 100 }).toBe('answered');
    expect(reloads.length).toBeGreaterThanOrEqual(2);
  });
});

describe('EngineHost rebuilds off the request path', () => {
  it('keeps the event loop free while the new index is built in a worker', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i}.md`] = doc(`Doc ${i}`, `Report ${i} says the envoy met officials in city ${i}. The talks covered sanctions, prisoners and grain.`);
    const t = tempKnowledge(files);
    const cacheDir = join(t.dir, '.cache');
    const host = EngineHost.open({ knowledgeDir: t.dir, cacheDir });
    cleanup = () => (host.close(), t.cleanup());
    writeFileSync(join(t.dir, 'new.md'), doc('New', 'A brand new report about Geneva.'));
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      // Questions are answered (from the old index) while the rebuild runs.
      host.ask('sanctions grain');
    }, 5);
    const result = await host.reload('test');
    clearInterval(timer);
    expect(result).toMatchObject({ ok: true, documents: 41, changed: true });
    expect(ticks).toBeGreaterThan(3);
    expect(host.ask('Geneva report').status).toBe('answered');
  });
});
