/**
 * Finds instruments named by their full title ("Universal Declaration of Human Rights",
 * "Convention relative aux droits de l'enfant", 《联合国打击跨国有组织犯罪公约》, "اتفاقية حقوق الطفل").
 *
 * Why an anchor design: every title is indexed under one anchor word (its first capitalised,
 * not too common word; Russian: that word's stem; Arabic: its first word, also after "لل" where
 * the article's alef is elided; Chinese: 《 and the first character, the other openers “ 〈 < 「 and
 * the colon of a quoted title standing in for 《). One regex pass that starts with a character class finds candidate words in
 * native code; a hash of each word is checked against the anchors, and only at a real anchor is
 * the neighbourhood tokenized and walked down a token trie of the titles sharing that anchor.
 * Tokens fold case, apostrophes, dashes, spaces and line breaks, so typographic variants match
 * while offsets stay exact (raw text offsets, never normalised ones). Longest match wins.
 */
import type { Lang, Mention } from '../mention.ts';
import { LANGS } from '../mention.ts';
import { isLatinOnly } from '../script.ts';
import type { GazetteerEntry } from './gazetteer.ts';

/** A compiled gazetteer. */
export interface InstrumentMatcher {
  /**
   * Instrument mentions in `text`: kind 'instrument', sorted, non-overlapping, exact offsets.
   * `latinOnly` may pass what the caller already knows of the text's scripts (script.ts).
   */
  find(text: string, latinOnly?: boolean): Mention[];
  /** Number of titles compiled (all languages). */
  readonly size: number;
}

// ---------------------------------------------------------------------------------------------
// Character classes. A lazily filled table keeps the per-character cost to one array read.

const C_SPACE = 1; // whitespace: separates tokens
const C_LETTER = 2; // letters of alphabetic scripts: runs form one token
const C_DIGIT = 3; // digits (ASCII, Arabic-Indic, full-width): runs form one token
const C_CJK = 4; // ideographs, kana, hangul: each one is a token
const C_PUNCT = 5; // anything else: each one is a token
const C_IGNORE = 6; // soft hyphen, zero-width, tatweel, Arabic vowel marks: invisible inside words

const classTable = new Uint8Array(65536);
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;

/** Class of a UTF-16 unit: a table lookup, small enough for the engine to inline in the scan loops. */
function charClass(code: number): number {
  const known = classTable[code]!;
  return known !== 0 ? known : computeClass(code);
}

/** First sight of a character: classify it and remember the answer in `classTable`. */
function computeClass(code: number): number {
  let c: number;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b) {
    c = C_SPACE;
  } else if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)) c = C_SPACE;
  else if (code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000) {
    c = C_SPACE;
  } else if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) {
    c = C_IGNORE;
  } else if (code === 0x640 || (code >= 0x64b && code <= 0x652) || code === 0x670) c = C_IGNORE;
  else if (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x660 && code <= 0x669) ||
    (code >= 0x6f0 && code <= 0x6f9)
  ) {
    c = C_DIGIT;
  } else if (code >= 0xff10 && code <= 0xff19) c = C_DIGIT;
  else if (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  ) {
    c = C_CJK;
  } else if (code >= 0xd800 && code <= 0xdfff)
    c = C_CJK; // astral ideographs: rare, treat per unit
  else if (LETTER_RE.test(String.fromCharCode(code))) c = C_LETTER;
  else if (MARK_RE.test(String.fromCharCode(code))) c = C_IGNORE;
  else c = C_PUNCT;
  classTable[code] = c;
  return c;
}

/** Folds one letter or digit for comparison: lower case, Arabic alef/yeh forms, digit forms. */
function foldWordChar(code: number): string {
  if (code >= 0x660 && code <= 0x669) return String.fromCharCode(code - 0x660 + 0x30);
  if (code >= 0x6f0 && code <= 0x6f9) return String.fromCharCode(code - 0x6f0 + 0x30);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (code === 0x623 || code === 0x625 || code === 0x622 || code === 0x671) return '\u0627';
  if (code === 0x649) return '\u064a';
  return String.fromCharCode(code).toLowerCase();
}

