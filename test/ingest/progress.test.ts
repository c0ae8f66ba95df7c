import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/ingest/progress.js';

function stream(isTTY: boolean, columns = 60): { isTTY: boolean; columns: number; out: string; write(chunk: string): boolean } {
  return {
    isTTY,
    columns,
    out: '',
    write(chunk) {
      this.out += chunk;
      return true;
    },
  };
}

describe('createProgress', () => {
  it('stays silent on a pipe unless forced', () => {
    const s = stream(false);
    const progress = createProgress(s, 3, { force: false });
    progress.step(0, 'https://a');
    progress.clear();
    progress.done();
    expect(s.out).toBe('');
  });

  it('forced on a pipe: one plain line per input, no carriage returns', () => {
    const s = stream(false);
    const progress = createProgress(s, 2, { force: true });
    progress.step(0, 'https://a');
    progress.step(1, 'b.txt');
    progress.done();
    expect(s.out).toBe('ingest 1/2: https://a\ningest 2/2: b.txt\ningest: 2/2 done\n');
  });

  it('on a terminal: one bar redrawn in place, cut to the width, cleared before results', () => {
    const s = stream(true, 50);
    const progress = createProgress(s, 4, { force: false });
    progress.step(2, `https://news.example/${'x'.repeat(100)}`);
    const line = s.out.slice('\r\x1b[K'.length);
    expect(line.startsWith('[██████████░░░░░░░░░░] 3/4 https://news.example/')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect([...line].length).toBeLessThan(50);
    progress.clear();
    expect(s.out.endsWith('\r\x1b[K')).toBe(true);
    const before = s.out;
    progress.done();
    expect(s.out).toBe(before);
  });
});
