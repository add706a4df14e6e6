/**
 * Finder quality: `npm run eval [-- --verbose] [--json]`
 *
 * 1. Dev corpus (test/fixtures/corpus/dev): precision / recall / F1 over (kind, key) multisets, per kind
 *    and overall (instruments on their own line, as the scorer does).
 * 2. Cross-lingual agreement on the FIXED sample of GA resolutions in test/fixtures/corpus/ga-sample
 *    (sessions 74-80, every 10th symbol, in sorted order, of those present in all six languages, as
 *    scripts/make-corpus-sample.mjs chose them; preamble + operative joined): the keys found in each
 *    language against the keys found in the English version (per-language F1 over key multisets, and
 *    their mean). With --verbose, the most frequent disagreements per language.
 * Reads only the repository: a clone with nothing beside it gives the same figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FindOptions, findCitations } from '../src/core/find';
import { defaultInstrumentMatcher } from '../src/core/instruments/default-gazetteer';
import type { Lang, Mention } from '../src/core/mention';
import { DEV, readGaSample, SAMPLE_LANGS } from '../test/corpus';

const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

type Bag = Map<string, number>;

function bag(keys: string[]): Bag {
  const b: Bag = new Map();
  for (const k of keys) b.set(k, (b.get(k) ?? 0) + 1);
  return b;
}

function overlap(a: Bag, b: Bag): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

function size(b: Bag): number {
  let n = 0;
  for (const v of b.values()) n += v;
  return n;
}

function f1(tp: number, fp: number, fn: number): { p: number; r: number; f: number } {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function diff(a: Bag, b: Bag): Bag {
  const out: Bag = new Map();
  for (const [k, v] of a) {
    const d = v - (b.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}

const id = (m: Pick<Mention, 'kind' | 'key'>) => `${m.kind} ${m.key}`;

function devCorpus(options: FindOptions) {
  const dir = DEV;
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const add = (kind: string, tp: number, fp: number, fn: number) => {
    const c = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
    counts.set(kind, c);
  };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as {
      mentions: Mention[];
    };
    const found = findCitations(text, options).mentions;
    const kinds = new Set([...gold.mentions, ...found].map((m) => m.kind));
    for (const kind of kinds) {
      const g = bag(gold.mentions.filter((m) => m.kind === kind && !m.key.startsWith('instrument:')).map(id));
      const f = bag(found.filter((m) => m.kind === kind && !m.key.startsWith('instrument:')).map(id));
      const tp = overlap(g, f);
      add(kind, tp, size(f) - tp, size(g) - tp);
      if (verbose) {
        for (const [k, v] of diff(g, f)) console.log(`  ${file}: missed ${k}${v > 1 ? ` x${v}` : ''}`);
        for (const [k, v] of diff(f, g)) console.log(`  ${file}: extra  ${k}${v > 1 ? ` x${v}` : ''}`);
      }
    }
  }
  const result: Record<string, number> = {};
  let all = { tp: 0, fp: 0, fn: 0 };
  for (const [kind, c] of [...counts].sort()) {
    const s = f1(c.tp, c.fp, c.fn);
    result[`dev_f1_${kind}`] = s.f;
    if (!asJson)
      console.log(
        `${kind.padEnd(11)} F1 ${s.f.toFixed(3)} (P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}; tp ${c.tp} fp ${c.fp} fn ${c.fn})`,
      );
    if (kind !== 'instrument') all = { tp: all.tp + c.tp, fp: all.fp + c.fp, fn: all.fn + c.fn };
  }
  const o = f1(all.tp, all.fp, all.fn);
  result.dev_f1_overall = o.f;
  if (!asJson)
    console.log(
      `overall     F1 ${o.f.toFixed(3)} (P ${o.p.toFixed(3)} R ${o.r.toFixed(3)}) without instruments`,
    );
  return result;
}

/**
 * The GA sample as text per language (symbol → preamble + operative), and its symbols. Every language must hold
 * the same resolutions in the same order: a sample that lost one would score a language on fewer texts.
 */