/** Folds one punctuation character: typographic variants of the same sign compare equal. */
function foldPunct(code: number): string {
  switch (code) {
    case 0x2019:
    case 0x2018:
    case 0x201b:
    case 0x2bc:
    case 0x60:
    case 0xb4:
    case 0x2032:
    case 0xff07:
      return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0xfe63:
    case 0xff0d:
      return '-';
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0xab:
    case 0xbb:
    case 0xff02:
      return '"';
    case 0x3008:
    case 0xff1c:
    case 0x2039:
      return '<';
    case 0x3009:
    case 0xff1e:
    case 0x203a:
      return '>';
    case 0xff0c:
    case 0x3001:
    case 0x60c:
      return ',';
    case 0xff1a:
      return ':';
    case 0xff1b:
    case 0x61b:
      return ';';
    case 0xff08:
      return '(';
    case 0xff09:
      return ')';
    default:
      return String.fromCharCode(code);
  }
}

/** A token of the scanned text: [start, end) raw offsets and the folded form. */
interface Tok {
  start: number;
  end: number;
  text: string;
  cls: number;
}

/** Folded text of a word token: lower case; the slow path only for rare characters. */
function wordText(text: string, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xad && needsFolding(c)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, end).toLowerCase();
  let s = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (charClass(code) !== C_IGNORE) s += foldWordChar(code);
  }
  return s;
}

/** Characters that lower-casing alone does not fold: Arabic letter forms and marks, non-ASCII
 * digits, invisible characters. */
function needsFolding(c: number): boolean {
  if (c < 0x600) return c === 0xad;
  if (c <= 0x6ff) {
    return (
      (c >= 0x622 && c <= 0x625) ||
      c === 0x649 ||
      c === 0x671 ||
      c === 0x640 ||
      (c >= 0x64b && c <= 0x652) ||
      c === 0x670 ||
      (c >= 0x660 && c <= 0x669) ||
      c >= 0x6f0
    );
  }
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || (c >= 0xff10 && c <= 0xff19);
}

/** Reads the token that starts at or after `pos`; null at the end of the text. */
function readForward(text: string, pos: number): Tok | null {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = charClass(text.charCodeAt(i));
    if (c !== C_SPACE && c !== C_IGNORE) break;
    i++;
  }
  if (i >= n) return null;
  const start = i;
  const cls = charClass(text.charCodeAt(i));
  if (cls === C_CJK || cls === C_PUNCT) {
    const code = text.charCodeAt(i);
    return { start, end: i + 1, text: cls === C_CJK ? text[i]! : foldPunct(code), cls };
  }
  while (i < n) {
    const c = charClass(text.charCodeAt(i));
    if (c !== cls && c !== C_IGNORE) break;
    i++;
  }
  // A trailing invisible character belongs to the gap, not to the token.
  let end = i;
  while (end > start && charClass(text.charCodeAt(end - 1)) === C_IGNORE) end--;
  return { start, end, text: wordText(text, start, end), cls };
}

/** Reads the token that ends at or before `pos`; null at the start of the text. */
function readBackward(text: string, pos: number): Tok | null {
  let i = pos;
  while (i > 0) {
    const c = charClass(text.charCodeAt(i - 1));
    if (c !== C_SPACE && c !== C_IGNORE) break;
    i--;
  }
  if (i <= 0) return null;
  const end = i;
  const cls = charClass(text.charCodeAt(i - 1));
  if (cls === C_CJK || cls === C_PUNCT) {
    const code = text.charCodeAt(i - 1);
    return { start: i - 1, end, text: cls === C_CJK ? text[i - 1]! : foldPunct(code), cls };
  }
  while (i > 0) {
    const c = charClass(text.charCodeAt(i - 1));
    if (c !== cls && c !== C_IGNORE) break;
    i--;
  }
  let start = i;
  while (start < end && charClass(text.charCodeAt(start)) === C_IGNORE) start++;
  return { start, end, text: wordText(text, start, end), cls };
}

/** Tokenizes a whole string (used for titles at build time). */
function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  for (;;) {
    const t = readForward(text, pos);
    if (!t) return out;
    out.push(t);
    pos = t.end;
  }
}

// ---------------------------------------------------------------------------------------------
// Language specifics.

