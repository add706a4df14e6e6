/**
 * Mines instrument titles -> keys from the six-language UN resolution texts
 * (`data/unxml-akn4un/texts_<lang>.jsonl.gz`, where footnote text is inlined right after the
 * words it annotates and repeated as its own paragraph).
 *
 * (a) A footnote that is exactly one citation ("United Nations, Treaty Series, vol. 1577,
 *     No. 27531." / "Resolution 70/1." / "第69/313号决议，附件。") keys the title just before its
 *     marker. The title's start is where the contexts of the same key stop agreeing (counted over
 *     distinct resolutions), trimmed to its first capitalised word (Arabic: its head word);
 *     Chinese titles are the 《…》 just before the marker.
 * (b) The footnote key already points at the instrument, not at its adopting resolution, when it
 *     is a Treaty Series number and volume: the treaty itself when the volume is the treaty's own (its
 *     registration's, else the lowest volume cited under the number), else the protocol or amendment
 *     registered under the same number in that volume (`UNTS I-14668` vol. 1642, the Second Optional
 *     Protocol to the ICCPR: an entry with `volume`), so a protocol's name never names its treaty;
 *     resolution keys are kept only for heads that the GA adopts as an
 *     annex (declarations, agendas, programmes, compacts, frameworks, principles, rules ...),
 *     so a treaty's adopting resolution never becomes the treaty's key.
 * Precision first: a wrong title -> key pair would mark every page, so candidates need
 * `minDocs` distinct resolutions, a head word, a specific (non-generic) word, and pass a
 * reviewed deny list of short forms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type GazetteerEntry, instrumentId } from '../../src/core/instruments/gazetteer.ts';
import { headWordOf } from '../../src/core/instruments/matcher.ts';
import type { Lang } from '../../src/core/mention.ts';
import { LANGS } from '../../src/core/mention.ts';
import { untsRegistrations } from './source-tables.ts';

export interface MineOptions {
  /** Distinct resolutions that must cite a title with the same footnote (default 2). */
  minDocs?: number;
  /** Languages to mine (default all six). */
  langs?: Lang[];
}

interface Record_ {
  symbol: string;
  preamble: string[];
  operative: string[];
}

const ROMAN = '[IVXL]+|S-[IVX]+|ES-[IVX]+';
const RES_NUM = `(\\d{1,3}\\/\\d{1,3}|\\d{1,4}\\s*[A-Z]?\\s*\\((?:${ROMAN})\\))`;
const ANNEX = '(?:annex|annexe|anexo|приложение)(?:\\s+[IVX]+)?';
const RES_FOOT = new RegExp(
  `^(?:Resolution|Résolution|Resolución|Резолюция)\\s+${RES_NUM}(?:,\\s*${ANNEX})?\\.?$`,
);
const RES_FOOT_ZH = new RegExp(`^第${RES_NUM}号决议(?:，附件[一二三四五]?)?。?$`);
const RES_FOOT_AR = new RegExp(`^القرار\\s+${RES_NUM}(?:،\\s*المرفق(?:\\s+\\S+)?)?\\.?$`);
const UNTS_FOOT =
  /^(?:United Nations|Nations Unies|Naciones Unidas),\s*(?:Treaty Series|Recueil des Traités),\s*vols?\.\s*[\d]+(?:(?:,\s*|\s+(?:and|et|y)\s+)\d+)*,\s*(?:No\.|no|n°|núm\.)\s*(\d+)\.?$/;
const UNTS_FOOT_ZH = /^联合国，《条约汇编》，第[\d、和]+卷，第(\d+)号。?$/;
/** "Ibid., vol. 1522, No. 26369.": only the Treaty Series is cited by volume and number. */
const UNTS_IBID =
  /^(?:Ibid\.?|Ibíd\.|Там же|同上|المرجع نفسه)\s*[,，،]\s*(?:vols?\.\s*\d+(?:(?:,\s*|\s+(?:and|et|y)\s+)\d+)*|т\.\s*\d+|第[\d、和]+卷|المجلد\s*\d+)\s*[,，،]\s*(?:No\.|no|n°|núm\.|№|第|الرقم)\s*(\d+)号?[.。]?$/;

/** Resolution key from a footnote number ("70/1", "217 A (III)"). */
function resKey(num: string): string {
  const old = /^(\d+)\s*[A-Z]?\s*\((.+)\)$/.exec(num);
  return old ? `A/RES/${old[1]}(${old[2]})` : `A/RES/${num}`;
}

