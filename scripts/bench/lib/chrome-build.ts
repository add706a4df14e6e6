/** The Chrome build the browser benches load, rebuilt when it is missing or older than what it is built from. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import buildForE2e from '../../../test/e2e/build.global.ts';
import { DIST_CHROME, ROOT } from '../../../test/e2e/harness.ts';

/** The newest modification time of the files under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/**
 * Builds dist/chrome as the e2e suite does when it is missing or older than the sources, the manifest, the built
 * index or the locales it is made of: a bench of a stale build would measure code that no longer exists.
 */
export async function ensureChromeBuild(): Promise<void> {
  const built = join(DIST_CHROME, 'manifest.json');
  const inputs = ['src', 'public', 'manifest.json', 'vite.config.ts'].map((p) => newest(join(ROOT, p)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs)) return;
  // The e2e suite's build: the index when it is missing, then the Chrome target.
  await buildForE2e();
}