/** Head words of instrument titles per language (folded; Russian: stems). The miner requires one. */
const HEADS: Record<Lang, string[]> = {
  en: [
    'convention',
    'covenant',
    'declaration',
    'agreement',
    'protocol',
    'charter',
    'agenda',
    'programme',
    'program',
    'framework',
    'compact',
    'strategy',
    'statute',
    'treaty',
    'principles',
    'rules',
    'plan',
    'platform',
    'consensus',
    'guidelines',
    'code',
    'standards',
    'outcome',
    'pact',
    'accord',
    'commitment',
    'commitments',
    'constitution',
    'pathway',
  ],
  fr: [
    'convention',
    'pacte',
    'déclaration',
    'accord',
    'protocole',
    'charte',
    'programme',
    'cadre',
    'stratégie',
    'statut',
    'traité',
    'principes',
    'règles',
    'plan',
    'plateforme',
    'plate',
    'consensus',
    'lignes',
    'code',
    'document',
    'engagement',
    'engagements',
    'ensemble',
    'constitution',
    'modalités',
  ],
  es: [
    'convención',
    'convenio',
    'pacto',
    'declaración',
    'acuerdo',
    'protocolo',
    'carta',
    'agenda',
    'programa',
    'marco',
    'estrategia',
    'estatuto',
    'tratado',
    'principios',
    'reglas',
    'plan',
    'plataforma',
    'consenso',
    'directrices',
    'código',
    'documento',
    'compromiso',
    'compromisos',
    'constitución',
    'modalidades',
  ],
  // Russian heads are stems: titles inflect ("Конвенция", "Конвенции", "Конвенцию").
  ru: [
    'конвенц',
    'пакт',
    'деклараци',
    'соглашени',
    'протокол',
    'устав',
    'программ',
    'повестк',
    'рамк',
    'стратеги',
    'статут',
    'договор',
    'принцип',
    'правил',
    'план',
    'платформ',
    'консенсус',
    'руководящ',
    'кодекс',
    'документ',
    'обязательств',
    'хартии',
    'хартия',
  ],
  ar: [
    'اتفاقية',
    'الاتفاقية',
    'اتفاق',
    'الاتفاق',
    'العهد',
    'عهد',
    'اعلان',
    'الاعلان',
    'بروتوكول',
    'البروتوكول',
    'ميثاق',
    'الميثاق',
    'خطة',
    'برنامج',
    'اطار',
    'استراتيجية',
    'الاستراتيجية',
    'النظام',
    'معاهدة',
    'المعاهدة',
    'المبادئ',
    'مبادئ',
    'القواعد',
    'قواعد',
    'منهاج',
    'توافق',
    'الوثيقة',
    'وثيقة',
    'الميثاق',
    'نظام',
    'الخطة',
    'البرنامج',
    'الاعلان',
    // "التزام إشبيلية" (Sevilla Commitment), "التعاهد الرقمي العالمي" (Global Digital Compact),
    // "إجراءات العمل المعجل ..." (SAMOA Pathway: Modalities of Action, as fr/es "modalités"/"modalidades").
    'التزام',
    'التعاهد',
    'اجراءات',
  ],
  zh: ['《'],
};

/**
 * The head word a title would be indexed under in `lang` (folded), or null when it has none.
 * The miner uses it to reject candidates that are not instrument titles.
 */
export function headWordOf(title: string, lang: Lang): string | null {
  const heads = HEADS[lang];
  for (const t of tokenize(title)) {
    for (const h of heads) if (lang === 'ru' ? t.text.startsWith(h) : t.text === h) return h;
  }
  return null;
}

/** Folded tokens of a string, as the matcher compares them (for tests and the miner). */
export function foldedTokens(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}

/** Arabic proclitics that may be glued to a title's first word (و ف ب ل ك and pairs). */
const AR_PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'];

/** Russian endings stripped to compare inflected leading words; longest first. */
const RU_ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ией',
  'ием',
  'иям',
  'иях',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ой',
  'ей',
  'ую',
  'юю',
  'ым',
  'им',
  'ом',
  'ем',
  'ых',
  'их',
  'ах',
  'ях',
  'ам',
  'ям',
  'ия',
  'ии',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'й',
  'ь',
];

/** RU_ENDINGS by length, longest first: one Set lookup per length instead of a scan. */
const RU_ENDINGS_BY_LEN: [number, Set<string>][] = [4, 3, 2, 1].map((n) => [
  n,
  new Set(RU_ENDINGS.filter((e) => e.length === n)),
]);

function ruStem(word: string): string {
  for (const [n, set] of RU_ENDINGS_BY_LEN) {
    if (word.length - n >= 3 && set.has(word.slice(-n))) return word.slice(0, -n);
  }
  return word;
}

