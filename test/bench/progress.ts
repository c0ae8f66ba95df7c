import { Worker } from 'node:worker_threads';

const WIDTH = 24;

/** Whether progress may redraw one line; otherwise a line per 10% (logs, CI). */
const live = (): boolean => process.stderr.isTTY === true;

export interface Progress {
  tick(done: number): void;
  done(note?: string): void;
}

/**
 * A progress bar on stderr, redrawn at most ten times a second.
 *
 * @example const bar = progressBar('indexing', 100); bar.tick(50); bar.done();
 */
export function progressBar(label: string, total: number): Progress {
  const started = performance.now();
  let drawn = 0;
  let lastTenth = -1;
  const draw = (done: number, final: boolean): void => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (live()) {
      const full = Math.round(share * WIDTH);
      process.stderr.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${done}/${total} ${seconds}s${final ? '\n' : ''}`);
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) process.stderr.write(`${label}: ${done}/${total} (${Math.round(share * 100)}%) ${seconds}s\n`);
      lastTenth = tenth;
    }
  };
  return {
    tick(done) {
      const now = performance.now();
      if (now - drawn < 100 && done < total) return;
      drawn = now;
      draw(done, false);
    },
    done(note) {
      draw(total, true);
      if (note !== undefined) process.stderr.write(`${label}: ${note}\n`);
    },
  };
}

// The main thread is blocked during a synchronous step, so a worker writes straight to fd 2.
const TICKER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const started = Date.now();
setInterval(() => {
  const s = Math.round((Date.now() - started) / 1000);
  if (workerData.live) writeSync(2, '\\r' + workerData.label + ' ... ' + s + 's');
  else if (s % 10 === 0) writeSync(2, workerData.label + ' ... ' + s + 's\\n');
}, 1000);
`;

/**
 * Runs a long synchronous step (one that gives no progress of its own, such as building the
 * index) while a worker thread shows the elapsed seconds on stderr.
 */
export function whileBlocking<T>(label: string, step: () => T): T {
  const worker = new Worker(TICKER, { eval: true, workerData: { label, live: live() } });
  worker.unref();
  const started = performance.now();
  try {
    return step();
  } finally {
    void worker.terminate();
    process.stderr.write(`${live() ? '\r' : ''}${label}: done in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
  }
}