/** What a footnote that is exactly one citation cites: a key, and for the Treaty Series the volumes. */
export interface FootnoteCitation {
  key: string;
  /** Treaty Series volumes cited ("vols. 1577, 2171 and 2173"), in the footnote's order. */
  volumes?: number[];
}

/** The citation a footnote gives when it is exactly one, else null. */
export function footnoteCitation(foot: string): FootnoteCitation | null {
  const f = foot
    .replace(/^\(\)\s*/, '')
    .replace(/[\u200f\u200e]/g, '')
    .trim();
  let m = UNTS_FOOT.exec(f) ?? UNTS_FOOT_ZH.exec(f) ?? UNTS_IBID.exec(f);
  if (m) {
    // The patterns hold no digits but the volumes' and, last, the number's.
    const volumes = (f.match(/\d+/g) ?? []).slice(0, -1).map(Number);
    return { key: `UNTS I-${m[1]}`, volumes };
  }
  m = RES_FOOT.exec(f) ?? RES_FOOT_ZH.exec(f) ?? RES_FOOT_AR.exec(f);
  if (m) return { key: resKey(m[1]!) };
  return null;
}

/** The key a footnote gives when it is exactly one citation, else null. */
export function footnoteKey(foot: string): string | null {
  return footnoteCitation(foot)?.key ?? null;
}

/** One instrument a mined title names: a key, and the volume of a protocol registered under a treaty's number. */
interface Named {
  key: string;
  volume?: number;
}

/**
 * The instrument a Treaty Series citation's volumes name, as the index resolves it (src/core/index
 * `resolveInstrument`): the treaty itself when every volume cited is one of its own (`own`: the registration's
 * volumes, else the lowest volume cited under the number); a protocol or amendment when one later volume is
 * cited; null for anything else (a list of several instruments, "vols. 1577, 2171 and 2173", or a volume older
 * than the treaty's, a misprint), since a title there cannot be told to be one instrument's.
 */
export function namedInstrument(
  key: string,
  volumes: readonly number[],
  own: readonly number[],
): Named | null {
  if (volumes.length === 0) return null;
  if (volumes.every((v) => own.includes(v))) return { key };
  if (volumes.length === 1 && volumes[0]! > Math.max(0, ...own)) return { key, volume: volumes[0]! };
  return null;
}

/**
 * Heads the GA adopts in a resolution or its annex: a resolution key names the instrument. Not the lexicon's
 * list (src/core/instruments/lexicon.ts `HEADS`) again: a subset of it, spelt as `headWordOf` returns its heads,
 * without the treaties' heads (convention, covenant, protocol, treaty …), whose adopting resolution is not the
 * treaty's key (Arabic 'ميثاق' stays: it is also the Global Compact's head).
 */
const RES_HEADS = new Set([
  'declaration',
  'agenda',
  'programme',
  'program',
  'framework',
  'compact',
  'strategy',
  'principles',
  'rules',
  'plan',
  'platform',
  'consensus',
  'guidelines',
  'standards',
  'outcome',
  'commitment',
  'commitments',
  'déclaration',
  'cadre',
  'stratégie',
  'principes',
  'règles',
  'plateforme',
  'plate',
  'lignes',
  'document',
  'engagement',
  'engagements',
  'ensemble',
  'declaración',
  'programa',
  'marco',
  'estrategia',
  'principios',
  'reglas',
  'plataforma',
  'consenso',
  'directrices',
  'documento',
  'compromiso',
  'compromisos',
  'деклараци',
  'программ',
  'повестк',
  'рамк',
  'стратеги',
  'принцип',
  'правил',
  'план',
  'платформ',
  'консенсус',
  'руководящ',
  'документ',
  'обязательств',
  'اعلان',
  'الاعلان',
  'خطة',
  'برنامج',
  'اطار',
  'استراتيجية',
  'الاستراتيجية',
  'المبادئ',
  'مبادئ',
  'القواعد',
  'قواعد',
  'منهاج',
  'توافق',
  'الوثيقة',
  'وثيقة',
  'الميثاق',
  'ميثاق',
  '《',
]);

