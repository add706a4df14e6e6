/**
 * Compiling a gazetteer: each title is tokenized and put into a token trie under its anchor word, and
 * the anchors become the regexes and lookup tables the scan checks words against.
 */
import { LANGS, type Lang } from '../mention.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import { CJK_RE, COMMON, ruStem, ruStemCased, ZH_OPENERS_SOURCE } from './lexicon.ts';
import { tokenize } from './tokens.ts';

/** One title of one entry in one language, as compiled. */
export interface Title {
  entry: GazetteerEntry;
  lang: Lang;
  toks: string[];
  /** For Russian leading words (up to the head noun): stems; compare inflected forms by stem. */
  stems: (string | null)[];
  /** Index of the anchor token. */
  anchor: number;
}

/** A node of an anchor's token trie: the titles sharing the anchor, token by token after it. */
export interface TokNode {
  kids: Map<string, TokNode>;
  /** The keys of `kids`, as an array: iterated on every walk's last step, where a Map iterator allocates. */
  kidKeys: string[];
  /** Titles whose last token is this node's. */
  ends: Title[];
}

const newNode = (): TokNode => ({ kids: new Map(), kidKeys: [], ends: [] });

/** Rolling hash of text[start, end) with Arabic letter forms folded (as anchors are); `seed` is the
 * hash of a letter to put before the slice (an article's elided alef). */
export function hashOf(text: string, start: number, end: number, seed = 0): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x623 || c === 0x625 || c === 0x622 || c === 0x671) c = 0x627;
    else if (c === 0x649) c = 0x64a;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/** Rolling hash of `s` read backwards (as the scan loop reads a word). */
