/**
 * Finder speed for `npm run bench -- --json`, ratios from ONE run (same process, same machine load). The text is
 * the English GA sample in the repository (test/fixtures/corpus/ga-sample/texts_en.jsonl.gz: 215 resolutions of
 * sessions 74–80, each as its symbol, preamble and operative paragraphs, without footnotes, as the targets
 * were set), so a clone alone gives the same figure.
 * - finder_text_mb: that text's size in MB (10^6 bytes of UTF-8, the unit of every MB figure: scripts/lib/timing.ts)
 * - finder_mb_per_s: findCitations over that text, MB per second (target ≥ 50)
 * - finder_vs_regex_baseline: that time / one trivial `/\d+\/\d+/g` pass over the same text (guard: ≤ 60)
 * - adversarial_vs_normal: worst time on 1 MB hostile texts / time on 1 MB of the sample
 * - finder_part_ms_*: each part of the finder alone over the sample's windows (where the time goes)
 * Instruments (gazetteer) are included, as in the extension. Each time is the best of its interleaved rounds
 * ({@link BIG_ROUNDS} for the sample and its baseline, {@link SMALL_ROUNDS} for the 1 MB texts), after one
 * warm-up run over the whole text: a 4 MB run lasts about 0.1 s, so a single round would be at the mercy of
 * one slow moment of a shared machine.
 */
import { findCitations, windowsOf } from '../../src/core/find.ts';
import type { ScanContext } from '../../src/core/grammar/context.ts';
import { scanOfficialRecords } from '../../src/core/grammar/official-records.ts';
import { scanResolutions } from '../../src/core/grammar/resolution.ts';
import { scanSales } from '../../src/core/grammar/sales.ts';
import { scanSymbols } from '../../src/core/grammar/symbol.ts';
import { scanTreaties } from '../../src/core/grammar/treaty.ts';
import { findIbids } from '../../src/core/ibid.ts';
import { findIdentity, findOpeners } from '../../src/core/identity.ts';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer.ts';
import { normalize } from '../../src/core/normalize.ts';
import { best, MB, mbOf, prefixOfBytes, round } from '../lib/timing.ts';
import type { Targets } from './lib/figures.ts';
import { gaSampleText } from './lib/ga-sample.ts';

/** Rounds of the 4 MB sample and its regex baseline (each keeps its best). */
const BIG_ROUNDS = 25;
/** Rounds of the 1 MB texts. */
const SMALL_ROUNDS = 10;

/** Goals and guards of this bench (printed with the figures by scripts/bench.ts). */
export const targets: Targets = {
  finder_mb_per_s: { min: 50 },
  finder_vs_regex_baseline: { max: 60, guard: true },
  adversarial_vs_normal: { max: 2 },
};

function repeatTo(unit: string, bytes: number): string {
  return prefixOfBytes(unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))), bytes);
}

/** Hostile 1 MB texts: every shape a candidate-driven scanner could trip on. */
export function adversarialTexts(size = MB): Record<string, string> {
  return {
    slashes_letters: repeatTo('A/', size),
    slashes_digits: repeatTo('1/', size),
    head_nouns: repeatTo('resolution ', size),
    head_noun_numbers: repeatTo('resolution 1/1, ', size),
    digits: repeatTo('1234567890', size),
    slashes: repeatTo('/', size),
    dots: repeatTo('.', size),
    open_parens: repeatTo('1 (', size),
    old_style: repeatTo('1 A (', size),
    symbols: repeatTo('A/C.3/', size),
    ibid: repeatTo('Ibid. ', size),
    zh_list: repeatTo('第1/1、', size),
    treaty_words: repeatTo('Treaty Series, vol. 1, No. ', size),
    spaces: repeatTo(' ', size),
  };
}

