import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A fresh process, so that this test's own V8 flags are untouched. The child makes objects at four
// allocation sites and keeps them all (each site's survival rate is 1, which is what makes V8
// pretenure a site), asking V8 after each batch whether a new object from the site is still
// allocated young. setFlagsFromString ignores flags V8 does not know, so this also guards against
// a Node upgrade that renames the flag.
const CHILD = `
  import { useServingHeap } from './src/answer/serving-heap.ts';
  if (process.argv.includes('--serving')) useServingHeap();
  const sites = [() => ({ a: 1 }), () => ({ b: 2 }), () => ({ c: 3 }), () => ({ d: 4 })];
  const keep = [];
  const pretenured = sites.map((make) => {
    for (let batch = 0; batch < 6; batch++) {
      for (let i = 0; i < 5e5; i++) keep.push(make());
      if (!%InYoungGeneration(make())) return true;
    }
    return false;
  });
  console.log(JSON.stringify({ young: !pretenured.includes(true), kept: keep.length }));
`;

/** Are new objects of every site still allocated young after their sites' objects all survived? */
function freshObjectIsYoung(serving: boolean): boolean {
  const args = ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', CHILD, ...(serving ? ['--', '--serving'] : [])];
  const result = spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { young: boolean }).young;
}

describe('useServingHeap', () => {
  it('stops V8 from allocating a long-lived site’s objects straight into the old generation', () => {
    expect(freshObjectIsYoung(false)).toBe(false);
    expect(freshObjectIsYoung(true)).toBe(true);
  });
});