function loadSample(): { texts: Record<Lang, Map<string, string>>; sample: string[] } {
  const texts = {} as Record<Lang, Map<string, string>>;
  for (const lang of SAMPLE_LANGS) {
    texts[lang] = new Map(
      readGaSample(lang).map((d) => [d.symbol, [...d.preamble, ...d.operative].join('\n')]),
    );
  }
  const sample = [...texts.en.keys()];
  for (const lang of SAMPLE_LANGS) {
    const symbols = [...texts[lang].keys()];
    if (symbols.length !== sample.length || symbols.some((s, i) => s !== sample[i]))
      throw new Error(`ga-sample: texts_${lang} does not hold the same resolutions as texts_en`);
  }
  return { texts, sample };
}

function crossLingual(options: FindOptions) {
  const langs = SAMPLE_LANGS;
  const { texts, sample } = loadSample();
  const result: Record<string, number> = { xling_sample_size: sample.length };
  const enBags = new Map<string, Bag>();
  for (const s of sample)
    enBags.set(s, bag(findCitations(texts.en.get(s)!, { ...options, lang: 'en' }).mentions.map(id)));
  let sum = 0;
  let sumNi = 0;
  for (const lang of langs.slice(1)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const missed: Bag = new Map();
    const extra: Bag = new Map();
    const byKind = new Map<string, { fp: number; fn: number }>();
    let tpNi = 0;
    let fpNi = 0;
    let fnNi = 0;
    for (const s of sample) {
      const en = enBags.get(s)!;
      const got = bag(findCitations(texts[lang].get(s)!, { ...options, lang }).mentions.map(id));
      const t = overlap(en, got);
      tp += t;
      fp += size(got) - t;
      fn += size(en) - t;
      for (const [k, v] of diff(en, got)) {
        const kind = k.split(' ')[0]!;
        const c = byKind.get(kind) ?? { fp: 0, fn: 0 };
        c.fn += v;
        byKind.set(kind, c);
        if (kind !== 'instrument') fnNi += v;
      }
      for (const [k, v] of diff(got, en)) {
        const kind = k.split(' ')[0]!;
        const c = byKind.get(kind) ?? { fp: 0, fn: 0 };
        c.fp += v;
        byKind.set(kind, c);
        if (kind !== 'instrument') fpNi += v;
      }
      for (const [k, v] of en) if (!k.startsWith('instrument ')) tpNi += Math.min(v, got.get(k) ?? 0);
      if (verbose) {
        for (const [k, v] of diff(en, got)) missed.set(`${k}  (${s})`, v);
        for (const [k, v] of diff(got, en)) extra.set(`${k}  (${s})`, v);
      }
    }
    const score = f1(tp, fp, fn);
    const noInst = f1(tpNi, fpNi, fnNi);
    sum += score.f;
    sumNi += noInst.f;
    result[`xling_f1_${lang}`] = score.f;
    result[`xling_f1_${lang}_no_instruments`] = noInst.f;
    if (!asJson) {
      console.log(
        `${lang} vs en: F1 ${score.f.toFixed(3)} (P ${score.p.toFixed(3)} R ${score.r.toFixed(3)}; tp ${tp} fp ${fp} fn ${fn}); without instruments F1 ${noInst.f.toFixed(3)}`,
      );
      console.log(
        `   disagreements by kind: ${[...byKind].map(([k, c]) => `${k} -${c.fn}/+${c.fp}`).join(', ')}`,
      );
      if (verbose) {
        for (const [k, v] of [...missed].filter(([k]) => !k.startsWith('instrument')).slice(0, 40))
          console.log(`   missing ${k}${v > 1 ? ` x${v}` : ''}`);
        for (const [k, v] of [...extra].filter(([k]) => !k.startsWith('instrument')).slice(0, 40))
          console.log(`   extra   ${k}${v > 1 ? ` x${v}` : ''}`);
      }
    }
  }
  result.xling_f1_mean = sum / (langs.length - 1);
  result.xling_f1_mean_no_instruments = sumNi / (langs.length - 1);
  if (!asJson) {
    console.log(
      `mean F1 vs en over ${sample.length} resolutions: ${result.xling_f1_mean.toFixed(3)} (without instruments ${result.xling_f1_mean_no_instruments.toFixed(3)})`,
    );
  }
  return result;
}

const options: FindOptions = { gazetteer: defaultInstrumentMatcher() };
if (!asJson) console.log('# Dev corpus');
const dev = devCorpus(options);
if (!asJson) console.log('\n# Cross-lingual agreement (GA 74-80, every 10th in all six languages)');
const xl = crossLingual(options);
if (asJson) console.log(JSON.stringify({ ...dev, ...xl }));