export default async function bench(): Promise<Record<string, number>> {
  const gazetteer = defaultInstrumentMatcher();
  const text = gaSampleText('en');
  const mb = mbOf(text);
  // Warm-up: one whole run, so that every path is compiled (the figure is steady-state throughput).
  findCitations(text, { gazetteer });
  let found = 0;
  const normal = prefixOfBytes(text, MB);
  const hostileTexts = adversarialTexts();
  // Interleaved rounds: every text is timed once a round and keeps its best time, so that a slow spell of
  // a shared machine falls on both sides of a ratio alike instead of on whichever was timed during it. The
  // sample and its baseline go in rounds of their own; the 1 MB texts (normal and hostile) in theirs, where
  // no 4 MB run's garbage is collected in the middle of a 1 MB timing.
  const big: Record<string, () => void> = {
    finder: () => {
      found = findCitations(text, { gazetteer }).mentions.length;
    },
    baseline: () => {
      const re = /\d+\/\d+/g;
      let n = 0;
      while (re.exec(text)) n++;
      if (n < 0) throw new Error('unreachable');
    },
  };
  const small: Record<string, () => void> = { normal: () => findCitations(normal, { gazetteer }) };
  for (const [name, t] of Object.entries(hostileTexts))
    small[`hostile_${name}`] = () => findCitations(t, { gazetteer });
  const bestMs: Record<string, number> = {};
  const rounds = (timers: Record<string, () => void>, n: number) => {
    for (let round = 0; round < n; round++) {
      for (const [name, fn] of Object.entries(timers)) {
        const t0 = performance.now();
        fn();
        bestMs[name] = Math.min(bestMs[name] ?? Number.POSITIVE_INFINITY, performance.now() - t0);
      }
    }
  };
  rounds(big, BIG_ROUNDS);
  rounds(small, SMALL_ROUNDS);
  const finderMs = bestMs.finder!;
  const baselineMs = bestMs.baseline!;
  const normalMs = bestMs.normal!;
  const hostile: Record<string, number> = {};
  let worst = 0;
  for (const name of Object.keys(hostileTexts)) {
    const ms = bestMs[`hostile_${name}`]!;
    hostile[`adversarial_ms_${name}`] = round(ms, 1);
    worst = Math.max(worst, ms);
  }
  // Where the time goes: each part alone over the same windows find.ts scans, so each owner sees their share.
  const windows = windowsOf(text).map((w) => normalize(text.slice(w.start, w.end)));
  const perWindow = (scan: (t: string, ctx: ScanContext) => unknown) => () => {
    for (const n of windows) scan(n.text, { lang: 'en', latinOnly: n.latinOnly, docBodyAt: () => 'GA' });
  };
  const parts: Record<string, () => unknown> = {
    normalize: () => {
      for (const w of windowsOf(text)) normalize(text.slice(w.start, w.end));
    },
    identity: () => {
      findIdentity(text);
      findOpeners(text);
    },
    resolutions: perWindow(scanResolutions),
    symbols: perWindow(scanSymbols),
    treaties: perWindow(scanTreaties),
    sales: perWindow(scanSales),
    official_records: perWindow(scanOfficialRecords),
    ibid: perWindow((t) => findIbids(t, [])),
    instruments: () => {
      for (const n of windows) gazetteer.find(n.text, n.latinOnly);
    },
  };
  const partMs: Record<string, number> = {};
  for (const [name, fn] of Object.entries(parts)) partMs[`finder_part_ms_${name}`] = Math.round(best(1, fn));
  // The worst hostile text, part by part.
  const worstName = Object.entries(hostile)
    .sort((a, b) => b[1] - a[1])[0]![0]
    .replace('adversarial_ms_', '');
  const worstText = hostileTexts[worstName]!;
  const ctx: ScanContext = { lang: 'en', docBodyAt: () => 'GA' };
  const worstParts: Record<string, () => unknown> = {
    resolutions: () => scanResolutions(worstText, ctx),
    symbols: () => scanSymbols(worstText, ctx),
    treaties: () => scanTreaties(worstText, ctx),
    sales: () => scanSales(worstText, ctx),
    official_records: () => scanOfficialRecords(worstText, ctx),
    instruments: () => gazetteer.find(worstText),
    identity_normalize: () => {
      normalize(worstText);
      findIdentity(worstText);
      findOpeners(worstText);
    },
  };
  for (const [name, fn] of Object.entries(worstParts)) {
    partMs[`adversarial_worst_part_ms_${name}`] = round(best(1, fn), 1);
  }
  return {
    finder_text_mb: round(mb, 2),
    finder_mentions: found,
    finder_ms: round(finderMs, 1),
    finder_mb_per_s: round(mb / (finderMs / 1000), 1),
    regex_baseline_ms: round(baselineMs, 2),
    finder_vs_regex_baseline: round(finderMs / baselineMs, 1),
    normal_1mb_ms: round(normalMs, 1),
    adversarial_vs_normal: round(worst / normalMs, 2),
    ...hostile,
    ...partMs,
  };
}
