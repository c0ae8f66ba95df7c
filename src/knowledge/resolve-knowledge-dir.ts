import { resolve } from 'node:path';

export const DEFAULT_KNOWLEDGE_DIR = 'knowledge';

/** `--knowledge DIR` wins, then `DEALDESK_KNOWLEDGE_DIR`, then `knowledge/` in the working directory. */
export function resolveKnowledgeDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['DEALDESK_KNOWLEDGE_DIR'];
  return resolve(flag ?? (fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : DEFAULT_KNOWLEDGE_DIR));
}
