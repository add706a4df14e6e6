/**
 * Treaty Series citations in the footnotes of the six-language GA / ECOSOC / HRC texts (resolutions and
 * GA decisions, with every part, section and annex): every
 * "United Nations, Treaty Series, vol. N, No. M" (and "Ibid., vol. N, No. M", "第N卷，第M号",
 * "المرجع نفسه، المجلد N، الرقم M") with the instrument title its footnote is attached to, per language.
 * Shared with the instruments helper (gazetteer): import {@link mineTreaties} / {@link treatyGazetteer}.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/core/mention.ts';
import { LANGS } from '../../src/core/mention.ts';
import { readJsonlGz } from './data-io.ts';
import { splitFootnotes } from './footnotes.ts';
import { type AknText, TEXT_SETS, textKey } from './source-tables.ts';

/** One Treaty Series registration as cited in a footnote. */
export interface TreatyCite {
  series: 'UNTS' | 'LNTS';
  /** Registration number. */
  number: number;
  volumes: number[];
}

/**
 * One instrument registered under a Treaty Series number, as the footnotes cite it: the treaty itself or a
 * protocol or amendment later registered under the same number (the Second Optional Protocol to the ICCPR is
 * "vol. 1642, No. 14668", the Covenant "vol. 999, No. 14668"). Identified by the volumes a footnote gives.
 */
export interface MinedInstrument {
  volumes: number[];
  /** Best title per language, from the text the footnotes citing these volumes are attached to. */
  titles: Partial<Record<Lang, string>>;
  /** Number of (document, language) texts citing these volumes. */
  citations: number;
}

/** What the footnotes say about one registration. */
export interface MinedTreaty {
  /** `UNTS I-27531` or `LNTS 1234`. */
  key: string;
  /** Every volume cited under the number (all its instruments). */
  volumes: number[];
  /** The instruments, one per distinct volume list cited, lowest volume first. */
  instruments: MinedInstrument[];
  /** Best title per language over all its instruments' footnotes (what a reader most often names it by). */
  titles: Partial<Record<Lang, string>>;
  /** Other title forms seen, with counts (most frequent first). */
  variants: Partial<Record<Lang, [string, number][]>>;
  /** Number of (document, language) texts citing it. */
  citations: number;
  /** Up to 5 citing symbols, for provenance. */
  citedIn: string[];
}

const SERIES_UNTS =
  /(?:United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций|联合国|الأمم المتحدة)\s*[,，،]\s*(?:\*?Treaty Series\*?|Recueil des Traités|Serie de Tratados|Сборник договоров|《条约汇编》|مجموعة المعاهدات)/i;
const SERIES_LNTS =
  /(?:League of Nations|Société des Nations|Sociedad de las Naciones|Лига Наций|国际联盟)\s*[,，،]\s*(?:Treaty Series|Recueil des Traités|《条约汇编》)/i;
const IBID = /^(?:\(\)\s*)?(?:Ibid\.?|Ibíd\.?|Там же|同上|المرجع نفسه)/i;

const LIST = String.raw`\d+(?:\s*(?:,|and|et|y|и|و|،)\s*\d+)*`;
const NUMLIST = String.raw`\d+(?:\s*(?:,|and|et|y|и|و|،|[-–—]|à|a|to|до)\s*\d+)*`;
const UNIT = new RegExp(
  String.raw`(?:vols?\.|т\.|المجلدات|المجلد)\s*(${LIST})\s*[,،]\s*(?:Nos?\.|nos?\.?|núms?\.|№|الأرقام|الرقم)\s*(${NUMLIST})`,
  'gi',
);
const UNIT_ZH = /第(\d+(?:\s*[、和及]\s*\d+)*)卷\s*[，,]\s*第(\d+(?:\s*[、和及至到\-–—]\s*\d+)*)号/g;

function numbers(list: string, ranges: boolean): number[] {
  const out: number[] = [];
  const re = ranges ? /(\d+)(?:\s*(?:[-–—]|à|a|to|до|至|到)\s*(\d+))?/g : /(\d+)()/g;
  for (const m of list.matchAll(re)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b >= a && b - a < 50) for (let n = a; n <= b; n++) out.push(n);
    else out.push(a);
  }
  return out;
}

/**
 * Treaty Series citations of one footnote. `previous` is the series of the previous footnote's
 * last citation: an "Ibid., vol. …" continues it (and only it; an Ibid after anything else is skipped).
 */