/** Small words that PDF/HTML extraction glues to a title's last word ("Human Rightsand"). */
const GLUE_WORDS = new Set([
  'and',
  'or',
  'of',
  'the',
  'in',
  'on',
  'to',
  'for',
  'as',
  'at',
  'by',
  'with',
  'which',
  'that',
  'et',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'en',
  'y',
  'e',
  'o',
  'del',
  'el',
  'los',
  'las',
  'и',
  'в',
  'с',
  'а',
]);
const GLUE_LIST = [...GLUE_WORDS];

/**
 * Names of bodies that contain a title ("Conference of the Parties to the United Nations Framework
 * Convention ...", "Special Committee on ... the Declaration on the Granting of Independence ...").
 * A title right after such a prefix (or, in Chinese, right before such a suffix) is part of the
 * body's name, not a mention.
 */
const BODY_BEFORE: Partial<Record<Lang, RegExp>> = {
  en: /(?:(?:Conferences?|Meetings?)\s+of\s+(?:the\s+)?(?:States\s+|High\s+Contracting\s+)?Parties\s+to\s+the|Special\s+Committee\s+on\s+the\s+Situation\s+with\s+regard\s+to\s+the\s+Implementation\s+of\s+the)\s+$/i,
  fr: /(?:Conf[ée]rences?\s+(?:de\s+\d{4}\s+)?des\s+(?:[ÉE]tats\s+)?[Pp]arties\s+(?:de\s+\d{4}\s+)?(?:(?:à|a)\s+la|au|aux|charg[ée]e\s+d.examiner\s+(?:le|la|l.))|R[ée]union\s+des\s+[ÉE]tats\s+parties\s+(?:à|a)\s+la|Comit[ée]\s+sp[ée]cial\s+charg[ée]\s+d.[ée]tudier\s+la\s+situation\s+en\s+ce\s+qui\s+concerne\s+l.application\s+de\s+la|Organisation\s+du)\s+$/i,
  es: /(?:Conferencia\s+(?:de\s+\d{4}\s+)?de\s+(?:las\s+Partes|los\s+Estados\s+Partes)\s+(?:(?:del\s+A[ñn]o\s+|de\s+)\d{4}\s+)?(?:en\s+(?:la|el)|encargada\s+del\s+Examen(?:\s+y\s+la\s+Pr[óo]rroga)?\s+del)|Reuni[óo]n\s+de\s+los\s+Estados\s+Partes\s+en\s+la|Comit[ée]\s+Especial\s+encargado\s+de\s+examinar\s+la\s+situaci[óo]n\s+con\s+respecto\s+a\s+la\s+aplicaci[óo]n\s+de\s+la|Organizaci[óo]n\s+del)\s+$/i,
  ru: /(?:Конференци\S*\s+(?:\d{4}\s+года\s+)?(?:(?:государств\s*[-—–]\s*)?участников|Сторон)|Совещани\S*\s+государств-участников|Специальн\S*\s+комитет\S*\s+по\s+вопросу\s+о\s+ходе\s+осуществления|Организаци\S*\s+по)\s+$/i,
  ar: /(?:مؤتمر\s+(?:الدول\s+)?الأطراف\s+في|اجتماع\s+الدول\s+الأطراف\s+في|اللجنة\s+الخاصة\s+المعنية\s+بحالة\s+تنفيذ|منظمة)\s+$/,
};
const BODY_AFTER: Partial<Record<Lang, RegExp>> = {
  // "Comprehensive Nuclear-Test-Ban Treaty Organization": the organization a treaty set up.
  en: /^\s*Organization\b/,
  zh: /^\s*(?:组织|缔约方大会|缔约方会议|缔约国大会|缔约国会议|缔约国(?:\d{4}年)?审议(?:和延期)?大会|执行情况特别委员会)/,
};

// ---------------------------------------------------------------------------------------------
// Compilation.

interface Title {
  entry: GazetteerEntry;
  lang: Lang;
  toks: string[];
  /** For Russian leading words (up to the head noun): stems; compare inflected forms by stem. */
  stems: (string | null)[];
  /** Index of the anchor token. */
  anchor: number;
}

/**
 * Capitalised words too frequent in UN text to be good anchors: a title is indexed under its
 * first capitalised word not listed here ("United Nations Convention against Corruption" under
 * "Convention"), so the scan stops less often.
 */