/** Words that make no title specific on their own ("Optional Protocol", "Political Declaration"). */
const GENERIC = new Set(
  `optional protocol protocols convention conventions declaration agreement covenant international united nations
  programme action agenda plan political framework global compact charter statute treaty principles rules
  strategy outcome document new the of on and for to a an in with by relating concerning regarding against
  protocole facultatif pacte accord déclaration programme d'action cadre mondial politique la le les de des du
  et à au aux relatif relative relatifs nations unies internationale international protocolo facultativo
  convención pacto acuerdo declaración programa acción agenda marco mundial política el los las del y en
  sobre contra naciones unidas internacional`.split(/\s+/),
);

/**
 * Reviewed short forms and misreadings that the statistics would keep (they are followed by a
 * footnote often enough) but that the spec does not count as full titles.
 */
const DENY = new Set([
  '《任择议定书》',
  '《第一附加议定书》',
  '《第二附加议定书》',
  '《2030年议程》',
  '《维也纳宣言》',
  '《国际人权两公约》',
  '《关于通过东南亚国家联盟人权宣言的金边声明》',
  '《多哈宣言》',
  '《进展宣言》',
  '《巴黎原则》',
  'Déclaration de Doha',
  'إعلان وبرنامج عمل ديربان',
  'إعلان الفترة 2019-2028 عقدا للأمم المتحدة للزراعة الأسرية',
  'إعلان مجدد لتحقيق الازدهار القادر على الصمود',
  '《美洲和加勒比区域执行2015-2030年仙台减少灾害风险框架行动计划》',
  '《阿拉木图行动纲领：在内陆和过境发展中国家过境运输合作全球新框架下解决内陆发展中国家的特别需要》',
  'إطار سِنداي',
  '2030 Agenda',
  'Doha Programme of Action',
  'Istanbul Programme of Action',
  'Vienna Programme of Action',
  'Programme d’action de Doha',
  'Programme de 2030',
  'Agenda 2030',
  'Programa de Acción de Doha',
]);

