/**
 * vitest globalSetup of the e2e project: builds the Chrome extension once before any e2e file runs.
 * `E2E_SKIP_BUILD=1` reuses an existing dist/chrome (scripts/test.mjs builds once for every step).
 * The shipped index (public/index/, generated) is built first when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { DIST_CHROME, findChromium, ROOT } from './harness';

export default async function setup(): Promise<void> {
  // Fail early and loudly when there is no browser: the e2e suite never skips silently.
  findChromium();
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(DIST_CHROME, 'manifest.json'))) return;
  if (
    !existsSync(join(ROOT, 'public', 'index', 'manifest.json')) &&
    existsSync(join(ROOT, 'scripts', 'index-build.ts'))
  ) {
    execFileSync('npm', ['run', '-s', 'index:build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const saved = process.env.TARGET;
  delete process.env.TARGET; // the Chrome build
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  } finally {
    if (saved !== undefined) process.env.TARGET = saved;
  }
}
