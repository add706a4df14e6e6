/**
 * Writes data/gazetteer/mined.json from the shared six-language texts.
 *   npx tsx scripts/mine-gazetteer.ts [SHARED_DATA_DIR] [--min-docs N] [--out FILE]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mineGazetteer } from './lib/mine-gazetteer.ts';

const args = process.argv.slice(2);
let dir = resolve(import.meta.dirname, '../../shared/data');
let out = resolve(import.meta.dirname, '../data/gazetteer/mined.json');
let minDocs = 2;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--min-docs') minDocs = Number(args[++i]);
  else if (a === '--out') out = resolve(args[++i]!);
  else dir = resolve(a);
}
const t0 = performance.now();
const entries = mineGazetteer(dir, { minDocs });
// Compact but diff-friendly: one entry per line.
writeFileSync(out, `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
const titles = entries.reduce(
  (n, e) => n + Object.values(e.titles).reduce((m, l) => m + (l?.length ?? 0), 0),
  0,
);
console.error(
  `${entries.length} entries, ${titles} titles -> ${out} (${Math.round(performance.now() - t0)} ms)`,
);