const LOWER_START = /^[a-zà-ÿа-яё]/;
const ELISION = /^(?:l|d|qu)['’]/i;
const AR_PRO = /^(?:[وف]?[بلك]|[وف])(?=ال|ا|إ|أ)/;

function normWord(w: string, lang: Lang): string {
  let x = w.toLowerCase().replace(/[’]/g, "'");
  if (lang === 'fr') x = x.replace(ELISION, '');
  if (lang === 'ar')
    x = x
      .replace(/[أإآ]/g, 'ا')
      .replace(/^[وف]?لل(?=\S{2})/, 'ال')
      .replace(AR_PRO, '');
  if (lang === 'ru')
    x = x.replace(
      /(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ые|ие|ый|ий|ой|ей|ую|ым|им|ом|ем|ых|их|ия|ии|ию|а|я|о|е|ы|и|у|ю|й)$/,
      '',
    );
  return x;
}

interface Node {
  docs: Set<string>;
  /** surface word -> count, to pick the usual spelling. */
  forms: Map<string, number>;
  kids: Map<string, Node>;
}

/** The value under `key`, created by `make` when absent. */
function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

const newNode = (): Node => ({ docs: new Set(), forms: new Map(), kids: new Map() });

/** Walks the reversed-word trie of one key and language; yields maximal agreed suffixes. */
function suffixes(root: Node, minDocs: number): string[][] {
  const out: string[][] = [];
  for (const first of root.kids.values()) {
    if (first.docs.size < minDocs) continue;
    const words: string[] = [];
    let node = first;
    for (;;) {
      words.push(bestForm(node));
      let next: Node | null = null;
      let nextKey = '';
      for (const [k, kid] of node.kids) {
        if (!next || kid.docs.size > next.docs.size) {
          next = kid;
          nextKey = k;
        }
      }
      // Extend while most contexts agree on the previous word (never across a paragraph start).
      if (!next || nextKey.startsWith('\u0002') || next.docs.size < Math.max(minDocs, node.docs.size * 0.5))
        break;
      node = next;
      if (words.length > 30) break;
    }
    out.push(words.reverse());
  }
  return out;
}

function bestForm(n: Node): string {
  let best = '';
  let c = -1;
  for (const [f, k] of n.forms) {
    if (k > c) {
      best = f;
      c = k;
    }
  }
  return best;
}

const RU_ADJ = /(?:ая|яя|ой|ый|ий|ую|юю|ое|ее|ые|ие|ых|их|ей|ого|его|ому|ему|ым|им|ыми|ими|ом|ем)$/;
/** Lower-case articles that open the next item of a list inside a candidate. */
const LIST_SEP = /[,،]\s+(?:the|la|le|les|l['’]|el|los|las|and|et|y|и|a|an|à|au|aux|al)\s/i;

/**
 * Trims a candidate (the agreed words before a footnote) to a title: it starts at a head word
 * (or the capitalised modifiers just before it: "Paris Agreement", "Всеобщую декларацию") and
 * must not span a list ("the Charter ..., the Universal Declaration ...").
 */
function trimTitle(words: string[], lang: Lang): string | null {
  const w = [...words];
  // The last word may carry the punctuation that preceded the footnote marker.
  if (w.length) w[w.length - 1] = w[w.length - 1]!.replace(/[,;:.،؛]+$/, '');
  const isHead = (x: string) => {
    if (lang === 'ar') return !x.startsWith('و') && headWordOf(x.replace(AR_PRO, ''), 'ar') !== null;
    return headWordOf(lang === 'fr' ? x.replace(ELISION, '') : x, lang) !== null;
  };
  const heads: number[] = [];
  for (let i = 0; i < w.length; i++) if (isHead(w[i]!)) heads.push(i);
  if (lang === 'ar') heads.reverse();
  for (const h of heads) {
    let start = h;
    if (lang !== 'ar') {
      const max = lang === 'ru' ? 3 : 4;
      while (start > 0 && h - start < max) {
        const prev = w[start - 1]!;
        if (/[,;:،؛]$/.test(prev)) break;
        const cap = /^[\p{Lu}\d]/u.test(prev);
        if (cap || (lang === 'ru' && RU_ADJ.test(prev))) start--;
        else break;
      }
      while (start < h && LOWER_START.test(w[start]!)) start++;
      // "36 Венской конвенции" (article 36), "IV Договора": numbers that end a reference.
      while (start < h && (/^[IVXLC]+$/.test(w[start]!) || (lang === 'ru' && /^\d+$/.test(w[start]!))))
        start++;
    }
    const t = w.slice(start);
    if (lang === 'ar') t[0] = t[0]!.replace(AR_PRO, '');
    if (lang === 'fr' && ELISION.test(t[0]!)) t[0] = t[0]!.replace(ELISION, '');
    const title = t.join(' ').trim();
    if (!title || LIST_SEP.test(title)) continue;
    if (lang !== 'ar' && LOWER_START.test(title)) continue;
    // Title-case languages end a title on a capitalised word or a number ("... of the Child").
    if ((lang === 'en' || lang === 'es') && !/^[\p{Lu}\d]/u.test(t[t.length - 1]!)) continue;
    return title;
  }
  return null;
}

function specific(title: string): boolean {
  return title
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s,]+/)
    .some((x) => x.length > 1 && !GENERIC.has(x) && !GENERIC.has(x.replace(ELISION, '')));
}

/** Reads one language's records. */
function readTexts(dir: string, lang: Lang): Record_[] {
  const raw = gunzipSync(readFileSync(join(dir, 'unxml-akn4un', `texts_${lang}.jsonl.gz`))).toString('utf8');
  const out: Record_[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record_;
    out.push({ symbol: r.symbol, preamble: r.preamble ?? [], operative: r.operative ?? [] });
  }
  return out;
}

/**
 * Mines title variants -> key from `sharedDataDir` (the folder holding `unxml-akn4un/`).
 * @returns entries keyed `UNTS I-n` or `A/RES/...`, titles per language, sorted by key
 */
export function mineGazetteer(sharedDataDir: string, options: MineOptions = {}): GazetteerEntry[] {
  const minDocs = options.minDocs ?? 2;
  const langs = options.langs ?? [...LANGS];
  // key -> lang -> title -> docs
  const found = new Map<string, Map<Lang, Map<string, Set<string>>>>();
  const add = (key: string, lang: Lang, title: string, docs: Iterable<string>) => {
    const byLang = getOr(found, key, () => new Map<Lang, Map<string, Set<string>>>());
    const byTitle = getOr(byLang, lang, () => new Map<string, Set<string>>());
    const d = getOr(byTitle, title, () => new Set<string>());
    for (const x of docs) d.add(x);
  };

  /** The lowest volume cited alone under each Treaty Series number (its own, when no registration is known). */
  const lowest = new Map<string, number>();
  for (const lang of langs) {
    const tries = new Map<string, Node>();
    const contexts = new Map<string, { words: string[]; doc: string }[]>();
    const zh = new Map<string, Map<string, Set<string>>>();
    for (const rec of readTexts(sharedDataDir, lang)) {
      const paras = [...rec.preamble, ...rec.operative];
      for (let i = 0; i < paras.length; i++) {
        const p = paras[i]!;
        for (let j = i + 1; j < paras.length; j++) {
          const foot = paras[j]!;
          const at = p.indexOf(foot);
          if (at < 0) break; // footnote paragraphs follow the paragraph that inlines them
          const cited = footnoteCitation(foot);
          if (!cited) continue;
          // A Treaty Series citation is mined per volume list; the lists are resolved to instruments below.
          const key = cited.volumes ? `${cited.key}\t${cited.volumes.join(',')}` : cited.key;
          if (cited.volumes?.length === 1) {
            const low = lowest.get(cited.key);
            if (low === undefined || cited.volumes[0]! < low) lowest.set(cited.key, cited.volumes[0]!);
          }
          const left = p.slice(0, at).replace(/[\s(]+$/, '');
          if (lang === 'zh') {
            const t = lastBracketed(left.replace(/[，、；。\s]+$/, ''));
            if (t) {
              getOr(
                getOr(zh, key, () => new Map<string, Set<string>>()),
                t,
                () => new Set<string>(),
              ).add(rec.symbol);
            }
            continue;
          }
          const words = left.split(/\s+/).filter(Boolean).slice(-30);
          const startsPara = words.length < 30;
          getOr(contexts, key, () => []).push({ words, doc: rec.symbol });
          let node = getOr(tries, key, newNode);
          for (let k = words.length - 1; k >= -1; k--) {
            if (k < 0 && !startsPara) break;
            const surface = k < 0 ? '\u0002' : words[k]!;
            let nk =
              k < 0
                ? '\u0002'
                : normWord(k === words.length - 1 ? surface.replace(/[,;:.،؛]+$/, '') : surface, lang);
            // The paragraph's first word ("Recalling", "Rappelant") never belongs to a title.
            if (k === 0 && startsPara) nk = `\u0002${nk}`;
            const kid = getOr(node.kids, nk, newNode);
            kid.docs.add(rec.symbol);
            kid.forms.set(surface, (kid.forms.get(surface) ?? 0) + 1);
            node = kid;
          }
        }
      }
    }
    for (const [key, m] of zh) for (const [t, d] of m) if (d.size >= minDocs) add(key, lang, t, d);
    for (const [key, root] of tries) {
      for (const words of suffixes(root, minDocs)) {
        const t = trimTitle(words, lang);
        if (!t) continue;
        // Docs that cite it, and how many different lead-ins they use: a paragraph copied from
        // year to year gives one lead-in however many resolutions repeat it.
        const n = t.split(/\s+/).length;
        const want = t
          .split(/\s+/)
          .map((x) => normWord(x, lang))
          .join(' ');
        const docs = new Set<string>();
        const leads = new Set<string>();
        for (const c of contexts.get(key) ?? []) {
          const tail = c.words.slice(-n);
          if (tail.length < n) continue;
          tail[n - 1] = tail[n - 1]!.replace(/[,;:.،؛]+$/, '');
          if (tail.map((x) => normWord(x, lang)).join(' ') !== want) continue;
          docs.add(c.doc);
          leads.add(
            c.words
              .slice(-n - 3, -n)
              .join(' ')
              .toLowerCase(),
          );
        }
        if (leads.size >= 2) add(key, lang, t, docs);
      }
    }
  }

  // Volume lists → instruments: the treaty's own volume(s) name the treaty, a later one its protocol.
  const registrations = join(sharedDataDir, 'untc-registrations/registrations.csv');
  const ownVolumes = new Map(
    existsSync(registrations)
      ? untsRegistrations(sharedDataDir).flatMap(([k, v]) => (v.length > 0 ? [[k, v] as const] : []))
      : [],
  );
  const named = new Map<string, Named>();
  for (const [mined, byLang] of [...found]) {
    const [key, list] = mined.split('\t') as [string, string | undefined];
    if (list === undefined) {
      named.set(mined, { key });
      continue;
    }
    found.delete(mined);
    const low = lowest.get(key);
    const inst = namedInstrument(key, list.split(',').map(Number), ownVolumes.get(key) ?? (low ? [low] : []));
    if (!inst) continue;
    const id = instrumentId(inst);
    named.set(id, inst);
    for (const [lang, byTitle] of byLang)
      for (const [t, docs] of byTitle) for (const d of docs) add(id, lang, t, [d]);
  }

  // A title keyed two ways (a footnote sometimes cites the adopting resolution, or sits after a
  // list of titles): keep the key most resolutions give, only when it clearly dominates.
  const owners = new Map<string, { key: string; n: number; t: string }[]>();
  for (const [key, byLang] of found) {
    for (const [lang, byTitle] of byLang) {
      for (const [t, docs] of byTitle) {
        const id = `${lang}\t${t
          .split(/\s+/)
          .map((x) => normWord(x, lang))
          .join(' ')}`;
        const list = owners.get(id) ?? [];
        list.push({ key, n: docs.size, t });
        owners.set(id, list);
      }
    }
  }
  for (const [id, list] of owners) {
    if (list.length < 2) continue;
    list.sort((a, b) => b.n - a.n);
    const keep = list[0]!.n >= 2 * list[1]!.n ? list[0]!.key : null;
    const lang = id.split('\t')[0] as Lang;
    for (const { key, t } of list) if (key !== keep) found.get(key)?.get(lang)?.delete(t);
  }

  const entries: GazetteerEntry[] = [];
  for (const [id, byLang] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
    const { key, volume } = named.get(id) ?? { key: id };
    const titles: GazetteerEntry['titles'] = {};
    let name = '';
    const enWords = Math.max(0, ...[...(byLang.get('en')?.keys() ?? [])].map((t) => t.split(/\s+/).length));
    for (const lang of LANGS) {
      const list: string[] = [];
      for (const [t, docs] of byLang.get(lang) ?? []) {
        if (docs.size < minDocs || !acceptable(t, lang, key)) continue;
        // Under a protocol's volume, only a title that names a protocol or amendment (not its treaty's name,
        // which a trimmed "Optional Protocol to the Convention …" can leave).
        if (volume && !PROTOCOL_WORD.test(t)) continue;
        // Far longer than the English title of the same instrument: a clause, not a title.
        if (enWords >= 4 && lang !== 'zh' && t.split(/\s+/).length > enWords * 2 + 3) continue;
        list.push(t);
      }
      if (list.length) titles[lang] = list.sort();
      if (lang === 'en' && list.length) name = list.reduce((a, b) => (b.length > a.length ? b : a));
    }
    if (!Object.keys(titles).length) continue;
    entries.push({ key, name: name || Object.values(titles)[0]![0]!, titles, ...(volume ? { volume } : {}) });
  }
  return entries;
}

/** The last 《…》 (nesting-aware) that ends the string, or null. */
function lastBracketed(s: string): string | null {
  if (!s.endsWith('》')) return null;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === '》') depth++;
    else if (c === '《' && --depth === 0) return s.slice(i);
  }
  return null;
}

