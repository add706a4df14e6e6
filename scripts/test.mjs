#!/usr/bin/env node
// `npm test`: every check the project has, in order, with a summary and a final line CI tools recognize
// ("N passed, N failed"). Steps keep running after a failure so one run shows everything that is wrong;
// steps that need the build are marked failed when the build failed.
//
//   typecheck → lint → build (index, Chrome, Firefox) → unit tests → e2e in real Chromium →
//   web-ext lint of the Firefox build → headless Firefox smoke test (when Firefox is installed)
//
// Flags: --no-build (reuse dist/), --only=<step,...> (e.g. --only=unit,e2e).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findFirefox } from './find-browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const REPORTS = join(ROOT, 'test-results');
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const noBuild = args.includes('--no-build');

/** Runs a command with inherited output; resolves to its exit code. */
function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(e);
      resolve(1);
    });
  });
}

/** Test counts from a vitest JSON report (each test is one pass or fail); undefined when no report. */
function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load has no test results but counts as a failed suite.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function vitest(project, env = {}) {
  return async () => {
    const out = join(REPORTS, `vitest-${project}.json`);
    rmSync(out, { force: true });
    const code = await run(
      'npx',
      [
        'vitest',
        'run',
        '--project',
        project,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${out}`,
      ],
      env,
    );
    const counts = vitestCounts(out);
    if (!counts)
      return { code: code || 1, passed: 0, failed: 1, skipped: 0, note: 'no report (vitest crashed?)' };
    // A non-zero exit without failed tests (e.g. no test files, an unhandled error) is still a failure.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return { code, ...counts };
  };
}

const steps = [
  { name: 'typecheck', fn: () => run('npm', ['run', '-s', 'typecheck']) },
  { name: 'lint', fn: () => run('npx', ['biome', 'check', '.']) },
  { name: 'build', fn: () => (noBuild ? 0 : run('npm', ['run', '-s', 'build'])), gate: true },
  { name: 'unit', fn: vitest('unit') },
  { name: 'e2e', fn: vitest('e2e', { E2E_SKIP_BUILD: '1' }), needsBuild: true },
  {
    name: 'web-ext lint',
    fn: () => run('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'text']),
    needsBuild: true,
  },
  {
    name: 'firefox smoke',
    fn: () => {
      const firefox = findFirefox();
      if (!firefox)
        return { code: 0, skipped: 1, note: 'Firefox not installed (apt-get install firefox-esr)' };
      return run('npx', ['tsx', 'test/firefox/smoke.ts'], { FIREFOX_PATH: firefox });
    },
    needsBuild: true,
  },
];

mkdirSync(REPORTS, { recursive: true });
const results = [];
let buildOk = true;
for (const step of steps) {
  if (only && !only.includes(step.name.split(' ')[0])) continue;
  console.log(`\n━━━ ${step.name} ━━━`);
  const t0 = Date.now();
  let r;
  if (step.needsBuild && !buildOk) r = { code: 1, note: 'not run: the build failed' };
  else {
    const out = await step.fn();
    r = typeof out === 'number' ? { code: out } : out;
  }
  if (r.passed === undefined && r.failed === undefined) {
    if (r.skipped) Object.assign(r, { passed: 0, failed: 0 });
    else Object.assign(r, { passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, skipped: 0 });
  }
  r.ms = Date.now() - t0;
  if (step.gate && r.code !== 0) buildOk = false;
  results.push({ name: step.name, ...r });
}

console.log('\n━━━ summary ━━━');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  passed += r.passed ?? 0;
  failed += r.failed ?? 0;
  skipped += r.skipped ?? 0;
  const status = r.failed ? 'FAIL' : r.skipped && !r.passed ? 'SKIP' : 'ok';
  const counts = `${r.passed ?? 0} passed, ${r.failed ?? 0} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(
    `${status.padEnd(4)} ${r.name.padEnd(14)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${counts}${r.note ? `  (${r.note})` : ''}`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