function revHashOf(s: string): number {
  let h = 0;
  for (let i = s.length - 1; i >= 0; i--) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** True when some prefix (3+ letters) of text[start, end) hashes like an anchor. */
export function prefixHit(
  bits: Uint8Array,
  hashes: Set<number>,
  text: string,
  start: number,
  end: number,
): boolean {
  let h = 0;
  for (let i = start; i < end; i++) {
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    if (i - start >= 2 && bits[h & 0xffff] !== 0 && hashes.has(h)) return true;
  }
  return false;
}

/** A compiled gazetteer: the anchors' tries, and what the scan checks a candidate word against. */
export interface Compiled {
  /** Each anchor's token trie (key: the anchor word; Russian: its stem; Chinese: 《 and the first character). */
  byAnchor: Map<string, TokNode>;
  /** Number of titles compiled (all languages). */
  size: number;
  /** Whether any title was compiled at all. */
  anyAnchor: boolean;
  /** Hashes of the anchors ({@link hashOf}), and of the anchors read backwards. */
  hashes: Set<number>;
  revHashes: Set<number>;
  /** 1 where some anchor hash has these low 16 bits: most words are rejected by one array read. */
  hashBits: Uint8Array;
  revHashBits: Uint8Array;
  /** 1 for a character some anchor starts with (with its Arabic variants and proclitics). */
  firstTable: Uint8Array;
  /** 1 for the first character of some Chinese title. */
  zhFirst: Uint8Array;
  /** The Latin anchors' alternation ('' when none). */
  latinSource: string;
  /** The other scripts' anchor scans, each run only when the text has a letter of its script. */
  scans: { source: string; present: (text: string) => boolean }[];
}

/**
 * Compiles gazetteer entries into the tables the scan reads. Entries whose key starts with `block:` are matched
 * (so that longest match lets them swallow the titles they contain) but never reported.
 *
 * Each title is indexed under one anchor: its first capitalised, not too common word (Russian:
 * that word's stem, since titles decline), its first word in Arabic (proclitics may precede it),
 * or 《 in Chinese. All anchors form one case-sensitive regex shaped as a trie, which the regex
 * engine scans in native code; the rest runs only where an anchor was found.
 */
export function compile(entries: GazetteerEntry[]): Compiled {
  const byAnchor = new Map<string, TokNode>();
  let size = 0;

  for (const entry of entries) {
    for (const lang of LANGS) {
      for (let raw of entry.titles[lang] ?? []) {
        raw = raw.trim();
        if (lang === 'zh') {
          if (!raw.startsWith('《')) raw = `《${raw}`;
          if (!raw.endsWith('》')) raw = `${raw}》`;
        }
        const rawToks = tokenize(raw);
        const toks = rawToks.map((t) => t.text);
        if (toks.length < 2) continue;
        const stems: (string | null)[] = toks.map(() => null);
        // Russian titles decline ("Венскую декларацию и Программу действий"): compare the
        // content words by stem; short function words stay exact.
        if (lang === 'ru') {
          for (let i = 0; i < toks.length; i++) {
            if (toks[i]!.length >= 4 && /^[а-яё]+$/.test(toks[i]!)) stems[i] = ruStem(toks[i]!);
          }
        }
        let anchor = 0;
        let key = '《';
        if (lang === 'zh') key = `《${toks[1]}`;
        else if (lang === 'ar') key = toks[0]!;
        else {
          const words = rawToks.map((t, i) => ({ i, w: raw.slice(t.start, t.end) }));
          const caps = words.filter(({ w }) => /^\p{Lu}\p{L}/u.test(w));
          const pick = caps.find(({ w }) => !COMMON.has(w) && !COMMON.has(ruStem(w))) ?? caps[0] ?? words[0]!;
          anchor = pick.i;
          key = lang === 'ru' ? ruStemCased(pick.w) : pick.w;
        }
        // The tokens after the anchor go into a trie under the anchor's key, so the text is
        // walked once per anchor however many titles share it (Russian: declining words by stem;
        // Chinese: the key already holds 《 and the first character).
        const from = lang === 'zh' ? 2 : anchor + 1;
        let node: TokNode | undefined = byAnchor.get(key);
        if (!node) {
          node = newNode();
          byAnchor.set(key, node);
        }
        for (let i = from; i < toks.length; i++) {
          const edge = stems[i] ?? toks[i]!;
          let next: TokNode | undefined = node.kids.get(edge);
          if (!next) {
            next = newNode();
            node.kids.set(edge, next);
            node.kidKeys.push(edge);
          }
          node = next;
        }
        node.ends.push({ entry, lang, toks, stems, anchor });
        size++;
      }
    }
  }

  // One regex holding every anchor (Latin words, Russian stems, folded Arabic words with their
  // letter variants, 《), which the regex engine scans for in native code: on English GA text it
  // stops 15 times less often than a "capital letter" class would. A match is only a candidate:
  // the loop below takes the whole word around it and checks it exactly (hashes, then the map).
  const firsts = new Set<string>();
  const hashes = new Set<number>();
  const revHashes = new Set<number>();
  // Per script: one alternation mixing scripts is several times slower than each alone (measured).
  const alternatives: Record<'latin' | 'cyrillic' | 'arabic' | 'zh', Set<string>> = {
    latin: new Set(),
    cyrillic: new Set(),
    arabic: new Set(),
    zh: new Set(),
  };
  for (const key of byAnchor.keys()) {
    const c = key[0]!;
    firsts.add(c);
    if (c === '\u0627') for (const v of '\u0623\u0625\u0622\u0671') firsts.add(v);
    if (/[\u0600-\u06ff]/.test(c)) for (const v of '\u0648\u0641\u0628\u0644\u0643') firsts.add(v);
    if (c !== '《') hashes.add(hashOf(key, 0, key.length));
    if (c !== '《') revHashes.add(revHashOf(key));
    const code = c.charCodeAt(0);
    const script =
      c === '《' ? 'zh' : code >= 0x600 && code <= 0x6ff ? 'arabic' : code >= 0x400 ? 'cyrillic' : 'latin';
    // "للعهد" holds no "العهد": the anchor without its article's alef finds it (ل + [ا]لعهد).
    const forms = script === 'arabic' && key.startsWith('\u0627\u0644') ? [key, key.slice(1)] : [key];
    for (const form of forms)
      alternatives[script].add(
        (c === '《' ? c : form)
          .replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
          .replace(/\u0627/g, '[\u0627\u0623\u0625\u0622\u0671]')
          .replace(/\u064a/g, '[\u064a\u0649]'),
      );
  }
  // 1 where some anchor hash has these low 16 bits: most words are rejected by one array read
  // before the Set is asked.
  const hashBits = new Uint8Array(65536);
  for (const h of hashes) hashBits[h & 0xffff] = 1;
  const revHashBits = new Uint8Array(65536);
  for (const h of revHashes) revHashBits[h & 0xffff] = 1;
  const firstTable = new Uint8Array(65536);
  for (const c of firsts) firstTable[c.charCodeAt(0)] = 1;
  // First characters of Chinese titles: an opener (":" is frequent) followed by another ideograph is
  // dismissed by one array read, before any token is read.
  const zhFirst = new Uint8Array(65536);
  for (const key of byAnchor.keys()) if (key[0] === '《' && key.length > 1) zhFirst[key.charCodeAt(1)] = 1;
  const alternation = (set: Set<string>) =>
    [...set].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).join('|');
  /** The anchor scans a text needs: the other scripts' only when it has a letter of theirs (one class scan). */
  const scans: { source: string; present: (text: string) => boolean }[] = [
    { source: alternation(alternatives.cyrillic), present: (t: string) => /[\u0400-\u04ff]/.test(t) },
    { source: alternation(alternatives.arabic), present: (t: string) => /[\u0600-\u06ff]/.test(t) },
    // Chinese titles are quoted with 《》, but also with “”, 〈〉 or <> (inside another title or a
    // resolution's quoted title), or follow the colon of a quoted title ("“变革我们的世界：2030年…”").
    { source: alternatives.zh.size ? ZH_OPENERS_SOURCE : '', present: (t: string) => CJK_RE.test(t) },
  ].filter((x) => x.source !== '');
  const latinSource = alternation(alternatives.latin);
  return {
    byAnchor,
    size,
    anyAnchor: firsts.size > 0,
    hashes,
    revHashes,
    hashBits,
    revHashBits,
    firstTable,
    zhFirst,
    latinSource,
    scans,
  };
}
