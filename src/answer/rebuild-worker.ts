/**
 * Worker thread of EngineHost.reload: builds the index from the knowledge folder and writes its
 * snapshot, so the serving thread only has to read the snapshot (milliseconds for most folders)
 * instead of segmenting and indexing while questions wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DealdeskError } from '../errors.js';
import { Engine } from './engine.js';

const { knowledgeDir, cacheDir } = workerData as { knowledgeDir: string; cacheDir: string };
try {
  Engine.open({ knowledgeDir, cacheDir });
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage(
    error instanceof DealdeskError
      ? { ok: false, problems: [...error.problems], message: error.message }
      : { ok: false, problems: [], message: `unexpected error while rebuilding: ${(error as Error).message}` },
  );
}