const COMMON = new Set(
  `United Nations International Organization General World Global Human Rights Member States State
  Council Assembly Conference Development Sustainable Economic Social Committee Political Nations Unies
  Naciones Unidas Organisation Organización Mundial Internacional Internationale Объединенных Наций
  Организации Международн`.split(/\s+/),
);

/**
 * Compiles gazetteer entries into a matcher. Entries whose key starts with `block:` are matched
 * (so that longest match lets them swallow the titles they contain) but never reported.
 *
 * Each title is indexed under one anchor: its first capitalised, not too common word (Russian:
 * that word's stem, since titles decline), its first word in Arabic (proclitics may precede it),
 * or 《 in Chinese. All anchors form one case-sensitive regex shaped as a trie, which the regex
 * engine scans in native code; the rest runs only where an anchor was found.
 */
export function createInstrumentMatcher(entries: GazetteerEntry[]): InstrumentMatcher {
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

  function find(text: string, latinOnly = isLatinOnly(text)): Mention[] {
    if (firsts.size === 0) return [];
    const found: { start: number; end: number; title: Title }[] = [];
    if (latinSource) scan(text, new RegExp(latinSource, 'g'), found);
    if (!latinOnly) {
      for (const { source, present } of scans) if (present(text)) scan(text, new RegExp(source, 'g'), found);
    }
    // Let go of the text the last walk read.
    bwdText = '';
    bwdAnchor = null;
    bwdToks.length = 0;
    return resolve(text, found);
  }

  /** One anchor scan: every match of `re` is checked and walked into `found`. */
  function scan(text: string, re: RegExp, found: { start: number; end: number; title: Title }[]): void {
    let prevEnd = 0;
    const n = text.length;
    for (;;) {
      if (!re.test(text)) break;
      // The match is an anchor or the start of a longer word: take the whole word.
      let end = re.lastIndex;
      while (end < n && isLetterCode(text.charCodeAt(end))) end++;
      re.lastIndex = end;
      // Walk back to the word start, hashing the word backwards on the way (Latin anchors are
      // looked up by that hash). A word that starts before the match with a letter that is no
      // anchor's first (an Arabic proclitic may be) was matched mid-word: not an anchor.
      let tokStart = end - 1;
      let rev = text.charCodeAt(tokStart);
      while (tokStart > prevEnd) {
        const p = text.charCodeAt(tokStart - 1);
        if (p < 0x80 ? !((p | 32) >= 97 && (p | 32) <= 122) : !isLetterCode(p)) break;
        tokStart--;
        rev = (Math.imul(rev, 31) + p) | 0;
      }
      prevEnd = end;
      const code = text.charCodeAt(tokStart);
      const zhMode = zhOpenerMode(code);
      const isZh = zhMode !== ZH_NONE;
      if (!isZh) {
        if (firstTable[code] === 0) continue;
        if (tokStart > 0 && isWordChar(text.charCodeAt(tokStart - 1))) continue;
        if (code < 0x400 && (revHashBits[rev & 0xffff] === 0 || !revHashes.has(rev))) continue;
      }
      let key: string | null = null;
      if (isZh) {
        const next = text.charCodeAt(end);
        if (zhFirst[next] === 0 && charClass(next) === C_CJK) continue;
        key = '《';
      } else if (code >= 0x600 && code <= 0x6ff) {
        // li + al- drops the article's alef ("للاتفاقية" = ل + الاتفاقية, "وللإعلان"): put it back. Tried
        // first: stripping "لل" as two proclitics would leave a head word without its article ("إعلان").
        {
          let p = tokStart;
          const c0 = text.charCodeAt(p);
          if (c0 === 0x648 || c0 === 0x641) p++;
          if (p + 3 < end && text.charCodeAt(p) === 0x644 && text.charCodeAt(p + 1) === 0x644) {
            const h = hashOf(text, p + 1, end, 0x627);
            if (hashBits[h & 0xffff] !== 0 && hashes.has(h)) {
              const w = `\u0627${foldArabic(text.slice(p + 1, end))}`;
              if (byAnchor.has(w)) key = w;
            }
          }
        }
        // Up to two proclitic letters before an Arabic head word ("واتفاقية").
        for (let k = 0; key === null && k <= 2 && tokStart + k < end; k++) {
          if (k > 0 && !isProclitic(text.charCodeAt(tokStart + k - 1))) break;
          const h = hashOf(text, tokStart + k, end);
          if (hashBits[h & 0xffff] !== 0 && hashes.has(h)) {
            const w = foldArabic(text.slice(tokStart + k, end));
            if (byAnchor.has(w)) {
              key = w;
              break;
            }
          }
        }
      } else if (code >= 0x400 && code <= 0x4ff) {
        // Russian anchors are stems: some prefix of the word must be one.
        if (prefixHit(hashBits, hashes, text, tokStart, end)) key = ruStemCased(text.slice(tokStart, end));
      } else key = text.slice(tokStart, end);
      if (key === null || (!isZh && !byAnchor.has(key))) continue;
      const anchorTok = readForward(text, tokStart);
      if (!anchorTok) continue;
      let node = isZh ? undefined : byAnchor.get(key);
      let k = 1;
      let from = anchorTok;
      if (isZh) {
        const t1 = readForward(text, anchorTok.end);
        node = t1 ? byAnchor.get(`《${t1.text}`) : undefined;
        k = 2;
        // After a colon the title starts at its first character: the colon is not part of it.
        if (node && zhMode === ZH_COLON)
          from = { start: t1!.start, end: anchorTok.end, text: '：', cls: C_PUNCT };
      }
      if (node) walk(text, node, from, k, found, zhMode);
      if (re.lastIndex < anchorTok.end) re.lastIndex = anchorTok.end;
      prevEnd = re.lastIndex;
    }
  }

  return { find, size };
}

