/**
 * Runs every `scripts/bench/*.ts` module (each `export default async function (): Promise<Record<string, number>>`,
 * optionally `export const targets: Targets`, see scripts/bench/lib/figures.ts) and prints their figures with
 * units and targets. `npm run bench [-- --json] [-- --only finder,index]`: with --json the LAST line of stdout
 * is ONE JSON object merging all figures, and the human lines go to stderr.
 *
 * Units: MB = 10^6 bytes of UTF-8 and KB = 10^3 bytes in every figure (scripts/lib/timing.ts says why);
 * times are wall-clock milliseconds (`performance.now()`).
 *
 * Exit status: 1 when a bench threw (the other benches still run; the errors are listed at the end) or a guard
 * target was missed; 0 otherwise. A missed goal is reported, not fatal.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figureLine, meets, type Targets } from './bench/lib/figures.ts';

const dir = join(import.meta.dirname, 'bench');
const json = process.argv.includes('--json');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const onlyIdx = process.argv.indexOf('--only');
const only = (
  onlyArg?.includes('=') ? onlyArg.split('=')[1] : onlyIdx >= 0 ? process.argv[onlyIdx + 1] : undefined
)
  ?.split(',')
  .filter(Boolean);
const out = json ? process.stderr : process.stdout;

const merged: Record<string, number> = {};
const allTargets: Targets = {};
const errors: { name: string; message: string }[] = [];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .sort();
if (only) {
  const unknown = only.filter((n) => !files.includes(`${n}.ts`));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no such bench: ${unknown.join(', ')} (have ${files.join(', ')})\n`);
    process.exit(1);
  }
}
out.write('Units: MB = 10^6 bytes of UTF-8, KB = 10^3 bytes, ms = wall-clock milliseconds, × = ratio.\n');
for (const file of files) {
  const name = file.replace(/\.ts$/, '');
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
      default?: () => Promise<Record<string, number>>;
      targets?: Targets;
    };
    if (typeof mod.default !== 'function') throw new Error(`${file} has no default export function`);
    const figures = await mod.default();
    for (const [k, v] of Object.entries(figures))
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`figure ${k} is not a finite number: ${v}`);
    Object.assign(merged, figures);
    Object.assign(allTargets, mod.targets ?? {});
    const lines = Object.entries(figures).map(([k, v]) => figureLine(k, v, mod.targets?.[k]));
    out.write(`${name} (${Math.round(performance.now() - t0)} ms)\n${lines.join('\n')}\n`);
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    errors.push({ name, message });
    out.write(`${name} FAILED after ${Math.round(performance.now() - t0)} ms\n`);
  }
}

// Targets whose figure is missing (its bench failed or no longer reports it) count as missed.
const missed = Object.entries(allTargets).filter(([k, t]) => !(k in merged) || !meets(merged[k]!, t));
const guardsMissed = missed.filter(([, t]) => t.guard);
const targetCount = Object.keys(allTargets).length;
if (targetCount > 0)
  out.write(
    `Targets: ${targetCount - missed.length}/${targetCount} met${missed.length ? `; missed: ${missed.map(([k]) => k).join(', ')}` : ''}\n`,
  );
if (json) process.stdout.write(`${JSON.stringify(merged)}\n`);
if (errors.length > 0) {
  process.stderr.write(`\n${errors.length} bench(es) failed:\n`);
  for (const e of errors) process.stderr.write(`- ${e.name}: ${e.message.split('\n').join('\n    ')}\n`);
}
if (guardsMissed.length > 0)
  process.stderr.write(`Guard target(s) missed: ${guardsMissed.map(([k]) => k).join(', ')}\n`);
if (errors.length > 0 || guardsMissed.length > 0) process.exitCode = 1;