export function treatyCites(note: string, previous: 'UNTS' | 'LNTS' | undefined): TreatyCite[] {
  let series: 'UNTS' | 'LNTS' | undefined;
  if (SERIES_LNTS.test(note)) series = 'LNTS';
  else if (SERIES_UNTS.test(note)) series = 'UNTS';
  else if (IBID.test(note.trim())) series = previous;
  if (!series) return [];
  const out: TreatyCite[] = [];
  for (const re of [UNIT, UNIT_ZH]) {
    re.lastIndex = 0;
    for (const m of note.matchAll(re)) {
      const volumes = numbers(m[1]!, false);
      for (const number of numbers(m[2]!, true)) out.push({ series, number, volumes });
    }
  }
  return out;
}

/** Capitalised head words that start an instrument title, per script. */
const HEAD =
  /(?<!\p{L})(?:Convention|Covenant|Protocol|Agreement|Treaty|Statute|Charter|Constitution|Amendment|Declaration|Accord|Pacte|Protocole|Traité|Statut|Charte|Convención|Convenio|Pacto|Protocolo|Acuerdo|Tratado|Estatuto|Carta|Enmienda|[Кк]онвенци\p{L}*|[Пп]акт\p{L}*|[Пп]ротокол\p{L}*|[Сс]оглашени\p{L}*|[Дд]оговор\p{L}*|[Уу]став\p{L}*|[Сс]татут\p{L}*|[Пп]оправк\p{L}*)(?!\p{L})/u;
const HEAD_AR =
  /(?:^|\s)[وبلف]{0,2}(?:ال)?(?:اتفاقي[ةه]|اتفاق|العهد|عهد|بروتوكول|البروتوكول|معاهد[ةه]|نظام روما|ميثاق|الميثاق|تعديل)/u;

