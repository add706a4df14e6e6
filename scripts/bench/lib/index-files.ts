/** The built index's files, for the index bench and `npm run index:report`. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
/** The built index. */
export const INDEX_DIR = join(root, 'public/index');

/** Bytes of every file under `dir`. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return total;
}

/** Builds public/index when it is missing (a fresh clone). */
export function ensureIndex(): void {
  if (!existsSync(join(INDEX_DIR, 'manifest.json')))
    execFileSync('npm', ['run', '-s', 'index:build'], { cwd: root, stdio: 'inherit' });
}
