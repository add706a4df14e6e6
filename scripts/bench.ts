/**
 * Runs every `scripts/bench/*.ts` module (each `export default async function (): Promise<Record<string, number>>`)
 * and prints their figures. `npm run bench [-- --json] [-- --only finder,index]`: with --json the LAST line is
 * ONE JSON object merging all figures (a module that fails reports `<name>_error: 1` and the others still run).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, 'bench');
const json = process.argv.includes('--json');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const onlyIdx = process.argv.indexOf('--only');
const only = (
  onlyArg?.includes('=') ? onlyArg.split('=')[1] : onlyIdx >= 0 ? process.argv[onlyIdx + 1] : undefined
)
  ?.split(',')
  .filter(Boolean);

const merged: Record<string, number> = {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
      default?: () => Promise<Record<string, number>>;
    };
    if (typeof mod.default !== 'function') continue;
    const figures = await mod.default();
    Object.assign(merged, figures);
    if (!json || process.stderr.isTTY) {
      const lines = Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`);
      (json ? process.stderr : process.stdout).write(
        `${name} (${Math.round(performance.now() - t0)} ms)\n${lines.join('\n')}\n`,
      );
    }
  } catch (e) {
    merged[`${name}_error`] = 1;
    process.stderr.write(`bench ${name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
if (json) process.stdout.write(`${JSON.stringify(merged)}\n`);