function clean(s: string): string {
  return s
    .replace(/\(\s*\)?\s*$/, '')
    .replace(/[\s,，،;:(]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A title guessed from one anchor (the text before the footnote), or undefined. */
export function titleFromAnchor(anchor: string, lang: Lang): string | undefined {
  // A defined short form after the title ("(the Convention)", "(Конвенция)") is not part of it.
  const a = clean(clean(anchor).replace(/\s*\((?:the |la |el |«)?\p{L}+»?\)$/u, ''));
  if (lang === 'zh') {
    const m = /《([^《》]{2,120})》[^《》]{0,3}$/.exec(a);
    return m?.[1];
  }
  // The last clause: back to ; or : or a comma-segment that does not continue a capitalised title.
  const segs = a.split(/(?<=[,،])\s+/u);
  let clause = '';
  for (let i = segs.length - 1; i >= 0 && i >= segs.length - 4; i--) {
    clause = clause ? `${segs[i]} ${clause}` : segs[i]!;
    const re = lang === 'ar' ? HEAD_AR : HEAD;
    if (re.test(segs[i]!)) break;
  }
  clause = clause.split(/[;:؛]/u).pop() ?? clause;
  const re = lang === 'ar' ? HEAD_AR : HEAD;
  // Russian inflects and lower-cases head words inside titles ("Парижского соглашения"), so the
  // last head word is the safer start there; elsewhere a title starts at the first one.
  let m = re.exec(clause);
  if (m && lang === 'ru') {
    const all = [...clause.matchAll(new RegExp(re.source, 'gu'))];
    m = all[all.length - 1] ?? m;
  }
  if (!m) return undefined;
  let start = m.index + (lang === 'ar' && /^\s/.test(m[0]) ? 1 : 0);
  if (lang !== 'ar') {
    // Take capitalised words just before the head ("International Covenant", "Vienna Convention",
    // "Optional Protocol", "United Nations Convention"), but not a clause verb ("Recalling").
    const before = clause.slice(0, start).split(' ');
    before.pop();
    while (before.length > 0) {
      const w = before[before.length - 1]!;
      if (!/^\p{Lu}/u.test(w) || /(?:ing|ant|ando|endo|я)$/u.test(w) || /[,.;]$/.test(w)) break;
      start -= w.length + 1;
      before.pop();
    }
  }
  const title = clean(
    clause
      .slice(start)
      .replace(/^[وبلف]{1,2}(?=ال|ا)/u, '')
      // A defined short form after the title ("(the Convention)", "(Конвенция)") is not part of it.
      .replace(/\s*\((?:the |la |el |«)?\p{L}+»?\)$/u, ''),
  );
  return title.length >= 8 && title.length <= 300 ? title : undefined;
}

/** The longest word suffix shared by at least half (and two) of the anchors: the title they all end with. */
export function consensusSuffix(anchors: string[]): string | undefined {
  const words = anchors.map((a) => clean(a).split(' ').filter(Boolean));
  const need = Math.max(2, Math.ceil(words.length / 2));
  let best: string[] | undefined;
  for (let k = 1; k <= 40; k++) {
    const counts = new Map<string, number>();
    for (const w of words)
      if (w.length >= k) counts.set(w.slice(-k).join(' '), (counts.get(w.slice(-k).join(' ')) ?? 0) + 1);
    const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    if (!top || top[1] < need) break;
    best = top[0].split(' ');
  }
  return best?.join(' ');
}

/** Picks the title of one registration in one language from its anchors. */
function pickTitle(anchors: string[], lang: Lang): { title?: string; variants: [string, number][] } {
  const counts = new Map<string, number>();
  for (const a of anchors) {
    const t = titleFromAnchor(a, lang);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const variants = [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length);
  let title = variants[0]?.[0];
  if (anchors.length >= 2 && lang !== 'zh') {
    // Several texts attach the same footnote: the words they all end with are the title; the
    // head-word guess only chooses where it starts.
    const suffix = consensusSuffix(anchors);
    if (suffix) {
      const fromSuffix = titleFromAnchor(suffix, lang);
      if (fromSuffix && (!title || title.endsWith(fromSuffix) || fromSuffix.length > title.length / 2))
        title = fromSuffix;
    }
  }
  return { title, variants: variants.slice(0, 5) };
}

const SCRIPT: Partial<Record<Lang, RegExp>> = {
  ru: /[\u0400-\u04ff]/g,
  zh: /[\u3400-\u9fff]/g,
  ar: /[\u0600-\u06ff]/g,
};

/**
 * Whether a text is in the script of its language: a few texts of the export are labelled with
 * the wrong language (French text under `ru`), and would teach French titles as Russian ones.
 */
export function inScript(doc: Pick<AknText, 'preamble' | 'operative'>, lang: Lang): boolean {
  const sample = [...(doc.preamble ?? []), ...(doc.operative ?? [])].join(' ').slice(0, 2000);
  const re = SCRIPT[lang];
  if (!re) return !/[\u0400-\u04ff\u3400-\u9fff\u0600-\u06ff]{20}/.test(sample);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  return (sample.match(re)?.length ?? 0) > letters * 0.3;
}

/** Called for every footnote found, so other miners can reuse the single pass over the texts. */
export type FootnoteVisitor = (doc: AknText, note: string, cites: TreatyCite[]) => void;

/** Footnote citations of registrations per citing document: `[citing, key, language mask, footnotes]`. */
export type TreatyEdgeRow = [string, string, number, number];

const LANG_BIT: Record<Lang, number> = { en: 1, fr: 2, es: 4, ru: 8, zh: 16, ar: 32 };

/**
 * Reads `texts_<lang>.jsonl.gz` under each of {@link TEXT_SETS} in `dir` and returns every Treaty Series
 * registration cited in a footnote, with its volumes and the title it is attached to in each language.
 * When `edges` is given, it also receives one row per (citing document, registration).
 */
export async function mineTreaties(
  dir: string,
  langs: readonly Lang[] = LANGS,
  edges?: TreatyEdgeRow[],
): Promise<MinedTreaty[]> {
  const edgeMap = new Map<string, TreatyEdgeRow>();
  const anchors = new Map<string, Map<Lang, string[]>>();
  // Per instrument (`key|v1,v2`): anchors by language and citing texts.
  const instAnchors = new Map<string, Map<Lang, string[]>>();
  const instTexts = new Map<string, number>();
  const volumes = new Map<string, Set<number>>();
  const citedIn = new Map<string, Set<string>>();
  const texts = new Map<string, number>();
  for (const lang of langs) {
    for (const set of TEXT_SETS) {
      const file = join(dir, `${set}/texts_${lang}.jsonl.gz`);
      if (!existsSync(file)) continue;
      for await (const doc of readJsonlGz<AknText>(file)) {
        if (!inScript(doc, lang)) continue;
        const citing = textKey(doc.symbol);
        let previous: 'UNTS' | 'LNTS' | undefined;
        const seenHere = new Set<string>();
        const seenInst = new Set<string>();
        for (const para of [...splitFootnotes(doc.preamble ?? []), ...splitFootnotes(doc.operative ?? [])]) {
          let prevEnd = 0;
          for (const note of para.notes) {
            const cites = treatyCites(note.text, previous);
            const anchor = para.text.slice(prevEnd, note.start);
            prevEnd = note.end;
            if (cites.length === 0) {
              // A footnote that is not a Treaty Series citation breaks an Ibid chain.
              previous = undefined;
              continue;
            }
            previous = cites[cites.length - 1]!.series;
            const keys = new Set(
              cites.map((c) => (c.series === 'UNTS' ? `UNTS I-${c.number}` : `LNTS ${c.number}`)),
            );
            for (const c of cites) {
              const key = c.series === 'UNTS' ? `UNTS I-${c.number}` : `LNTS ${c.number}`;
              const vs = volumes.get(key) ?? new Set<number>();
              for (const v of c.volumes) vs.add(v);
              volumes.set(key, vs);
              const inst = `${key}|${c.volumes.join(',')}`;
              if (c.volumes.length > 0 && !seenInst.has(inst)) {
                seenInst.add(inst);
                instTexts.set(inst, (instTexts.get(inst) ?? 0) + 1);
              }
              const edgeId = `${citing}\u0000${key}`;
              const edge = edgeMap.get(edgeId) ?? [citing, key, 0, 0];
              edge[2] |= LANG_BIT[lang];
              edge[3]++;
              edgeMap.set(edgeId, edge);
              const ci = citedIn.get(key) ?? new Set<string>();
              ci.add(citing);
              citedIn.set(key, ci);
              if (!seenHere.has(key)) {
                seenHere.add(key);
                texts.set(key, (texts.get(key) ?? 0) + 1);
              }
            }
            // One registration per footnote: then the anchor names it. A footnote listing several
            // treaties cannot say which title is which.
            if (keys.size === 1) {
              const key = [...keys][0]!;
              const byLang = anchors.get(key) ?? new Map<Lang, string[]>();
              const list = byLang.get(lang) ?? [];
              list.push(anchor.slice(-400));
              byLang.set(lang, list);
              anchors.set(key, byLang);
              // And the instrument its volumes name, when the footnote cites one volume list.
              const vols = new Set(cites.map((c) => c.volumes.join(',')));
              if (vols.size === 1 && cites[0]!.volumes.length > 0) {
                const inst = `${key}|${[...vols][0]}`;
                const il = instAnchors.get(inst) ?? new Map<Lang, string[]>();
                il.set(lang, [...(il.get(lang) ?? []), anchor.slice(-400)]);
                instAnchors.set(inst, il);
              }
            }
          }
        }
      }
    }
  }
  if (edges)
    edges.push(...[...edgeMap.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])));
  const out: MinedTreaty[] = [];
  for (const [key, vs] of volumes) {
    const titles: Partial<Record<Lang, string>> = {};
    const variants: Partial<Record<Lang, [string, number][]>> = {};
    for (const [lang, list] of anchors.get(key) ?? []) {
      const picked = pickTitle(list, lang);
      if (picked.title) titles[lang] = picked.title;
      if (picked.variants.length > 0) variants[lang] = picked.variants;
    }
    const instruments: MinedInstrument[] = [];
    for (const [inst, n] of instTexts) {
      const [k, list] = inst.split('|') as [string, string];
      if (k !== key) continue;
      const ititles: Partial<Record<Lang, string>> = {};
      for (const [lang, al] of instAnchors.get(inst) ?? []) {
        const picked = pickTitle(al, lang);
        if (picked.title) ititles[lang] = picked.title;
      }
      instruments.push({ volumes: list.split(',').map(Number), titles: ititles, citations: n });
    }
    instruments.sort((a, b) => a.volumes[0]! - b.volumes[0]! || a.volumes.length - b.volumes.length);
    out.push({
      key,
      volumes: [...vs].sort((a, b) => a - b),
      instruments,
      titles,
      variants,
      citations: texts.get(key) ?? 0,
      citedIn: [...(citedIn.get(key) ?? [])].sort().slice(0, 5),
    });
  }
  return out.sort((a, b) => b.citations - a.citations || a.key.localeCompare(b.key));
}

/**
 * The instrument a treaty's own title belongs to: the one holding the volume the Treaty Series registered the
 * treaty in (`registered`, from untc-registrations), else the lowest volume cited (a treaty is registered
 * before the protocols later registered under its number). Undefined when the footnotes cite only
 * protocols of a treaty whose own volume is known.
 */
export function treatyItself(t: MinedTreaty, registered?: readonly number[]): MinedInstrument | undefined {
  if (registered && registered.length > 0)
    return t.instruments.find((i) => i.volumes.some((v) => registered.includes(v)));
  return t.instruments[0];
}

/**
 * The mined treaties as gazetteer entries (`{key, name, titles}`) for the instruments helper: a key names the
 * treaty itself, so only the titles of the treaty's own instrument ({@link treatyItself}) go with it; a
 * protocol named on a page is not its parent treaty.
 */
export function treatyGazetteer(
  treaties: MinedTreaty[],
  registered: ReadonlyMap<string, readonly number[]> = new Map(),
): { key: string; name: string; titles: Partial<Record<Lang, string[]>> }[] {
  return treaties.flatMap((t) => {
    const titles = treatyItself(t, registered.get(t.key))?.titles ?? {};
    if (!titles.en && Object.keys(titles).length < 2) return [];
    return [
      {
        key: t.key,
        name: titles.en ?? Object.values(titles)[0]!,
        titles: Object.fromEntries(Object.entries(titles).map(([l, v]) => [l, [v]])) as Partial<
          Record<Lang, string[]>
        >,
      },
    ];
  });
}