/** Not a Chinese opener; 《; another opening quote (“ 〈 < ＜ 「); the full-width colon. */
const ZH_NONE = 0;
const ZH_BOOK = 1;
const ZH_QUOTE = 2;
const ZH_COLON = 3;
// The finder normalises full-width forms (＜ ： to < :) before the matcher sees the text; both kinds are met.
const ZH_OPENERS_SOURCE = '[《“〈<＜「：:]';
/** Folded closing quotes (foldPunct: ” -> ", 〉 ＞ › -> >). */
const ZH_CLOSERS = new Set(['》', '"', '>', '」']);
const CJK_RE = /[\u4e00-\u9fff]/;

function zhOpenerMode(code: number): number {
  switch (code) {
    case 0x300a:
      return ZH_BOOK;
    case 0x201c:
    case 0x3008:
    case 0x3c:
    case 0xff1c:
    case 0x300c:
      return ZH_QUOTE;
    case 0xff1a:
    case 0x3a:
      return ZH_COLON;
    default:
      return ZH_NONE;
  }
}

/** A Russian stem keeping the word's capital ("Конвенции" -> "Конвенц"). */
function ruStemCased(word: string): string {
  const stem = ruStem(word.toLowerCase());
  return word.slice(0, stem.length);
}

/** Rolling hash of text[start, end) with Arabic letter forms folded (as anchors are); `seed` is the
 * hash of a letter to put before the slice (an article's elided alef). */
