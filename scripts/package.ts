// `npm run package [-- --no-build]`: the release a person or a store can install, in release/:
//   un-citation-lens-<version>-chrome.zip    dist/chrome zipped (Chrome Web Store, or unzip + Load unpacked)
//   un-citation-lens-<version>-firefox.zip   dist/firefox zipped by `web-ext build` (addons.mozilla.org)
//   un-citation-lens-<version>-source.zip    the committed source (`git archive HEAD`), which Firefox's review
//                                            asks for; BUILDING.md at its root says how to rebuild the add-on
// Each package is checked before the command succeeds: manifest.json at the zip's root, its version equal to
// package.json's, and `web-ext lint` of the Firefox package with 0 errors. Any failed check exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readZipEntry, zipEntryNames } from './lib/zip.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'release');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const noBuild = process.argv.includes('--no-build');
const failures: string[] = [];

/** Runs a command in the repository; returns its stdout, or exits the whole command when it fails. */
function run(cmd: string, args: string[], { capture = false } = {}): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (r.status !== 0) {
    console.error(`package: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return capture ? r.stdout.toString('utf8') : '';
}

function check(ok: boolean, message: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}

if (!noBuild) run('npm', ['run', '-s', 'build']);
for (const target of ['chrome', 'firefox'] as const) {
  if (!existsSync(join(ROOT, 'dist', target, 'manifest.json'))) {
    console.error(`package: dist/${target} has no manifest.json; run without --no-build`);
    process.exit(1);
  }
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const files: Record<'chrome' | 'firefox' | 'source', string> = {
  chrome: `un-citation-lens-${version}-chrome.zip`,
  firefox: `un-citation-lens-${version}-firefox.zip`,
  source: `un-citation-lens-${version}-source.zip`,
};
for (const target of ['chrome', 'firefox'] as const) {
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    OUT,
    '--filename',
    files[target],
    '--overwrite-dest',
  ]);
}
const dirty = run('git', ['status', '--porcelain'], { capture: true }).trim();
if (dirty)
  console.warn('package: the working tree has uncommitted changes; the source archive holds HEAD only');
run('git', [
  'archive',
  '--format=zip',
  `--prefix=un-citation-lens-${version}/`,
  '-o',
  join(OUT, files.source),
  'HEAD',
]);

for (const target of ['chrome', 'firefox'] as const) {
  const zip = readFileSync(join(OUT, files[target]));
  const names = zipEntryNames(zip);
  check(names.includes('manifest.json'), `${files[target]}: manifest.json at the root`);
  const manifest = JSON.parse(readZipEntry(zip, 'manifest.json').toString('utf8'));
  check(
    manifest.version === version,
    `${files[target]}: version ${manifest.version} = package.json ${version}`,
  );
  check(
    names.some((n) => n.startsWith('index/')),
    `${files[target]}: the citation index is bundled (index/)`,
  );
}
const firefox = JSON.parse(
  readZipEntry(readFileSync(join(OUT, files.firefox)), 'manifest.json').toString('utf8'),
);
check(Boolean(firefox.browser_specific_settings?.gecko?.id), `${files.firefox}: has a gecko id`);
const sourceNames = zipEntryNames(readFileSync(join(OUT, files.source)));
const prefix = `un-citation-lens-${version}/`;
for (const f of ['BUILDING.md', 'package.json', 'package-lock.json', 'data/', 'src/']) {
  check(sourceNames.includes(prefix + f), `${files.source}: holds ${f}`);
}
check(!sourceNames.some((n) => n.startsWith(`${prefix}dist/`)), `${files.source}: holds no build output`);

// web-ext lint reads a directory: lint the Firefox package's own files, unpacked.
const unpacked = join(OUT, '.lint-firefox');
run('unzip', ['-q', '-o', join(OUT, files.firefox), '-d', unpacked]);
const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', unpacked, '--output', 'json'], {
  cwd: ROOT,
});
rmSync(unpacked, { recursive: true, force: true });
interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
let report:
  | { count?: number; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] }
  | undefined;
try {
  report = JSON.parse(lint.stdout.toString('utf8'));
} catch {
  report = undefined;
}
check(report !== undefined, `${files.firefox}: web-ext lint ran`);
if (report) {
  check(report.count !== undefined && report.errors.length === 0, `${files.firefox}: web-ext lint, 0 errors`);
  for (const e of report.errors) console.log(`     error ${e.code}: ${e.message} (${e.file ?? ''})`);
  console.log(
    `     ${report.warnings.length} warnings (see README, "Release"), ${report.notices.length} notices`,
  );
}

if (failures.length) {
  console.error(`package: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log(`\nrelease/ (version ${version}):\n  ${Object.values(files).join('\n  ')}`);
