import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../adapters/slack/in-flight.js';

describe('InFlight', () => {
  it('drains finished work, and reports work still running after the timeout', async () => {
    const inFlight = new InFlight();
    void inFlight.track(new Promise((resolve) => setTimeout(resolve, 10)));
    expect(inFlight.size).toBe(1);
    expect(await inFlight.drain(1000)).toBe(true);
    expect(inFlight.size).toBe(0);
    void inFlight.track(new Promise(() => undefined));
    expect(await inFlight.drain(20)).toBe(false);
  });
});
