/**
 * Finder speed for `npm run bench -- --json`, ratios from ONE run (same process, same machine load):
 * - finder_mb_per_s: findCitations over the English GA texts of sessions 74-80 (37 M characters, concatenated)
 * - finder_vs_regex_baseline: that time / one trivial `/\d+\/\d+/g` pass over the same text
 * - adversarial_vs_normal: worst time on 1 MB hostile texts / time on 1 MB of normal text
 * Instruments (gazetteer) are included, as in the extension. Each figure is the best of its interleaved rounds
 * (four for the 37 MB text, six for the 1 MB texts), after one warm-up run over the whole text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
import { best } from '../lib/timing.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');

function englishGaText(): string {
  const raw = gunzipSync(readFileSync(join(SHARED, 'data', 'unxml-akn4un', 'texts_en.jsonl.gz'))).toString(
    'utf8',
  );
  const parts: string[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { body: string; symbol: string; preamble: string[]; operative: string[] };
    if (doc.body !== 'GA' || !/^A\/RES\/(7[4-9]|80)\//.test(doc.symbol)) continue;
    parts.push([doc.symbol, ...doc.preamble, ...doc.operative].join('\n'));
  }
  return parts.join('\n\n');
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Hostile 1 MB texts: every shape a candidate-driven scanner could trip on. */
export function adversarialTexts(size = 1 << 20): Record<string, string> {
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
  const text = englishGaText();
  const mb = text.length / (1 << 20);
  // Warm-up: one whole run, so that every path is compiled (the figure is steady-state throughput).
  findCitations(text, { gazetteer });
  let found = 0;
  const normal = text.slice(0, 1 << 20);
  const hostileTexts = adversarialTexts();
  // Interleaved rounds: every text is timed once a round and keeps its best time, so that a slow spell of
  // a shared machine falls on both sides of a ratio alike instead of on whichever was timed during it. The
  // 37 MB text and its baseline go in rounds of their own; the 1 MB texts (normal and hostile) in theirs,
  // where no 37 MB run's garbage is collected in the middle of a 1 MB timing.
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
  rounds(big, 4);
  rounds(small, 6);
  const finderMs = bestMs.finder!;
  const baselineMs = bestMs.baseline!;
  const normalMs = bestMs.normal!;
  const hostile: Record<string, number> = {};
  let worst = 0;
  for (const name of Object.keys(hostileTexts)) {
    const ms = bestMs[`hostile_${name}`]!;
    hostile[`adversarial_ms_${name}`] = Math.round(ms * 10) / 10;
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
    partMs[`adversarial_worst_part_ms_${name}`] = Math.round(best(1, fn) * 10) / 10;
  }
  return {
    finder_text_mb: Math.round(mb * 10) / 10,
    finder_mentions: found,
    finder_ms: Math.round(finderMs),
    finder_mb_per_s: Math.round((mb / (finderMs / 1000)) * 10) / 10,
    regex_baseline_ms: Math.round(baselineMs),
    finder_vs_regex_baseline: Math.round((finderMs / baselineMs) * 100) / 100,
    normal_1mb_ms: Math.round(normalMs * 10) / 10,
    adversarial_vs_normal: Math.round((worst / normalMs) * 100) / 100,
    ...hostile,
    ...partMs,
  };
}
