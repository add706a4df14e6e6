/**
 * `npm run index:build`: builds the shipped index from data/ into public/index/ (git-ignored;
 * vite copies it into the extension). Needs only the committed data/, not ../shared.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildIndex } from './lib/build-index.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'public/index'));
const t0 = Date.now();
if (!existsSync(join(root, 'data/tables/ga.json.gz'))) {
  console.error(
    'index:build: data/tables/ is missing: run `npm run index:mine -- DIR` (DIR = the shared data) first',
  );
  process.exit(2);
}
const built = buildIndex(join(root, 'data'));
rmSync(outDir, { recursive: true, force: true });
let bytes = 0;
for (const [path, text] of built.files) {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
}
const c = built.manifest.counts;
console.error(
  `index:build: ${c.entries} entries, ${c.edges} edges, ${c.series} series, ${c.derived_facts} derived facts, ` +
    `${built.files.size} files, ${(bytes / 1024).toFixed(0)} KB in ${Date.now() - t0} ms → ${outDir}`,
);
