#!/usr/bin/env node
// `npm test`: every check and test the project has, in order, with a summary and a final line CI tools recognize
// ("N passed, N failed", counting tests). Steps keep running after a failure so one run shows everything that is
// wrong; steps that need the build are marked failed when the build failed.
//
//   typecheck → lint → build (index, Chrome, Firefox) → unit tests → e2e in real Chromium →
//   web-ext lint of the Firefox build → headless Firefox smoke test → release packages
//
// Two sorts of step. Checks (typecheck, lint, build, web-ext lint, package) pass or fail as a whole; tests (unit, e2e,
// firefox) report how many tests passed and failed: vitest's counts, and the smoke test's own checks. The final
// line counts tests; a failed check is named on it too, and any failure makes the exit code 1.
//
// Browsers: the e2e suite fails without Chromium (it says how to install it). Without Firefox the smoke test
// fails when CI is set (CI must test Firefox) and is skipped with a warning otherwise.
//
// Flags: --no-build (reuse dist/; the build is then not run and not counted), --only=<step,...> (e.g.
// --only=unit,e2e; a name that is no step is an error).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findFirefox } from './find-browser.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const REPORTS = join(ROOT, 'test-results');
const SMOKE_REPORT = join(REPORTS, 'firefox-smoke.json');
const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
  .filter(Boolean);
const noBuild = args.includes('--no-build');
const inCi = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

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

/** Counts from a test runner's own report; a run that failed without a failed test still counts one. */
function withExit(code, counts, what) {
  if (!counts)
    return { code: code || 1, passed: 0, failed: 1, skipped: 0, note: `no report (${what} crashed?)` };
  if (code !== 0 && counts.failed === 0) return { code, ...counts, failed: 1, note: `exit code ${code}` };
  return { code, ...counts };
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
    return withExit(code, vitestCounts(out), 'vitest');
  };
}

async function firefoxSmoke() {
  const firefox = findFirefox();
  if (!firefox) {
    const hint = 'Firefox not found: sudo apt-get install firefox-esr (or set FIREFOX_PATH)';
    if (inCi) return { code: 1, passed: 0, failed: 1, skipped: 0, note: `${hint}; required when CI is set` };
    console.warn(
      `\n!!! ${hint}.\n!!! The Firefox smoke test is SKIPPED: this run does not test the Firefox build.\n`,
    );
    return { code: 0, passed: 0, failed: 0, skipped: 1, note: `SKIPPED: ${hint}` };
  }
  rmSync(SMOKE_REPORT, { force: true });
  const code = await run('npx', ['tsx', 'test/firefox/smoke.ts'], { FIREFOX_PATH: firefox });
  const report = existsSync(SMOKE_REPORT) ? JSON.parse(readFileSync(SMOKE_REPORT, 'utf8')) : undefined;
  return withExit(
    code,
    report && { passed: report.passed, failed: report.failed, skipped: 0 },
    'the smoke test',
  );
}

/** A check: passes or fails as a whole. */
const check = (fn) => async () => ({ code: await fn() });

const steps = [
  { name: 'typecheck', kind: 'check', fn: check(() => run('npm', ['run', '-s', 'typecheck'])) },
  { name: 'lint', kind: 'check', fn: check(() => run('npx', ['biome', 'check', '.'])) },
  {
    name: 'build',
    kind: 'check',
    gate: true,
    fn: noBuild
      ? async () => ({ code: 0, notRun: '--no-build: dist/ reused as it is' })
      : check(() => run('npm', ['run', '-s', 'build'])),
  },
  { name: 'unit', kind: 'tests', fn: vitest('unit') },
  { name: 'e2e', kind: 'tests', fn: vitest('e2e', { E2E_SKIP_BUILD: '1' }), needsBuild: true },
  {
    name: 'web-ext lint',
    kind: 'check',
    fn: check(() => run('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'text'])),
    needsBuild: true,
  },
  { name: 'firefox smoke', kind: 'tests', fn: firefoxSmoke, needsBuild: true },
  // The release a person installs: both zips and the source archive, each checked (scripts/package.ts).
  {
    name: 'package',
    kind: 'check',
    fn: check(() => run('npx', ['tsx', 'scripts/package.ts', '--no-build'])),
    needsBuild: true,
  },
];

// --only takes a step's first word (`web-ext`, `firefox`) or its full name.
const selects = (step, name) => name === step.name || name === step.name.split(' ')[0];
if (only) {
  const unknown = only.filter((name) => !steps.some((s) => selects(s, name)));
  if (only.length === 0 || unknown.length > 0) {
    console.error(
      `npm test: --only=${only.join(',')} ${unknown.length ? `names no step (${unknown.join(', ')})` : 'selects no step'}.` +
        `\nSteps: ${steps.map((s) => s.name.split(' ')[0]).join(', ')}`,
    );
    process.exit(2);
  }
}

mkdirSync(REPORTS, { recursive: true });
const results = [];
let buildOk = true;
for (const step of steps) {
  if (only && !only.some((name) => selects(step, name))) continue;
  console.log(`\n━━━ ${step.name} ━━━`);
  const t0 = Date.now();
  const r =
    step.needsBuild && !buildOk
      ? {
          code: 1,
          ...(step.kind === 'tests' ? { passed: 0, failed: 1, skipped: 0 } : {}),
          note: 'not run: the build failed',
        }
      : await step.fn();
  if (r.notRun) console.log(`not run (${r.notRun})`);
  if (step.gate && r.code !== 0) buildOk = false;
  results.push({ ...step, ...r, ms: Date.now() - t0 });
}

console.log('\n━━━ summary ━━━');
const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
const line = (status, r, text) =>
  console.log(
    `${status.padEnd(4)} ${r.name.padEnd(14)} ${seconds(r.ms)}  ${text}${r.note ? `  (${r.note})` : ''}`,
  );
const checks = results.filter((r) => r.kind === 'check');
const tests = results.filter((r) => r.kind === 'tests');
for (const r of checks) {
  if (r.notRun) line('--', r, `not run (${r.notRun})`);
  else line(r.code === 0 ? 'ok' : 'FAIL', r, r.code === 0 ? 'check passed' : 'check failed');
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of tests) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  const status = r.failed ? 'FAIL' : r.skipped && !r.passed ? 'SKIP' : 'ok';
  line(status, r, `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}
const failedChecks = checks.filter((r) => !r.notRun && r.code !== 0).map((r) => r.name);
const ranChecks = checks.filter((r) => !r.notRun).length;
for (const r of tests.filter((t) => t.skipped && !t.passed && !t.failed))
  console.warn(`!!! ${r.name}: ${r.note ?? 'skipped'}`);
if (ranChecks)
  console.log(`checks: ${ranChecks - failedChecks.length} passed, ${failedChecks.length} failed`);
console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` +
    (failedChecks.length ? `; failed checks: ${failedChecks.join(', ')}` : ''),
);
process.exit(failed > 0 || failedChecks.length > 0 ? 1 : 0);
