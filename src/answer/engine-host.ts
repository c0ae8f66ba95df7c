import { existsSync, watch, type FSWatcher } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DealdeskError } from '../errors.js';
import { defaultCacheDir } from '../search/snapshot.js';
import { Engine, type EngineOptions } from './engine.js';

/**
 * Starts the rebuild worker next to this module: compiled JavaScript, or — running from source
 * (tests, development) — TypeScript through tsx's loader, registered inside the worker.
 */
function startWorker(workerData: unknown): Worker | undefined {
  const js = new URL('./rebuild-worker.js', import.meta.url);
  if (existsSync(js)) return new Worker(js, { workerData });
  const ts = new URL('./rebuild-worker.ts', import.meta.url);
  if (!existsSync(ts)) return undefined;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** The engine calls platforms make; both Engine and EngineHost provide them. */
export type AnswerEngine = Pick<Engine, 'ask' | 'citation' | 'similar' | 'context' | 'documents' | 'suggestions' | 'size' | 'sentence' | 'contentHash'>;

export type ReloadResult =
  | { ok: true; documents: number; sentences: number; changed: boolean; ms: number }
  | { ok: false; problems: readonly string[]; message: string };

export interface EngineHostOptions extends EngineOptions {
  /** Rebuild when files in the knowledge folder change (debounced). */
  watch?: boolean;
  /** Quiet period after the last file event before rebuilding. */
  debounceMs?: number;
  /** Called after every reload attempt (for logs and admin replies). */
  onReload?: (result: ReloadResult, trigger: string) => void;
}

/**
 * Serves questions from the current engine and swaps in a new one when the knowledge changes
 * (file watching, SIGHUP, an admin command). The new index is built first and swapped in one
 * assignment; a bad file leaves the old index serving and is reported. Questions are answered
 * synchronously, so none is ever half on the old index and half on the new.
 *
 * @example
 * const host = EngineHost.open({ knowledgeDir: 'knowledge', watch: true, onReload: (r) => log.info(r) });
 * host.ask('nato bid'); await host.reload('admin');
 */
export class EngineHost implements AnswerEngine {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<ReloadResult> | undefined;
  private again = false;

  private constructor(
    private current: Engine,
    private readonly options: EngineHostOptions,
  ) {}

  /** Opens the knowledge folder (throws on bad files, as Engine.open) and starts watching if asked. */
  static open(options: EngineHostOptions): EngineHost {
    const host = new EngineHost(Engine.open(options), options);
    host.current.warm();
    if (options.watch) host.startWatching();
    return host;
  }

  /** The engine answering right now. */
  get engine(): Engine {
    return this.current;
  }

  ask: Engine['ask'] = (question, options) => this.current.ask(question, options);
  citation: Engine['citation'] = (key) => this.current.citation(key);
  similar: Engine['similar'] = (key, limit) => this.current.similar(key, limit);
  context: Engine['context'] = (key) => this.current.context(key);
  sentence: Engine['sentence'] = (key) => this.current.sentence(key);
  get documents(): Engine['documents'] {
    return this.current.documents;
  }
  get suggestions(): Engine['suggestions'] {
    return this.current.suggestions;
  }
  get size(): number {
    return this.current.size;
  }
  /** Changes whenever a reload swaps in different knowledge (keys caches of answers). */
  get contentHash(): string {
    return this.current.contentHash;
  }

  /**
   * Rebuilds from the folder and swaps the index in. Concurrent calls share one rebuild (and one
   * more runs afterwards if files changed meanwhile). Never throws for bad knowledge: the result
   * says what is wrong and the old index keeps serving.
   */
  reload(trigger = 'manual'): Promise<ReloadResult> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = this.rebuildOffThread().then((result) => {
      this.pending = undefined;
      this.options.onReload?.(result, trigger);
      if (this.again) {
        this.again = false;
        void this.reload(trigger);
      }
      return result;
    });
    return this.pending;
  }

  /** Stops watching. */
  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Builds in a worker thread (which writes the snapshot), then loads the snapshot here, so
   * questions keep being answered during the slow part. Without a snapshot folder, or where no
   * worker can run, builds here after the current event-loop turn.
   */
  private async rebuildOffThread(): Promise<ReloadResult> {
    const cacheDir = this.options.cacheDir === undefined ? defaultCacheDir() : this.options.cacheDir;
    const worker = cacheDir === null ? undefined : startWorker({ knowledgeDir: this.options.knowledgeDir, cacheDir });
    if (worker) {
      const started = performance.now();
      const built = await new Promise<ReloadResult | { ok: true }>((resolve) => {
        worker.once('message', (message: ReloadResult | { ok: true }) => resolve(message));
        worker.once('error', (error) => resolve({ ok: false, problems: [], message: `rebuild worker failed: ${error.message}` }));
        worker.once('exit', (code) => resolve({ ok: false, problems: [], message: `rebuild worker exited with code ${code}` }));
      });
      if (!built.ok) return built;
      const result = this.rebuild();
      return result.ok ? { ...result, ms: Math.round(performance.now() - started) } : result;
    }
    await new Promise((resolve) => setImmediate(resolve));
    return this.rebuild();
  }

  private rebuild(): ReloadResult {
    const started = performance.now();
    try {
      const next = Engine.open(this.options);
      const changed = next.contentHash !== this.current.contentHash;
      this.current = next;
      return { ok: true, documents: next.documents.length, sentences: next.size, changed, ms: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof DealdeskError) return { ok: false, problems: error.problems, message: error.message };
      return { ok: false, problems: [], message: `unexpected error while rebuilding: ${(error as Error).message}` };
    }
  }

  private startWatching(): void {
    try {
      this.watcher = watch(this.options.knowledgeDir, { persistent: false }, (_event, file) => {
        // Editors write temp and swap files; only documents and the entity list matter.
        if (file && !/\.(md|ya?ml)$/i.test(file)) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.reload('file change'), this.options.debounceMs ?? 500);
      });
    } catch (error) {
      this.options.log?.(`dealdesk: cannot watch ${this.options.knowledgeDir} (${(error as Error).message}); use SIGHUP or the admin command to reload.`);
    }
  }
}
