/** The part of a stream progress needs (process.stderr, or a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** Progress of a run over several inputs; every method is a no-op when disabled. */
export interface Progress {
  /** Input `index` (0-based) has started. */
  step(index: number, label: string): void;
  /** Removes the bar so a result line can be printed cleanly; the next `step` redraws it. */
  clear(): void;
  /** The run is over. */
  done(): void;
}

const WIDTH = 20;

/**
 * A progress display on stderr — never stdout, which carries the results. On a terminal it is
 * one bar redrawn in place (`[██████░░░░] 3/10 https://…`); with `force` on a pipe or log file,
 * where carriage returns would pile up, it is one plain line per input. Off otherwise, so
 * scripts and CI logs stay quiet unless asked (`--progress`).
 *
 * @example
 * const progress = createProgress(process.stderr, urls.length, { force: false });
 * urls.forEach((url, i) => { progress.step(i, url); ... ; progress.clear(); });
 * progress.done();
 */
export function createProgress(stream: ProgressStream, total: number, options: { force: boolean; name?: string }): Progress {
  const name = options.name ?? 'ingest';
  const tty = stream.isTTY === true;
  if (!tty && !options.force) return { step: () => {}, clear: () => {}, done: () => {} };
  if (!tty) {
    return {
      step: (index, label) => void stream.write(`${name} ${index + 1}/${total}: ${label}\n`),
      clear: () => {},
      done: () => void stream.write(`${name}: ${total}/${total} done\n`),
    };
  }
  let shown = false;
  return {
    step(index, label) {
      const filled = Math.round((WIDTH * index) / Math.max(total, 1));
      const head = `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${index + 1}/${total} `;
      const room = Math.max((stream.columns ?? 80) - head.length - 1, 10);
      // A line longer than the terminal wraps, and "\r" would then redraw only its last row.
      const text = label.length > room ? `${label.slice(0, room - 1)}…` : label;
      stream.write(`\r\x1b[K${head}${text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
    done() {
      this.clear();
    },
  };
}
