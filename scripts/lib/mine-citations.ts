/**
 * The citation graph and the facts citing texts give: runs the finder over every text of the data
 * (GA resolutions of sessions 74-80, ES and S sessions, ECOSOC 2021-2025, GA decisions 76-78, HRC
 * resolutions 54-60, each in six languages with every part, section and annex; the 902 SC gold texts
 * in English) and records edges citing → cited with where each citation stands, and every
 * (resolution, date, subject) a text writes next to a number.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BodyCode, findCitations } from '../../src/core/find.ts';
import { PLACEMENT_BITS } from '../../src/core/index/types.ts';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer.ts';
import type { FindResult, Lang, Mention, Placement } from '../../src/core/mention.ts';
import { LANGS } from '../../src/core/mention.ts';
import { readJsonlGz } from './data-io.ts';
import { splitFootnotes } from './footnotes.ts';
import { inScript } from './mine-treaties.ts';
import { type AknText, TEXT_SETS, textKey } from './source-tables.ts';

/** An aggregated edge: [citing, cited, cited kind, placement mask, language mask, mentions]. */
export type EdgeRow = [string, string, string, number, number, number];

/**
 * A (key, date) pair as written in citing texts, aggregated:
 * [key, ISO date, texts, first citing symbol, language mask, subject?, part other than A?].
 */
export type DatePairRow = [string, string, number, string, number, (string | null)?, string?];

/** What the miner found, plus how it was found. */
export interface MinedCitations {
  edges: EdgeRow[];
  pairs: DatePairRow[];
  stats: Record<string, number | string>;
}

/** The finder the miner runs: the project's own, with the default instrument gazetteer. */
export type FindFn = (text: string, options?: { lang?: Lang; body?: BodyCode }) => FindResult;

/** Bit of each language in an edge's language mask. */
export const LANG_BITS: Readonly<Record<Lang, number>> = { en: 1, fr: 2, es: 4, ru: 8, zh: 16, ar: 32 };

/** The project's finder with the default instrument gazetteer (instrument titles are citations too). */
export async function loadFinder(): Promise<{ find: FindFn; name: string }> {
  const gazetteer = defaultInstrumentMatcher();
  return {
    find: (text, options) => findCitations(text, { ...options, gazetteer }),
    name: 'src/core/find.ts + default instrument gazetteer',
  };
}

interface Segment {
  start: number;
  end: number;
  placement: Placement;
}

/** Joins a text's parts into one string, remembering where each placement's parts are. */
function assemble(parts: { text: string; placement: Placement }[]): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    if (text) text += '\n';
    segments.push({ start: text.length, end: text.length + p.text.length, placement: p.placement });
    text += p.text;
  }
  return { text, segments };
}

function placementAt(segments: Segment[], offset: number): Placement {
  for (const s of segments) if (offset >= s.start && offset < s.end) return s.placement;
  return 'other';
}

/** The parts of an AKN text: paragraph bodies as preamble / operative, footnotes after them (so "Ibid." chains hold). */
export function aknParts(
  doc: Pick<AknText, 'preamble' | 'operative'>,
): { text: string; placement: Placement }[] {
  const pre = splitFootnotes(doc.preamble ?? []);
  const op = splitFootnotes(doc.operative ?? []);
  return [
    ...pre.map((p) => ({ text: p.body, placement: 'preamble' as const })),
    ...op.map((p) => ({ text: p.body, placement: 'operative' as const })),
    ...[...pre, ...op].flatMap((p) => p.notes.map((n) => ({ text: n.text, placement: 'footnote' as const }))),
  ];
}

/** Parts of an SC gold text: before the first numbered paragraph is preamble, after it operative. */
export function scParts(text: string): { text: string; placement: Placement }[] {
  const first = /^[ \t]*1[ \t]*\.\s+\S/m.exec(text);
  if (!first) return [{ text, placement: 'other' }];
  return [
    { text: text.slice(0, first.index), placement: 'preamble' },
    { text: text.slice(first.index), placement: 'operative' },
  ];
}

