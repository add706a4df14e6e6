/**
 * Instrument matcher figures for `npm run bench -- --json` (ratios from one run, same load). Texts: the GA
 * sample in the repository (test/fixtures/corpus/ga-sample, 215 resolutions of sessions 74–80 in each language,
 * as scripts/bench/lib/ga-sample.ts joins them: 1.2 M characters in Chinese to 5.0 M in French, 3.2–8.9 MB).
 * - instruments_build_ms: createInstrumentMatcher over the default gazetteer (content-script start)
 * - instruments_heap_kb: heap growth of keeping one built matcher (after a full collection on both sides)
 * - instruments_titles: titles compiled
 * - instruments_<lang>_mb_per_s: matcher.find over that language's sample, MB per second (MB = 10^6 bytes of
 *   UTF-8, as every MB figure: a Chinese character is 3 bytes, so the languages compare by the size of their text)
 * - instruments_<lang>_vs_regex: that time / one trivial `/\d+\/\d+/g` pass over the same text
 * - instruments_hostile_vs_normal: worst 1 MB hostile text / 1 MB of the English sample
 * Times are the best of {@link ROUNDS} runs.
 */
import { defaultGazetteer } from '../../src/core/instruments/default-gazetteer.ts';
import { createInstrumentMatcher } from '../../src/core/instruments/matcher.ts';
import { LANGS } from '../../src/core/mention.ts';
import { best, collectGarbage, KB, MB, mbOf, prefixOfBytes, round } from '../lib/timing.ts';
import { gaSampleText } from './lib/ga-sample.ts';

const ROUNDS = 5;

export default async function (): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let matcher = createInstrumentMatcher(defaultGazetteer);
  collectGarbage();
  out.instruments_heap_kb = Math.round((process.memoryUsage().heapUsed - before) / KB);
  out.instruments_build_ms = round(
    best(ROUNDS, () => (matcher = createInstrumentMatcher(defaultGazetteer))),
    1,
  );
  out.instruments_titles = matcher.size;

  for (const lang of LANGS) {
    const text = gaSampleText(lang);
    const ms = best(ROUNDS, () => matcher.find(text));
    const re = /\d+\/\d+/g;
    const baseline = best(ROUNDS, () => {
      re.lastIndex = 0;
      while (re.exec(text));
    });
    out[`instruments_${lang}_mb_per_s`] = round(mbOf(text) / (ms / 1000), 1);
    out[`instruments_${lang}_vs_regex`] = round(ms / baseline, 2);
  }

  const english = prefixOfBytes(gaSampleText('en'), MB);
  const normalMs = best(ROUNDS, () => matcher.find(english));
  const hostile = [
    'Convention Convention on the Declaration ',
    'the Convention on the Rights of the Child, ',
    '《《联合国》',
    'Всеобщей Всеобщей декларации ',
    'واتفاقية واتفاقية حقوق ',
  ].map((u) => prefixOfBytes(u.repeat(Math.ceil(MB / Buffer.byteLength(u))), MB));
  let worst = 0;
  for (const h of hostile)
    worst = Math.max(
      worst,
      best(ROUNDS, () => matcher.find(h)),
    );
  out.instruments_hostile_vs_normal = round(worst / normalMs, 2);
  return out;
}
