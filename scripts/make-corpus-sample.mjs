#!/usr/bin/env node
// Data-mining command (reads ../shared): writes test/fixtures/corpus/ga-sample/texts_<lang>.jsonl.gz, the fixed
// six-language sample that `npm run eval` (cross-lingual agreement) and `npm run bench` (finder speed) read, so
// neither needs anything outside the repository. The sample: every 10th General Assembly resolution of sessions
// 74-80, in sorted symbol order, of those present in all six languages (../shared/data/unxml-akn4un).
//   node scripts/make-corpus-sample.mjs [SHARED_DATA_DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const DATA = process.argv[2] ?? join(ROOT, '..', 'shared', 'data');
const OUT = join(ROOT, 'test', 'fixtures', 'corpus', 'ga-sample');
const LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];
const FIELDS = ['body', 'lang', 'symbol', 'title', 'adoption_date', 'preamble', 'operative', 'footnotes'];

const texts = {};
for (const lang of LANGS) {
  const docs = new Map();
  const raw = gunzipSync(readFileSync(join(DATA, 'unxml-akn4un', `texts_${lang}.jsonl.gz`))).toString('utf8');
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    if (doc.body === 'GA') docs.set(doc.symbol, doc);
  }
  texts[lang] = docs;
}
const sample = [...texts.en.keys()]
  .filter((s) => /^A\/RES\/(7[4-9]|80)\//.test(s) && LANGS.every((l) => texts[l].has(s)))
  .sort()
  .filter((_, i) => i % 10 === 0);
mkdirSync(OUT, { recursive: true });
for (const lang of LANGS) {
  const lines = sample.map((s) => {
    const doc = texts[lang].get(s);
    return JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, doc[f]])));
  });
  writeFileSync(join(OUT, `texts_${lang}.jsonl.gz`), gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
}
console.log(`${sample.length} resolutions × ${LANGS.length} languages → ${OUT}`);
