/**
 * Instrument matcher figures for `npm run bench -- --json` (ratios from one run, same load):
 * - instruments_build_ms: createInstrumentMatcher over the default gazetteer (content-script start)
 * - instruments_heap_kb: heap growth of keeping one built matcher (after a full collection on both sides)
 * - instruments_titles: titles compiled
 * - instruments_<lang>_mb_per_s: matcher.find over the UN resolution texts of that language
 * - instruments_<lang>_vs_regex: that time / one trivial `/\d+\/\d+/g` pass over the same text
 * - instruments_hostile_vs_normal: worst 1 MB hostile text / 1 MB of normal English text
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultGazetteer } from '../../src/core/instruments/default-gazetteer.ts';
import { createInstrumentMatcher } from '../../src/core/instruments/matcher.ts';
import { best, collectGarbage } from '../lib/timing.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
/** Bytes of text per language: enough for stable figures, small enough for a shared machine. */
const SIZE = 8_000_000;

function texts(lang: string): string {
  const raw = gunzipSync(
    readFileSync(join(SHARED, 'data', 'unxml-akn4un', `texts_${lang}.jsonl.gz`)),
  ).toString('utf8');
  const parts: string[] = [];
  let n = 0;
  for (const line of raw.split('\n')) {
    if (!line.trim() || n > SIZE) continue;
    const doc = JSON.parse(line) as { preamble: string[]; operative: string[] };
    const t = [...doc.preamble, ...doc.operative].join('\n');
    parts.push(t);
    n += t.length;
  }
  return parts.join('\n\n');
}

export default async function (): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let matcher = createInstrumentMatcher(defaultGazetteer);
  collectGarbage();
  out.instruments_heap_kb = Math.round((process.memoryUsage().heapUsed - before) / 1024);
  out.instruments_build_ms = Number(
    best(5, () => (matcher = createInstrumentMatcher(defaultGazetteer))).toFixed(1),
  );
  out.instruments_titles = matcher.size;

  let normalMs = 0;
  for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
    const text = texts(lang);
    const mb = Buffer.byteLength(text) / 1e6;
    const ms = best(3, () => matcher.find(text));
    const re = /\d+\/\d+/g;
    const baseline = best(3, () => {
      re.lastIndex = 0;
      while (re.exec(text));
    });
    out[`instruments_${lang}_mb_per_s`] = Number((mb / (ms / 1000)).toFixed(1));
    out[`instruments_${lang}_vs_regex`] = Number((ms / baseline).toFixed(2));
    if (lang === 'en') normalMs = (ms * 1e6) / text.length;
  }

  const MB = 1_000_000;
  const hostile = [
    'Convention Convention on the Declaration ',
    'the Convention on the Rights of the Child, ',
    '《《联合国》',
    'Всеобщей Всеобщей декларации ',
    'واتفاقية واتفاقية حقوق ',
  ].map((u) => u.repeat(Math.ceil(MB / u.length)).slice(0, MB));
  let worst = 0;
  for (const h of hostile)
    worst = Math.max(
      worst,
      best(2, () => matcher.find(h)),
    );
  out.instruments_hostile_vs_normal = Number((worst / normalMs).toFixed(2));
  return out;
}