/** Dates, participles, symbols, quotes and inlined footnote debris never belong to a title. */
const DEBRIS =
  /[()/;“”«»"„]|\b(?:See|Voir|Véase|См\.|Resolution|Résolution|Resolución|Резолюция|Treaty Series|Recueil des Traités|Сборник договоров|добавил\S*|призвал\S*|постановил\S*|adopted|also known|también conocid[oa]|connue? sous|adopt[ée]e?s?|Ibid|aprobad[oa]s?|approuvée?s?|принят\S*|signed|signée?)\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|,\s+(?:of|de|du|от)\s+\d{4}|اعتمدت|\d+年\d+月|الموقع|المعتمد|المؤرخ/i;

/** A protocol's or amendment's head word, in the six languages (Russian and Arabic in any case form). */
export const PROTOCOL_WORD =
  /protocol|amendment|amendement|enmienda|протокол|поправк|议定书|修正|بروتوكول|تعديل/i;

function acceptable(title: string, lang: Lang, key: string): boolean {
  if (DENY.has(title) || DEBRIS.test(title)) return false;
  const head = headWordOf(title, lang);
  if (!head) return false;
  // A resolution key names the instrument only for heads the GA adopts as text of a resolution.
  if (key.startsWith('A/RES/') && !RES_HEADS.has(head)) return false;
  if (lang === 'zh')
    return title.length >= 6 && !(key.startsWith('A/RES/') && /(?:公约|条约|协定|议定书)》$/.test(title));
  const words = title.split(/\s+/);
  if (words.length < 2 || title.length < 10 || words.length > 40) return false;
  if (lang === 'ar') return words.length >= 2;
  return specific(title);
}