const SUBJECT_EN =
  /^(?:,?\s*(?:of|dated) \d{1,2} [A-Z][a-z]+ \d{4})?,?\s*(?:entitled\s+[“"]([^”"]{4,200})[”"]|on (?!behalf\b|the basis\b|the recommendation\b|the occasion\b)((?:the )?[a-z][^,;:.()\d]{3,160}?)(?=\s*(?:[,;:.]|$|\band (?:its|recalling|the|all|taking|noting|welcoming|reaffirming)\b|\bwhich\b|\bby which\b|\bin which\b)))/;

/**
 * The subject an English citing text gives after a list of resolutions ("… and 75/226 of
 * 21 December 2020 on international migration and development"), or undefined.
 */
export function subjectAfter(text: string, end: number): string | undefined {
  const m = SUBJECT_EN.exec(text.slice(end, end + 260));
  const s = (m?.[1] ?? m?.[2])?.trim();
  // "on this issue", "on the same subject" point back; a lone word is usually a subject cut at a comma.
  if (!s || s.length < 4 || !s.includes(' ')) return undefined;
  if (
    /^(?:this|that|these|those|the same|the matter|the subject|the question|the issue|the topic)\b/i.test(s)
  )
    return undefined;
  return s;
}

/** Groups consecutive mentions of one list ("58/208 of …, 59/241 of … and 75/226 of …"). */
function lists(text: string, mentions: Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  let cur: Mention[] = [];
  for (const m of mentions) {
    const prev = cur[cur.length - 1];
    const gap = prev ? text.slice(prev.end, m.offset) : '';
    if (
      prev &&
      gap.length < 60 &&
      /^(?:,?\s*(?:of|dated) \d{1,2} [A-Z][a-z]+ \d{4})?\s*(?:,|and|,\s*and)\s*$/.test(gap)
    )
      cur.push(m);
    else {
      if (cur.length) groups.push(cur);
      cur = [m];
    }
  }
  if (cur.length) groups.push(cur);
  return groups;
}

class Collector {
  readonly edges = new Map<string, EdgeRow>();
  readonly pairs = new Map<string, DatePairRow>();
  mentions = 0;
  texts = 0;

  add(citing: string, lang: Lang, text: string, segments: Segment[], mentions: Mention[]): void {
    this.texts++;
    for (const m of mentions) {
      this.mentions++;
      if (m.key === citing || (m.kind === 'instrument' && m.key.startsWith('instrument:'))) continue;
      const id = `${citing}\u0000${m.key}`;
      const row = this.edges.get(id) ?? [citing, m.key, m.kind, 0, 0, 0];
      row[3] |= PLACEMENT_BITS[placementAt(segments, m.offset)];
      row[4] |= LANG_BITS[lang];
      row[5]++;
      this.edges.set(id, row);
    }
    const groups = lang === 'en' ? lists(text, mentions) : mentions.map((m) => [m]);
    for (const g of groups) {
      const last = g[g.length - 1]!;
      const subject =
        lang === 'en' && g.every((m) => m.kind === last.kind) ? subjectAfter(text, last.end) : undefined;
      for (const m of g) {
        if ((m.kind !== 'resolution' && m.kind !== 'decision') || !m.date || m.key === citing) continue;
        // Parts of one number were often adopted on different days ("55/180 B of 14 June 2001"):
        // the part travels with the pair so the check compares like with like.
        const part = m.part && m.part !== 'A' ? m.part : undefined;
        const id = `${m.key}\u0000${m.date}\u0000${part ?? ''}`;
        const row = this.pairs.get(id) ?? [m.key, m.date, 0, citing, 0];
        row[2]++;
        row[4] |= LANG_BITS[lang];
        if (subject && !row[5]) row[5] = subject;
        if (part) row[6] = part;
        this.pairs.set(id, row);
      }
    }
  }
}

/** Mines every text under `dir` with `find`. */
export async function mineCitations(
  dir: string,
  find: FindFn,
  langs: readonly Lang[] = LANGS,
  log: (s: string) => void = () => {},
): Promise<MinedCitations> {
  const c = new Collector();
  const skipped: string[] = [];
  let failures = 0;
  for (const lang of langs) {
    const t0 = Date.now();
    for (const set of TEXT_SETS) {
      const file = join(dir, `${set}/texts_${lang}.jsonl.gz`);
      if (!existsSync(file)) continue;
      for await (const doc of readJsonlGz<AknText>(file)) {
        if (!inScript(doc, lang)) {
          skipped.push(`${doc.symbol}:${lang}`);
          continue;
        }
        const { text, segments } = assemble(aknParts(doc));
        try {
          const r = find(text, { lang, body: doc.body });
          // Parts of one text ("A/DEC/77/505 B") cite as the document of their number.
          c.add(textKey(doc.symbol), lang, text, segments, r.mentions);
        } catch (err) {
          failures++;
          if (failures <= 5) log(`finder failed on ${doc.symbol} (${lang}): ${String(err)}`);
        }
      }
    }
    log(`${lang}: ${c.texts} texts so far, ${c.edges.size} edges, ${Date.now() - t0} ms`);
  }
  const scDir = join(dir, 'cr-unsc/res_en_gold');
  if (langs.includes('en') && existsSync(scDir)) {
    for (const f of readdirSync(scDir).sort()) {
      const m = /^S_RES_(\d+)_(\d{4})_EN_GOLD\.txt$/.exec(f);
      if (!m) continue;
      const { text, segments } = assemble(scParts(readFileSync(join(scDir, f), 'utf8')));
      try {
        const r = find(text, { lang: 'en', body: 'SC' });
        c.add(`S/RES/${Number(m[1])}(${m[2]})`, 'en', text, segments, r.mentions);
      } catch (err) {
        failures++;
        if (failures <= 5) log(`finder failed on ${f}: ${String(err)}`);
      }
    }
    log(`sc: ${c.texts} texts, ${c.edges.size} edges`);
  }
  const edges = [...c.edges.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const pairs = [...c.pairs.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  return {
    edges,
    pairs,
    stats: {
      texts: c.texts,
      mentions: c.mentions,
      edges: edges.length,
      date_pairs: pairs.length,
      finder_failures: failures,
      texts_in_wrong_script_skipped: skipped.length,
    },
  };
}
