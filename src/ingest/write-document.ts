import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, existsSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

/**
 * Writes `<dir>/<stem>.md` all at once and never over an existing file: the text goes to a
 * hidden temporary file (which the knowledge loader ignores: it does not end in `.md`), is
 * flushed to disk, then hard-linked to its name — a link fails if the name exists, so even a
 * file created a moment ago is never replaced. Readers (and a live-reload watcher) see either
 * no file or the whole file. On file systems without hard links it falls back to rename after
 * an existence check. Returns false when the name is taken (pick another and retry).
 *
 * @example if (!writeNewFile('knowledge', 'deal', text)) writeNewFile('knowledge', 'deal-2', text)
 */
export function writeNewFile(dir: string, stem: string, text: string): boolean {
  const root = resolve(dir);
  const target = resolve(root, `${stem}.md`);
  // The stem comes from a slug, which cannot hold a separator or dot; this guards the guard.
  if (relative(root, target) !== basename(target) || basename(target).includes(sep)) {
    throw new Error(`dealdesk ingest: refusing to write outside ${root}: ${stem}`);
  }
  const temp = join(root, `.${stem}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text, null, 'utf8');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    return place(temp, target);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

function place(temp: string, target: string): boolean {
  try {
    linkSync(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  if (existsSync(target)) return false;
  renameSync(temp, target);
  return true;
}