function hashOf(text: string, start: number, end: number, seed = 0): number {
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
function prefixHit(bits: Uint8Array, hashes: Set<number>, text: string, start: number, end: number): boolean {
  let h = 0;
  for (let i = start; i < end; i++) {
    h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    if (i - start >= 2 && bits[h & 0xffff] !== 0 && hashes.has(h)) return true;
  }
  return false;
}

function isLetterCode(c: number): boolean {
  return charClass(c) === C_LETTER || c === 0xad;
}

function foldArabic(s: string): string {
  return s.replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627').replace(/\u0649/g, '\u064a');
}

function isWordChar(c: number): boolean {
  const k = charClass(c);
  return k === C_LETTER || k === C_DIGIT;
}

function isProclitic(c: number): boolean {
  return c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644 || c === 0x643;
}

interface TokNode {
  kids: Map<string, TokNode>;
  /** The keys of `kids`, as an array: iterated on every walk's last step, where a Map iterator allocates. */
  kidKeys: string[];
  /** Titles whose last token is this node's. */
  ends: Title[];
}

const newNode = (): TokNode => ({ kids: new Map(), kidKeys: [], ends: [] });

/**
 * Walks the text tokens after the anchor down the anchor's trie; at every node where titles end,
 * checks their tokens before the anchor and records the spans. The last token may be glued to a
 * footnote number or a small word ("2015–20308", "Human Rightsand").
 */
/**
 * The tokens before the current walk's anchor, read lazily (most titles start at their anchor). Module
 * state, reset by each walk (walks do not nest), so that no closure is made per anchor found.
 */
let bwdText = '';
let bwdAnchor: Tok | null = null;
const bwdToks: (Tok | null)[] = [];
function bwdAt(k: number): Tok | null {
  while (bwdToks.length <= k) {
    const prev = bwdToks.length ? bwdToks[bwdToks.length - 1]! : bwdAnchor;
    bwdToks.push(prev ? readBackward(bwdText, prev.start) : null);
  }
  return bwdToks[k]!;
}

function walk(
  text: string,
  root: TokNode,
  anchorTok: Tok,
  firstK: number,
  found: { start: number; end: number; title: Title }[],
  zhMode = ZH_NONE,
): void {
  bwdText = text;
  bwdAnchor = anchorTok;
  bwdToks.length = 0;
  let node = root;
  let last = anchorTok;
  if (firstK === 2) last = readForward(text, anchorTok.end) ?? anchorTok;
  for (let steps = 0; steps < 200; steps++) {
    for (const t of node.ends) record(t, anchorTok, last.end, bwdAt, found);
    // A leaf: no longer title and no glued last token to look for.
    if (node.kidKeys.length === 0) return;
    const tok = readForward(text, last.end);
    if (!tok) return;
    let next = node.kids.get(tok.text);
    if (!next && tok.cls === C_LETTER && isCyrillic(tok.text.charCodeAt(0)))
      next = node.kids.get(ruStem(tok.text));
    if (zhMode > ZH_BOOK && (ZH_CLOSERS.has(tok.text) || (!next && tok.text === '('))) {
      // A title opened by another quote ends with any closing quote where its 》 would be, or
      // before a parenthesis inside the quote ("“…亚的斯亚贝巴行动议程(亚的斯亚贝巴行动议程)”").
      const close = node.kids.get('》');
      if (close && (zhMode === ZH_COLON || tok.text === '(')) {
        // "：title”": the closing quote belongs to the longer quoted title, not to this one.
        for (const t of close.ends) record(t, anchorTok, last.end, bwdAt, found);
        return;
      }
      next ??= close;
    }
    if (!next) {
      // Glued last token: the title ends inside this token ("20308", "Rightsand"). Only the
      // few prefixes that a footnote number or a glue word can leave are looked up.
      for (const prefix of gluePrefixes(text, tok, node)) {
        const kid = node.kids.get(prefix);
        if (!kid) continue;
        for (const t of kid.ends) {
          const end = gluedEnd(text, t, t.toks.length - 1, tok);
          if (end > 0) record(t, anchorTok, end, bwdAt, found);
        }
      }
      return;
    }
    node = next;
    last = tok;
  }
}

/**
 * Prefixes of a token that could be a title's last token with something glued after it. Letters: a
 * glue word after one of `node`'s tokens, found from whichever side is shorter (a node has few kids).
 */
function gluePrefixes(text: string, tok: Tok, node: TokNode): string[] {
  const out: string[] = [];
  const w = tok.text;
  if (tok.cls === C_DIGIT) {
    for (let k = 1; k <= 3 && w.length - k >= 4; k++) out.push(w.slice(0, -k));
  } else if (tok.cls === C_LETTER) {
    const keys = node.kidKeys;
    if (keys.length < GLUE_LIST.length) {
      for (let i = 0; i < keys.length; i++) {
        const kid = keys[i]!;
        if (
          w.length > kid.length &&
          w.startsWith(kid) &&
          (GLUE_WORDS.has(w.slice(kid.length)) || isCaseBreak(text, tok.start + kid.length))
        )
          out.push(kid);
      }
    } else {
      for (let i = 0; i < GLUE_LIST.length; i++) {
        const g = GLUE_LIST[i]!;
        if (w.length > g.length && w.endsWith(g)) out.push(w.slice(0, -g.length));
      }
    }
  }
  return out;
}

/**
 * A footnote glued to a title's last word starts with a capital after its small letter
 * ("contra la MujerIbid., vol. 1249", "ДискриминацииРезолюция"): lower case at `i - 1`, upper at `i`.
 */
function isCaseBreak(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text[i - 1]!;
  const b = text[i]!;
  return a !== a.toUpperCase() && b !== b.toLowerCase();
}

function isCyrillic(c: number): boolean {
  return c >= 0x400 && c <= 0x4ff;
}

/** Checks the tokens before the anchor and records the title's span. */
function record(
  t: Title,
  anchorTok: Tok,
  end: number,
  bwdAt: (k: number) => Tok | null,
  found: { start: number; end: number; title: Title }[],
): void {
  let start: number;
  if (t.lang === 'zh') start = anchorTok.start;
  else if (t.anchor === 0) {
    start = firstTokenStart(t, anchorTok);
    if (start < 0) return;
  } else {
    start = -1;
    for (let i = t.anchor - 1; i >= 0; i--) {
      const tok = bwdAt(t.anchor - 1 - i);
      if (!tok || !tokEq(t, i, tok)) return;
      start = tok.start;
    }
  }
  if (end > start) found.push({ start, end, title: t });
}

/** Compares one title token with one text token. */
function tokEq(t: Title, i: number, tok: Tok): boolean {
  const want = t.toks[i]!;
  if (tok.text === want) return true;
  const stem = t.stems[i];
  if (stem != null) return tok.cls === C_LETTER && ruStem(tok.text) === stem;
  return false;
}

/** Start offset of the title's first token in `tok`, or -1. Arabic allows glued proclitics. */
function firstTokenStart(t: Title, tok: Tok): number {
  if (tokEq(t, 0, tok)) return tok.start;
  if (t.lang !== 'ar') return -1;
  const want = t.toks[0]!;
  for (const p of AR_PROCLITICS) {
    if (tok.text.length === p.length + want.length && tok.text.startsWith(p) && tok.text.endsWith(want)) {
      return tok.start + p.length;
    }
  }
  // "للعهد" = ل + العهد with the article's alef dropped.
  if (want.startsWith('\u0627\u0644') && /^[وف]?لل/.test(tok.text)) {
    const pre = tok.text.length - (want.length - 1);
    if (pre >= 1 && tok.text.slice(pre) === want.slice(1)) return tok.start;
  }
  return -1;
}

/**
 * The last title token may be glued to what follows in extracted text: a footnote number on a
 * year ("2015–20308") or a small word on a long title ("Human Rightsand"). Returns the raw end
 * offset of the title part, or -1.
 */
function gluedEnd(text: string, t: Title, i: number, tok: Tok): number {
  const want = t.toks[i]!;
  if (!tok.text.startsWith(want) || tok.text.length === want.length) return -1;
  const rest = tok.text.slice(want.length);
  const ok =
    tok.cls === C_DIGIT
      ? rest.length <= 3 && want.length === 4
      : t.toks.length >= 4 && (GLUE_WORDS.has(rest) || isCaseBreak(text, tok.start + want.length));
  if (!ok) return -1;
  // Walk the raw characters to the end of `want` (the token may hold invisible characters).
  let seen = 0;
  let p = tok.start;
  for (; p < tok.end && seen < want.length; p++) {
    if (charClass(text.charCodeAt(p)) !== C_IGNORE) seen++;
  }
  return p;
}

/** Longest match wins; then body names, `block:` entries and "title (ITS SYMBOL)" are dropped. */
function resolve(text: string, found: { start: number; end: number; title: Title }[]): Mention[] {
  found.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: typeof found = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) kept.push(f);
    else if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
  }
  const out: Mention[] = [];
  for (const f of kept) {
    const { entry, lang } = f.title;
    if (entry.key.startsWith('block:')) continue;
    const before = BODY_BEFORE[lang];
    if (before?.test(text.slice(Math.max(0, f.start - 160), f.start))) continue;
    const after = BODY_AFTER[lang];
    const tail = text.slice(f.end, f.end + 40);
    if (after?.test(tail)) continue;
    if (citesOwnSymbol(tail, entry.key)) continue;
    out.push({
      offset: f.start,
      end: f.end,
      surface: text.slice(f.start, f.end),
      kind: 'instrument',
      key: entry.key,
    });
  }
  return out;
}

/** "《2005年世界首脑会议成果》(A/RES/60/1)": the title and its own symbol are one citation, the symbol's. */
function citesOwnSymbol(tail: string, key: string): boolean {
  if (!key.includes('/')) return false;
  const m = /^\s*[(（]\s*([^()（）]{3,40}?)\s*[)）]/.exec(tail);
  return !!m && m[1]!.replace(/\s+/g, '') === key;
}
