import type { Mention } from '../mention';
import type { ScanContext } from './context';
import { dateAfter, dateWordAt, isSpace, zhDateBefore } from './date';
import {
  arabicPossessive,
  BODY_ANY_SRC,
  type BodyCode,
  bodyOf,
  DEC_NOUN_SRC,
  ITS_SRC,
  RES_NOUN_SRC,
} from './lexicon';

/**
 * Resolutions and decisions of the GA, SC, ECOSOC, HRC, CHR, functional commissions and UNFCCC
 * bodies, in six languages (../shared/spec/grammar-reference.md §2).
 *
 * Candidate-driven: one cheap pass finds digit runs; at each run a sticky item grammar reads
 * `SESSION/NUM [PARTS]`, `NUM [PARTS] (ROMAN|YEAR)` or `NUM/CP.n`; then a bounded look-behind
 * decides whether a head noun ("resolution", "résolution", "резолюции", "قرار", 第…号决议) or a
 * list begun by one governs it. A bare number with no head is never a mention (traps: "9/11",
 * "Volume 152 (2006)", "UNSC Resolutions 2015 (64)").
 */

/**
 * ITEM_RE's groups, by number: the source names them for reading, and {@link unnamed} strips the names
 * (a match with named groups also builds a `groups` object: 40 % slower on the 70 000 items of the
 * English GA texts).
 */
const G = {
  sp: 1,
  a: 2,
  b: 3,
  cop: 4,
  cs: 5,
  copar: 6,
  csar: 7,
  parts: 8,
  p1: 9,
  pc: 10,
  p2: 11,
  old: 12,
  os: 13,
};
function unnamed(source: string): string {
  const names = [...source.matchAll(/\(\?<([a-z0-9]+)>/g)].map((m) => m[1]);
  if (names.join() !== Object.keys(G).join()) throw new Error(`ITEM_RE groups changed: ${names.join()}`);
  return source.replace(/\(\?<[a-z0-9]+>/g, '(');
}

/** Item grammar, sticky. `a/b` new style; `a (os)` old style or SC; `a/CP.n` UNFCCC. */
const ITEM_RE = new RegExp(
  unnamed(
    '(?:(?<sp>E?S|دإط|دإ)-)?(?<a>\\d{1,4})' +
      '(?:/(?:(?<b>\\d{1,4})(?![\\d/]|[.,]\\d)|(?<cop>CP|CMP|CMA)\\.\\s?(?<cs>\\d{1,2})(?!\\d)|(?<copar>م\\s?أ)\\s?-\\s?(?<csar>\\d{1,2})(?!\\d)))?' +
      '(?<parts>\\s?(?<p1>[A-ZАВСЕКМНРТ]|الف|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء|ثاء|خاء|ذال|ضاد)(?:\\s?(?<pc>and|to|et|à|a|y|e|и|по|和|至|-|إلى|و)\\s?(?<p2>[A-ZАВСЕКМНРТ]|الف|ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون|سين|عين|فاء|صاد|قاف|راء|شين|تاء|ثاء|خاء|ذال|ضاد))?(?![A-Za-zА-Яа-яЁё0-9/\\u0621-\\u064A]))?' +
      '(?<old>\\s?\\(\\s?(?<os>(?:E?S-)?[IVXLCХІ]{1,7}|[ivxlc]{1,7}|\\d{4}|1{1,3}|د(?:إط?)?\\s?-\\s?\\d{1,2})\\s?\\))?',
  ),
  'y',
);

const NOUN_RE = new RegExp(`^(?:(?<res>${RES_NOUN_SRC})|(?<dec>${DEC_NOUN_SRC}))$`);

/** A head noun: which kind, and whether it carries the Arabic possessive ("قراراها"). */
interface NounWord {
  noun: Noun;
  possessive: boolean;
}
/**
 * Words already looked up, in a direct-mapped table indexed by a hash of their characters (null:
 * not a head noun): every item asks for the word before it, and hashing in place makes no string for
 * the (usual) repeat. A colliding word replaces the one in its slot, so the table stays bounded on a
 * hostile text of endless distinct words.
 */
const NOUN_SLOTS = 4096;
const nounWords: (string | undefined)[] = new Array(NOUN_SLOTS).fill(undefined);
const nounFound: (NounWord | null)[] = new Array(NOUN_SLOTS).fill(null);

/**
 * The head noun spelled by text[start, end), if it is one. `h` is the word's hash as
 * {@link wordStartHashed} leaves it in `wordHash` (computed on its way back over the word).
 */
function nounAt(text: string, start: number, end: number, h: number): NounWord | null {
  const n = end - start;
  const slot = h & (NOUN_SLOTS - 1);
  const cached = nounWords[slot];
  if (cached !== undefined && cached.length === n) {
    let i = 0;
    while (i < n && cached.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === n) return nounFound[slot] ?? null;
  }
  const word = text.slice(start, end);
  const m = NOUN_RE.exec(word);
  const found: NounWord | null = m
    ? { noun: m.groups!.res ? 'res' : 'dec', possessive: arabicPossessive(m[0]) }
    : null;
  nounWords[slot] = word;
  nounFound[slot] = found;
  return found;
}
const ITS_RE = new RegExp(`^(?:${ITS_SRC})$`);
const PREP_RE = /^(?:in|by|through|dans|par|en|в|во|في)$/;
const NUMBER_SIGN_RE = /(?:No\.?|no|n[°º]|núm\.|№|رقم)\s{0,3}$/;
/** A body name ending the slice ("General Assembly resolution": the slice before "resolution"). */
const BODY_END_RE = new RegExp(`(?:${BODY_ANY_SRC})[\\s,،]{0,3}$`);
const BODY_EXACT_RE = new RegExp(`^(?:${BODY_ANY_SRC})$`);
/** "резолюции Ассамблеи 72/180": the Assembly named short. */
const ASSEMBLY_RE = /^(?:Assembly|Assemblée|Asamblea|Ассамблеи|الجمعية)$/;
/**
 * "les résolutions du Conseil 1783 (2007)", "قرار اللجنة 1998/72" (the Commission's resolution): a
 * short back-reference; the number's own form decides.
 */
const COUNCIL_RE = /^(?:Council|Conseil|Consejo|Совета|المجلس|Commission|Comisi[óo]n|Комиссии|اللجنة)$/;
const COMMISSION_RE = /^(?:Commission|Comisi[óo]n|Комиссии|اللجنة|委员会)$/;
const COMMISSIONS = new Set<BodyCode>(['CHR', 'CPD', 'CSW', 'CSocD', 'CND', 'CCPCJ', 'CSTD', 'CSD']);
const COUNCILS = new Set<BodyCode>(['SC', 'ECOSOC', 'HRC']);

/**
 * The body a short name ("the Commission", "المجلس") points back to: the last body of its family
 * named in full earlier in the same sentence ("those of the Commission on Human Rights …, in
 * particular Commission resolution 1998/72"; "قرارات لجنة حقوق الإنسان …، ولا سيما قرار اللجنة
 * 1998/72"). Bounded look-behind, stops at . ; or a line break. None: the number's form decides.
 */
function shortBodyBefore(text: string, pos: number, short: string): BodyCode | undefined {
  const family = COMMISSION_RE.test(short) ? COMMISSIONS : COUNCILS;
  let clause = text.slice(Math.max(0, pos - 250), pos);
  for (let i = clause.length - 1; i >= 0; i--) {
    const c = clause.charCodeAt(i);
    // "." ";" line break; a full stop inside a symbol ("A/HRC/39/17.") ends the sentence too: harmless.
    if (c === 46 || c === 59 || c === 10 || c === 0x3002 || c === 0xff1b) {
      clause = clause.slice(i + 1);
      break;
    }
  }
  let last: BodyCode | undefined;
  BODY_G_RE.lastIndex = 0;
  for (let m = BODY_G_RE.exec(clause); m; m = BODY_G_RE.exec(clause)) {
    const body = bodyOf(m[0]);
    if (body && family.has(body)) last = body;
  }
  return last;
}

/** Two body names joined by "and" (ES/FR repeat the article: "de la Asamblea General y del Consejo…"). */
const BODY_PAIR_RE = new RegExp(
  `^(?:${BODY_ANY_SRC})(?:\\s+(?:and|et|y|и)\\s+(?:the\\s+|del?\\s+|du\\s+|de la\\s+|de l[’']\\s*)?|\\s+و\\s*)(?:${BODY_ANY_SRC})$`,
);

const APOSTROPHE_RE = /[’']/;

/**
 * Per UTF-16 unit: 1 letter or mark (`[\p{L}\p{M}]`), 2 whitespace (`\s`), 3 neither; 0 not yet
 * classified. Scanning back through a word asks this table, not a regex on a one-character string.
 */
const CHAR_KIND = new Uint8Array(65536);
const WORD_CHAR_RE = /[\p{L}\p{M}]/u;
function charKind(code: number): number {
  let k = CHAR_KIND[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = WORD_CHAR_RE.test(ch) ? 1 : /\s/.test(ch) ? 2 : 3;
    CHAR_KIND[code] = k;
  }
  return k;
}

/** Start of the word ending at `end` (letters only), or `end` when there is none. */
function wordStart(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && charKind(text.charCodeAt(i - 1)) === 1) i--;
  return i;
}

/** The hash of the word the last {@link wordStartHashed} read (its characters from the last one back). */
let wordHash = 0;
/** {@link wordStart}, hashing the word on the way (for {@link nounAt}: one pass over its characters, not two). */
function wordStartHashed(text: string, end: number, floor: number): number {
  let i = end;
  let h = 0;
  for (;;) {
    if (i <= floor) break;
    const c = text.charCodeAt(i - 1);
    if (charKind(c) !== 1) break;
    h = (Math.imul(h, 31) + c) | 0;
    i--;
  }
  wordHash = (Math.imul(h, 31) + (end - i)) | 0;
  return i;
}

function skipSpaceBack(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor && charKind(text.charCodeAt(i - 1)) === 2) i--;
  return i;
}

const BODY_G_RE = new RegExp(BODY_ANY_SRC, 'g');
/** A masculine/neuter "his" cannot point back to the (feminine) Assembly in Russian: "Совета…, в его резолюции". */
const MASC_ITS_RE = /^[Ее]го$/;

/**
 * The subject of the clause owning "PREP its": FR/ES/RU put the verb between the body and the
 * possessive ("que le Conseil des droits de l’homme a adoptés par sa résolution 21/11"). The last
 * body named within the clause (bounded look-behind, stops at . ; or a line break, and at a comma
 * unless the possessive is a masculine one) owns it.
 */
function subjectBody(text: string, prepStart: number, floor: number, its: string): BodyCode | undefined {
  const from = Math.max(floor, prepStart - 90);
  let clause = text.slice(from, prepStart);
  const stop = MASC_ITS_RE.test(its) ? /[.;\n]/ : /[.;,\n،]/;
  for (let i = clause.length - 1; i >= 0; i--) {
    if (stop.test(clause[i]!)) {
      clause = clause.slice(i + 1);
      break;
    }
  }
  let last: string | undefined;
  BODY_G_RE.lastIndex = 0;
  for (let m = BODY_G_RE.exec(clause); m; m = BODY_G_RE.exec(clause)) last = m[0];
  return last ? bodyOf(last) : undefined;
}

interface Head {
  start: number;
  noun: Noun;
  body?: BodyCode;
  its: boolean;
  /** "dans sa résolution": PREP + possessive with no body before; the subject may follow the number. */
  prepIts?: boolean;
  /** A word stands right before the noun (a connector may end there: "in particular resolution"). */
  wordBefore: boolean;
}

/**
 * Adjectives that stand between a head noun and its number: Arabic (latest, subsequent, previous,
 * issued recently) and Spanish "la resolución posterior 75/309".
 */
const ADJ_RE = /^(?:الأخير|اللاحق|السابق|المذكور|الصادر|مؤخرا|مؤخراً|posterior)$/;
function adjectiveBetween(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  const n = end - start;
  // Every one begins with ا, م or p and is 5 to 9 letters long: the regex only runs on such words.
  return (c === 0x627 || c === 0x645 || c === 112) && n >= 5 && n <= 9 && ADJ_RE.test(text.slice(start, end));
}

/**
 * The head phrase governing a number at `pos`, read backwards word by word (bounded, no
 * regex over the whole look-behind): [BODY in] [its] [BODY] NOUN [BODY] [No.] NUMBER.
 */
function headBefore(text: string, pos: number, floor: number): Head | undefined {
  let i = skipSpaceBack(text, pos, floor);
  // Every number sign ends in one of these ("No.", "no", "n°", "núm.", "№", "رقم"): the regex only runs after one.
  const last = i > floor ? text.charCodeAt(i - 1) : 0;
  const signEnd =
    last === 46 || last === 111 || last === 0xb0 || last === 0xba || last === 0x2116 || last === 0x645;
  const sign = signEnd ? NUMBER_SIGN_RE.exec(text.slice(Math.max(floor, i - 8), i)) : null;
  if (sign) i = skipSpaceBack(text, i - sign[0].length, floor);
  let ws = wordStartHashed(text, i, floor);
  if (ws === i) return undefined;
  let noun = nounAt(text, ws, i, wordHash);
  // Arabic and Spanish may put an adjective between the noun and the number: "القرار الأخير 46/21",
  // "والقرار اللاحق 75/309", "قرار المجلس اللاحق 57/26", "الصادر مؤخرا", "la resolución posterior 75/309".
  for (let k = 0; k < 2 && !noun && adjectiveBetween(text, ws, i); k++) {
    i = skipSpaceBack(text, ws, floor);
    ws = wordStartHashed(text, i, floor);
    if (ws === i) return undefined;
    noun = nounAt(text, ws, i, wordHash);
  }
  let bodyC: BodyCode | undefined;
  if (!noun) {
    // Body between noun and number: Arabic construct state "قرار مجلس الأمن 687", Russian
    // genitive "резолюций Комиссии по положению женщин 49/7".
    // Spanish/French: "las resoluciones de la Asamblea General 53/199".
    const bodyEnd = i;
    // 14 words: "de la Comisión de la Condición Jurídica y Social de la Mujer", "de la Asamblea de las
    // Naciones Unidas sobre el Medio Ambiente".
    for (let k = 0; k < 14 && !noun; k++) {
      // Elided articles ("droits de l’homme") join words with an apostrophe, not a space.
      let e = skipSpaceBack(text, ws, floor);
      if (e > floor && APOSTROPHE_RE.test(text[e - 1]!)) e--;
      const s2 = wordStartHashed(text, e, floor);
      if (s2 === e) return undefined;
      noun = nounAt(text, s2, e, wordHash);
      if (noun) {
        const between = text.slice(ws, bodyEnd).replace(/^(?:de la|del|de l[’']|du|des|of the)\s+/, '');
        bodyC = BODY_EXACT_RE.test(between) ? bodyOf(between) : ASSEMBLY_RE.test(between) ? 'GA' : undefined;
        // Two bodies sharing one noun ("резолюции Генеральной Ассамблеи и Совета Безопасности
        // 70/262 и 2282 (2016)"): each item then takes its body from its own form.
        if (!bodyC && COUNCIL_RE.test(between)) bodyC = shortBodyBefore(text, s2, between);
        else if (!bodyC && !BODY_PAIR_RE.test(between)) return undefined;
        i = e;
      }
      ws = s2;
    }
    if (!noun) return undefined;
  }
  // Before the noun: a possessive, or a body name.
  const e = skipSpaceBack(text, ws, floor);
  const ps = wordStart(text, e, floor);
  const head: Head = { start: ws, noun: noun.noun, its: noun.possessive, wordBefore: ps < e };
  if (bodyC) head.body = bodyC;
  if (ps < e) {
    const word = text.slice(ps, e);
    if (ITS_RE.test(word)) {
      head.its = true;
      head.start = ps;
      // "by the General Assembly in its resolution": the named body owns "its".
      const e2 = skipSpaceBack(text, ps, floor);
      const ps2 = wordStart(text, e2, floor);
      if (ps2 < e2 && PREP_RE.test(text.slice(ps2, e2))) {
        const m = BODY_END_RE.exec(text.slice(Math.max(floor, ps2 - 70), ps2));
        const body = m
          ? bodyOf(m[0].replace(/[\s,]+$/, ''))
          : (subjectBody(text, ps2, floor, word) ?? undefined);
        if (body) {
          head.body = body;
          head.its = false;
        } else head.prepIts = true;
      }
    } else if (head.its && PREP_RE.test(word)) {
      // Arabic "مجلس حقوق الإنسان في قراره 39/13": the possessive is a suffix on the noun, so
      // the preposition sits right before it and the body named before owns "its".
      const m = BODY_END_RE.exec(text.slice(Math.max(floor, ps - 70), ps));
      const body = m ? bodyOf(m[0].replace(/[\s,،]+$/, '')) : undefined;
      if (body) {
        head.body = body;
        head.its = false;
      }
    } else if (!head.body && !/^[a-zа-яё]/.test(word)) {
      // Body names end with a capitalised or non-Latin word ("Assembly", "générale" is the exception).
      const m = BODY_END_RE.exec(text.slice(Math.max(floor, e - 80), e));
      const body = m ? bodyOf(m[0].replace(/[\s,]+$/, '')) : undefined;
      if (body) {
        head.body = body;
        head.start = e - m![0].replace(/[\s,]+$/, '').length;
      } else if (COUNCIL_RE.test(word)) {
        // "in particular Commission resolution 1998/72": the short name, before the noun.
        const short = shortBodyBefore(text, ps, word);
        if (short) {
          head.body = short;
          head.start = ps;
        }
      }
    } else if (!head.body && /^(?:générale|general|человека|женщин|развития)$/.test(word)) {
      // Body names ending in a lower-case word: "Assemblée générale", Russian "Советом по правам человека резолюцию".
      const m = BODY_END_RE.exec(text.slice(Math.max(floor, e - 80), e));
      const body = m ? bodyOf(m[0]) : undefined;
      if (body) head.body = body;
    }
  }
  return head;
}

const ZH_HEAD_RE = new RegExp(
  `(?:(?<bodyB>${BODY_ANY_SRC})\\s{0,2}(?:在其|于其)?|(?<its>其)|(?<short>委员会|理事会))?(?:\\s{0,2}(?:在|于|关于[^，。；,;\\n第]{1,60}?的|(?:19|20)\\d\\d\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日|题为“[^”\\n]{1,160}”的)){0,3}\\s{0,2}(?<di>第)?\\s{0,2}$`,
);

/** After the body-after phrase: FR "de l'Assemblée générale", ES "de la Asamblea General", RU genitive. */
const BODY_AFTER_RE = new RegExp(
  `(?:\\s{1,3}(?:of the|de l[’']|de la|del|du|الصادر عن|الذي اتخذ(?:ته|ه))\\s{0,2}(?<body>${BODY_ANY_SRC})|\\s{1,3}(?<bare>${BODY_ANY_SRC}))`,
  'y',
);

/** The subject right after "PREP its resolution N,": FR "…, le Conseil des droits de l’homme", ES "…, el Consejo …". */
const SUBJECT_AFTER_RE = new RegExp(
  `\\s{0,2},\\s{0,2}(?:the|le|la|l[’']|el)\\s{0,2}(?<body>${BODY_ANY_SRC})`,
  'y',
);

const FN_AT_RE =
  /\s{0,2}(?:Ibid|Ibíd|Voir|See|V[ée]ase|V[ée]anse|См\.|Там же|انظر|المرجع نفسه|\(\s{0,2}\(\s{0,2}\))/y;
const FN_BODY_RE = new RegExp(
  `[.)]\\s{0,2}[,،]?\\s{1,3}(?:of the|du|de la|de l[’']|del|الصادر عن)\\s{0,2}(?<body>${BODY_ANY_SRC})`,
);

/**
 * French/Spanish name the body after the whole list, and the last item's footnote may sit in
 * between: "… et 42/19 du 26 septembre 2019 Ibid., soixante-quatorzième session, Supplément no 53A
 * (A/74/53/Add.1), chap. III. du Conseil des droits de l’homme". The body follows the footnote's
 * closing full stop (a body inside the footnote, "Documents officiels de l’Assemblée générale", does not).
 */
/** First characters of FN_AT_RE's words ("Ibid", "Voir", "See", "См.", "Там же", "انظر", "((": I V S С Т ا ( ). */
function footnoteWordAt(text: string, pos: number): boolean {
  let i = pos;
  while (i < pos + 2 && charKind(text.charCodeAt(i)) === 2) i++;
  const c = text.charCodeAt(i);
  return c === 73 || c === 86 || c === 83 || c === 0x421 || c === 0x422 || c === 0x627 || c === 40;
}

function bodyAfterFootnote(text: string, pos: number): BodyCode | undefined {
  if (!footnoteWordAt(text, pos)) return undefined;
  FN_AT_RE.lastIndex = pos;
  if (!FN_AT_RE.test(text)) return undefined;
  let window = text.slice(pos, pos + 320);
  const stop = window.search(/[\n;]/);
  if (stop >= 0) window = window.slice(0, stop);
  const m = FN_BODY_RE.exec(window);
  return m?.groups?.body ? bodyOf(m.groups.body) : undefined;
}

/**
 * A short name after the number, ending the phrase: "la resolución 1998/72 de la Comisión, de 22 de
 * abril", "la résolution 55/21 du Conseil, en date du", "резолюции 55/21 Совета от". It points back
 * like a short name before the noun ({@link shortBodyBefore}).
 */
const SHORT_AFTER_RE =
  /\s{1,3}(?:(?:of the|de la|del|du|de l[’'])\s{0,2}(?:Council|Commission|Conseil|Consejo|Comisi[óo]n)|Совета|Комиссии)(?=\s{0,2}[,;.:)\n]|\s{1,3}(?:of|de|du|en date du|от)\s{1,3}\d)/y;
function shortBodyAfter(text: string, pos: number): { body: BodyCode; end: number } | undefined {
  let i = pos;
  while (i < pos + 3 && charKind(text.charCodeAt(i)) === 2) i++;
  const c = text.charCodeAt(i);
  // Every alternative opens with "o", "d", "С" or "К": the regex only runs after one of them.
  if (c !== 111 && c !== 100 && c !== 0x421 && c !== 0x41a) return undefined;
  SHORT_AFTER_RE.lastIndex = pos;
  const m = SHORT_AFTER_RE.exec(text);
  if (!m) return undefined;
  const word = m[0].trim().split(/\s+/).pop()!;
  const body = shortBodyBefore(
    text,
    pos,
    word === 'Совета' ? 'Council' : word === 'Комиссии' ? 'Commission' : word,
  );
  return body ? { body, end: SHORT_AFTER_RE.lastIndex } : undefined;
}

/** A body name right after the number with no connector is only grammatical in Russian (genitive) and Arabic (ل). */
function bodyAfterAt(text: string, pos: number): { body: BodyCode; end: number } | undefined {
  // Both alternatives open with whitespace.
  if (charKind(text.charCodeAt(pos)) !== 2) return undefined;
  BODY_AFTER_RE.lastIndex = pos;
  const m = BODY_AFTER_RE.exec(text);
  if (!m?.groups) return shortBodyAfter(text, pos);
  const name = m.groups.body ?? m.groups.bare!;
  if (m.groups.bare && !/^(?:[А-Яа-яЁё]|لل)/.test(name)) return undefined;
  const body = bodyOf(name);
  return body ? { body, end: BODY_AFTER_RE.lastIndex } : undefined;
}

/**
 * 号决议 / 号决定, also with "etc." or a topic between: "第47/212 A号和第72/266 A号等有关决议",
 * "第77/20号关于联合国同国际刑警组织的合作的决议".
 */
const ZH_TERM_RE =
  /\s?(?:号\s?(?:等(?:有关)?|关于[^，。；、,;\n第号“”]{1,60}?的)?)?\s?(?:(?<res>决议|決議)|(?<dec>决定|決定))/y;
// "第52/2号 同上，…。" : an inlined footnote right after 号 does not close the list.
const ZH_CONT_RE = /\s?号\s?(?=[、,和及与以]|同上|见《)|\s?(?=[、和及与]|以及)/y;
const ZH_GAP_RE = /^(?:\s|号|、|,|和|及|以及|与|第|(?:19|20)\d\d\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)*$/;
const ZH_GAP_SEP_RE = /[、,和及与]/;
/**
 * A footnote inlined between two items of a Chinese list ("第36/14号、 同上，《第七十二届会议，补编第53 A号》
 * (A/72/53/Add.1)，第三章。 2018年9月28日第39/13号…"): a reference ending at its full stop, skipped in the gap.
 */
const ZH_FOOTNOTE_RE = /(?:同上|见|參看|参看)[^。\n]{0,240}。|[A-Z]{1,6}\/[A-Za-z0-9/.-]{2,40}。/g;
/** Longest Chinese list kept waiting for its 号决议 / 号决定. */
const MAX_ZH_PENDING = 200;
const ZH_RUN_CHAR_RE = /[\d/、,和及与第号\s().A-Z-]/;
/**
 * ZH_RUN_CHAR_RE as a table over UTF-16 units (1: in the run), made on first use (only a hostile run
 * needs it): skipping the run then reads one array cell a character.
 */
let zhRunChars: Uint8Array | undefined;
function zhRunTable(): Uint8Array {
  if (!zhRunChars) {
    zhRunChars = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) if (ZH_RUN_CHAR_RE.test(String.fromCharCode(c))) zhRunChars[c] = 1;
  }
  return zhRunChars;
}

/** Between two items of one list: separators, conjunctions, footnote markers, "respectively". */
const LIST_GAP_RE =
  /^(?:[\s,;،؛]|and|et|y|e|и|или|or|ou|o|و|as well as|ainsi que|así como|а также|respectively|respectivement|respectivamente|соответственно|in particular|particularly|notably|en particulier|notamment|en particular|в частности|\d{1,2}(?=[\s,;])|(?:annex(?:e|es)?|anexos?|приложени[ея]|المرفق|附件)(?:\s+[IVX]{1,4})?|(?:paras?\.|par\.|párrs?\.|пункты?|пп?\.|الفقرة|الفقرتان|الفقرات(?:\sمن)?)\s?\d{1,3}(?:\s?\([a-z]\))?(?:\s?(?:[–-]|à|a|to|إلى|по)\s?\d{1,3})?|(?:section|sect\.|secci[óo]n|secc\.|раздел|разд\.)\s(?:[IVXLC]{1,6}|[A-ZА-Я])(?![A-Za-zА-Яа-я])|الجزء(?:\s[\u0621-\u064A]{2,12}){1,3}|المؤرخ[\u0621-\u064A]{0,3}\s(?:في\s)?\d{1,2}\s[\u0621-\u064A /]{2,30}?\s?\d{4}|(?:of|du|de|от)\s\d{1,2}(?:er)?\s(?:de\s)?[A-Za-zÀ-ÿа-яё]{3,10}\s(?:de\s)?\d{4}(?:\s?года|\s?г\.)?)*$/;
/**
 * A list item's topic before the next item: "74/270 of 2 April 2020 on global solidarity to fight COVID-19, 74/274".
 * A wrapped text may break its line inside the topic, a blank line may not stand in it.
 */
const TOPIC_GAP_RE =
  /^\s{0,2}[,،]?\s{0,2}(?:on|sur|relatives? à|concernant|sobre|relativ[ao]s? al?|об?|по вопросу|относительно|касающ[а-я]{2,4}|بشأن|المتعلق(?:ة)?|الذي|التي|entitled|intitulée?s?|titulad[ao]s?|под названием|المعنون(?:ة)?|in which|by which|dans laquelle|par laquelle|aux termes de laquelle|en (?:la|el) que|por (?:la|el) que|в котор[а-я]{1,3}|согласно котор[а-я]{1,3}|котор(?:ой|ым|ая|ую)|озаглавленн[а-я]{2,3})\s(?:[^;\n]|\n(?![ \t]*\n)){1,160}?(?:[,،]\s{0,2}(?:and|et|y|и|و)?\s{0,2}|\s(?:and|et|y|и|و)\s{0,2})$/;
/** Between a list's last item and a second head noun: a conjunction ("and decision 52/101", "et décision", "и решение"). */
const NOUN_JOIN_RE = /^\s{0,3}[,،]?\s{0,3}(?:and|et|y|e|и|а также|as well as|ainsi que|así como)\s{1,3}$/;
const LIST_GAP_SEP_RE = /[,;،؛]|\b(?:and|et|y|e|or|ou|o)\b|(?:^|\s)(?:и|или|و)(?:\s|$)|а также/;

/** The end of an inlined footnote glued to the next list item: "…, chap. IV, sect. A.30/4 of 1 October 2015". */
const LOCATOR_END_RE =
  /(?:sect|chap|secc|cap|para|paras|párr|annex|раздел|разд|гл)\.?\s[0-9A-ZА-Я]{1,5}(?:[–-]\d{1,4})?\.$/;
function afterLocator(text: string, start: number): boolean {
  return LOCATOR_END_RE.test(text.slice(Math.max(0, start - 16), start));
}

/** Start of a footnote inlined in the text ("See Official Records…", "Ibid., Seventieth Session…"). */
const FOOTNOTE_START_RE =
  /(?<![\p{L}])(?:See|Voir|V[ée]ase|V[ée]anse|См\.|انظر|Ibid|Ibíd|Там же|المرجع نفسه)(?![\p{L}])/u;
// Arabic glues "و" to the footnote's closing parenthesis: "…( () المرجع نفسه.)و 24/22".
const FOOTNOTE_END_SEP_RE = /(?:[,;،]|\s(?:and|et|y|и|و)|\)و)\s{0,2}$/;

/**
 * A gap made of separators and one footnote inlined where its marker was (UN texts put footnote
 * bodies in the paragraph): "27/13 of 25 September 2014, See Official Records …, chap. IV, sect. A.30/4
 * of 1 October 2015", "… 2014( () انظر: الوثائق الرسمية …، الفصل الرابع.) و 30/4". The list goes on
 * when the text before the footnote is a list gap and a separator stands before or after it.
 */
function footnoteGap(gap: string): boolean {
  if (gap.length > 400 || gap.length < 8 || /[\n;]/.test(gap)) return false;
  const m = FOOTNOTE_START_RE.exec(gap);
  if (!m) return false;
  const before = gap.slice(0, m.index).replace(/\(\s{0,2}\(\s{0,2}\)\s{0,2}$/, '');
  if (!LIST_GAP_RE.test(before)) return false;
  return LIST_GAP_SEP_RE.test(before) || FOOTNOTE_END_SEP_RE.test(gap);
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(r: string): number {
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN[r[i]!] ?? 0;
    const next = ROMAN[r[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

const AR_LETTERS: Record<string, string> = Object.fromEntries(
  'ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين تاء ثاء خاء ذال ضاد'
    .split(' ')
    .map((name, i) => [name, String.fromCharCode(65 + i)]),
);

/** Cyrillic look-alikes written for Latin part letters and numerals (`2200 А (XXI)`); Arabic letter names ("ألف"). */
function latin(s: string): string {
  if (s === 'الف') return 'A';
  if (AR_LETTERS[s]) return AR_LETTERS[s];
  return s.replace(
    /[АВСЕХІКМНРТ]/g,
    (c) =>
      ({ А: 'A', В: 'B', С: 'C', Е: 'E', Х: 'X', І: 'I', К: 'K', М: 'M', Н: 'H', Р: 'P', Т: 'T' })[c] ?? c,
  );
}

/** Normalises an old-style session: "(XV)", OCR "(1)", lower-case "(xxx)", Arabic "(د-15)". */
function oldSession(
  os: string,
): { kind: 'year'; year: number } | { kind: 'roman'; roman: string } | undefined {
  if (/^\d{4}$/.test(os)) {
    const year = Number(os);
    return year >= 1946 && year <= 2035 ? { kind: 'year', year } : undefined;
  }
  if (/^1+$/.test(os)) return { kind: 'roman', roman: 'I'.repeat(os.length) };
  const ar = /^د(إط|إ)?\s?-\s?(\d{1,2})$/.exec(os);
  if (ar)
    return {
      kind: 'roman',
      roman: `${ar[1] ? (ar[1] === 'إ' ? 'S-' : 'ES-') : ''}${toRoman(Number(ar[2]))}`,
    };
  const up = latin(os.toUpperCase());
  const special = /^(E?S-)?([IVXLC]+)$/.exec(up);
  if (!special) return undefined;
  const value = romanValue(special[2]!);
  if (value < 1 || value > 99 || toRoman(value) !== special[2]) return undefined;
  return { kind: 'roman', roman: up };
}

function partField(p1?: string, pc?: string, p2?: string): string | undefined {
  if (!p1) return undefined;
  const a = latin(p1);
  if (!p2) return a;
  const b = latin(p2);
  const range = /^(?:to|à|a|по|至|-|إلى)$/.test(pc ?? '');
  if (range || b.charCodeAt(0) - a.charCodeAt(0) === 1) return `${a}-${b}`;
  return `${a},${b}`;
}

type Noun = 'res' | 'dec';

export interface Item {
  start: number;
  /** End of the citation proper (number, parts, session). */
  end: number;
  /** End of what the item consumed (date, body after), for list gaps. */
  tail: number;
  sp?: string;
  a: string;
  b?: string;
  cop?: string;
  cs?: string;
  part?: string;
  session?: ReturnType<typeof oldSession>;
  date?: string;
  bodyAfter?: BodyCode;
  /** Start of the surface when the head phrase is included (first item of a list). */
  surfaceStart: number;
  surfaceEnd: number;
  list: ListCtx;
  /** Number without session or year (Chinese "第1325号决议"); keyed from an earlier SC citation. */
  bare?: boolean;
}

interface ListCtx {
  noun?: Noun;
  body?: BodyCode;
  its: boolean;
  zh: boolean;
  /** Decided by a possessive: the document's body at this offset. */
  itsAt: number;
}

/** An item's list until the scan gives it one (never changed: every list written to is made by the scan). */
const NO_LIST: Readonly<ListCtx> = { its: false, zh: false, itsAt: 0 };

/**
 * The commonest item, "74/123" followed by a character that continues neither the number, a part
 * letter, a UNFCCC or an old-style session: read by hand, it is exactly the item ITEM_RE gives (a, b,
 * end after b; the slash's offset is left in `simpleSlash`). Anything else (`-1`) goes to the regex.
 */
let simpleSlash = 0;
function simpleItemEnd(text: string, start: number): number {
  let i = start;
  while (i < start + 4 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === start || text.charCodeAt(i) !== 47) return -1;
  simpleSlash = i;
  const bStart = ++i;
  while (i < bStart + 4 && isAsciiDigit(text.charCodeAt(i))) i++;
  if (i === bStart) return -1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  // ITEM_RE's (?![\d/]|[.,]\d) after b, then what could open parts or a session: "A", " A", "(", " (".
  if (c === 44 || c === 46) return isAsciiDigit(d) ? -1 : i; // , .
  if (c === 59 || c === 58 || c === 41) return i; // ; : )
  // A space or line end (ITEM_RE's \s?), then a lower-case word or a digit: no part letter, no "(".
  if (c === 32 || c === 10) return (d >= 97 && d <= 122) || isAsciiDigit(d) ? i : -1;
  return -1;
}

/** One item at `start` (exported for the test that holds the hand-read path to ITEM_RE's). */
export function parseItem(text: string, start: number, byHand = true): Item | undefined {
  const fast = byHand ? simpleItemEnd(text, start) : -1;
  if (fast >= 0) {
    const slash = simpleSlash;
    const item: Item = {
      start,
      end: fast,
      tail: fast,
      a: text.slice(start, slash),
      b: text.slice(slash + 1, fast),
      surfaceStart: start,
      surfaceEnd: fast,
      list: NO_LIST,
    };
    return plausible(item) ? item : undefined;
  }
  ITEM_RE.lastIndex = start;
  const m = ITEM_RE.exec(text);
  if (!m) return undefined;
  const sp = m[G.sp];
  const b = m[G.b];
  const old = m[G.old];
  let cop = m[G.cop];
  let cs = m[G.cs];
  let end = ITEM_RE.lastIndex;
  // A trailing space captured by `\s?` before a part that did not come is not part of the item.
  const item: Item = {
    start,
    end,
    tail: end,
    a: m[G.a]!,
    surfaceStart: start,
    surfaceEnd: end,
    list: NO_LIST,
  };
  if (sp) item.sp = sp === 'دإ' ? 'S' : sp === 'دإط' ? 'ES' : sp;
  if (m[G.copar]) {
    cop = 'CP';
    cs = m[G.csar] ?? '';
  }
  if (b || cop) {
    if (old) end -= old.length;
    if (b) item.b = b;
    else {
      item.cop = cop!;
      item.cs = cs!;
    }
  } else if (old) {
    const session = oldSession(m[G.os]!);
    if (!session) return undefined;
    item.session = session;
  } else {
    if (sp) return undefined;
    item.bare = true;
    const parts = m[G.parts];
    if (parts) end -= parts.length;
  }
  const p1 = m[G.p1];
  if (p1 && (b || old)) {
    const part = partField(p1, m[G.pc], m[G.p2]);
    if (part) item.part = part;
  }
  item.end = item.tail = item.surfaceEnd = end;
  return plausible(item) ? item : undefined;
}

/** Plausibility of the number itself. */
function plausible(item: Item): boolean {
  const a = Number(item.a);
  if (item.b !== undefined) {
    const b = Number(item.b);
    if (b < 1) return false;
    if (item.sp) {
      if (a < 1 || a > 40) return false;
    } else if (!((a >= 1 && a <= 99) || (a >= 1946 && a <= 2035))) return false;
    if (a >= 1946 && b > 999) return false;
  } else if (a < 1) return false;
  return true;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character glued before a number that makes it no item: a letter, digit, "/", ".", "_", "\\" or "-". */
function badBefore(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0x410 && c <= 0x44f) ||
    c === 0x401 ||
    c === 0x451 ||
    (c >= 48 && c <= 57) ||
    c === 47 ||
    c === 46 ||
    c === 95 ||
    c === 92 ||
    c === 45
  );
}

function isItemChar(c: number): boolean {
  return (
    c === 47 || // "/"
    c === 40 || // "("
    c === 0x53f7 || // 号
    (c >= 65 && c <= 90) || // part letter, "2200A (XXI)"
    c === 0x410 ||
    c === 0x412 ||
    c === 0x421 ||
    c === 0x415 || // Cyrillic А В С Е as part letters
    c === 0x41a ||
    c === 0x41c ||
    c === 0x41d ||
    c === 0x420 ||
    c === 0x422 || // К М Н Р Т: "50/70 М от 12 декабря 1995 года" (look-alikes of K M H P T; not О, the preposition "about")
    (c >= 0x621 && c <= 0x64a) // Arabic part letter names
  );
}

/** Roman numerals (Latin, Cyrillic look-alikes), "S-"/"ES-", Arabic "د", digits: what "(…)" after a number may hold. */
function isSessionChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 73 ||
    c === 86 ||
    c === 88 ||
    c === 76 ||
    c === 67 ||
    c === 105 ||
    c === 118 ||
    c === 120 ||
    c === 108 ||
    c === 99 ||
    c === 83 ||
    c === 69 ||
    c === 45 ||
    c === 32 ||
    c === 0x425 ||
    c === 0x406 ||
    c === 0x62f ||
    c === 0x625 ||
    c === 0x637
  );
}

/** "(" opens an old-style session or SC year only if it closes within a few session characters. */
function sessionParen(text: string, open: number): boolean {
  for (let i = open + 1; i < open + 12; i++) {
    const c = text.charCodeAt(i);
    if (c === 41) return i > open + 1;
    // ITEM_RE's `\s?` inside the parentheses: any white space, a line end too.
    if (!isSessionChar(c) && !isSpace(c)) return false;
  }
  return false;
}

/**
 * Can an item go on after the digits ending at `end`? Never stricter than ITEM_RE: its `\s?` before a
 * part or a session is any one white-space character, a line end too ("427\n(1978)" in a wrapped text).
 */
export function canContinue(text: string, end: number): boolean {
  let c = text.charCodeAt(end);
  let at = end;
  if (isSpace(c)) {
    at++;
    c = text.charCodeAt(at);
  }
  if (c === 40) return sessionParen(text, at);
  if (c === 47 || c === 0x53f7) return true;
  if (!isItemChar(c)) return false;
  if (c >= 0x621) return true;
  // A part letter without a slash is old style: "217 A (III)", "3411 A and B (XXX)".
  let i = at + 1;
  if (isSpace(text.charCodeAt(i))) i++;
  const n = text.charCodeAt(i);
  if (n === 40) return sessionParen(text, i);
  return (n >= 97 && n <= 122) || (n >= 0x430 && n <= 0x44f) || n === 0x548c;
}

/** Body after the number, date, body after the date, body after a footnote: sets them on `item`, returns the tail's end. */
function readTail(text: string, item: Item): number {
  let tail = item.end;
  let ba = bodyAfterAt(text, tail);
  if (ba) {
    item.bodyAfter = ba.body;
    tail = ba.end;
  }
  const d = dateAfter(text, tail, true, item.session?.kind === 'year' ? item.session.year : undefined);
  if (d) {
    if (d.date) item.date = d.date;
    tail = d.end;
    if (!item.bodyAfter) {
      ba = bodyAfterAt(text, tail);
      if (ba) {
        item.bodyAfter = ba.body;
        tail = ba.end;
      }
    }
  }
  if (!item.bodyAfter) {
    const fb = bodyAfterFootnote(text, tail);
    if (fb) item.bodyAfter = fb;
  }
  return tail;
}

/**
 * After a connector, the number is one of "the resolutions … of BODY" named just before: "recalling the
 * resolutions and decisions of the Human Rights Council, the most recent of which being resolutions 56/1",
 * "du Conseil des droits de l’homme, dont la plus récente est la résolution 56/1", "Совета по правам
 * человека, последней из которых является резолюция 56/1", "مجلس حقوق الإنسان، وآخرها القرارات 56/1".
 */
const LIST_CONNECTOR_RE = new RegExp(
  `[,،]\\s{0,2}(?:(?:the\\s+)?most\\s+recent(?:ly)?(?:\\s+of\\s+which)?(?:\\s+(?:being|was|were|is|are))?|including(?:\\s+the\\s+most\\s+recent,?)?|in\\s+particular|notably|such\\s+as|especially|dont\\s+(?:la|les|le)\\s+plus\\s+récentes?(?:\\s+(?:est|sont))?|notamment|en\\s+particulier|y\\s+compris|(?:la|las|el|los)\\s+más\\s+recientes?(?:\\s+de\\s+(?:las|los)\\s+cuales\\s+(?:es|son))?|en\\s+particular|incluid[ao]s?|последн(?:ей|ими|им|яя|ие|ий)\\s+из\\s+(?:которых|них)(?:\\s+(?:является|являются|была|были))?|в\\s+частности|включая|وآخرها|و?لا\\s+سيما|بما\\s+في\\s+ذلك)(?:\\s+(?:the|la|les|las|los|el))?\\s{0,2}$`,
);
/** Chinese: "人权理事会的各项决议和决定，最近的决议是2024年7月10日第", ending right before the number. */
const ZH_RECENT_RE = new RegExp(
  `(?<body>${BODY_ANY_SRC})的(?:各项|所有|有关|相关)?(?:决议|决定)(?:和(?:决议|决定))?[，,]\\s{0,2}(?:其中)?(?:最近的|最新的)(?:决议|决定|一项)?(?:是|为)\\s{0,2}(?:(?:19|20)\\d\\d\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日)?\\s{0,2}第?\\s{0,2}$`,
);
/** Before the connector's comma: the numberless "resolutions (and decisions) of BODY" the list belongs to. */
const RESOLUTIONS_OF_RE = new RegExp(
  `(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})(?:\\s+(?:and|et|y|и)\\s+(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})|\\s*و(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC}))?\\s+(?:(?:adopted\\s+by|of)\\s+the\\s+|adoptées\\s+par\\s+le\\s+|aprobadas\\s+por\\s+el\\s+|du\\s+|de\\s+la\\s+|del\\s+|de\\s+l[’']\\s?)?(?<body>${BODY_ANY_SRC})$`,
);
/** Called only when a word stands right before the noun (every connector ends in one, maybe an article). */
function bodyOfResolutionsBefore(text: string, nounStart: number, floor: number): BodyCode | undefined {
  const near = text.slice(Math.max(floor, nounStart - 60), nounStart);
  const c = LIST_CONNECTOR_RE.exec(near);
  if (!c) return undefined;
  const commaAt = nounStart - near.length + c.index;
  const before = text.slice(Math.max(floor, commaAt - 160), commaAt);
  const m = RESOLUTIONS_OF_RE.exec(before);
  return m?.groups?.body ? bodyOf(m.groups.body) : undefined;
}

/**
 * "the Human Rights Council in its resolution 52/1 and decision 52/101": is the noun at `nounStart` a
 * second one joined to `prev`'s list (which then keeps its body or possessive, with the noun's own kind)?
 * The gap holds a conjunction (three characters at least, " y "), or Arabic glues "و" to the noun.
 */
function joinedNoun(text: string, prev: Item, nounStart: number): boolean {
  if (prev.list.zh || prev.tail > nounStart) return false;
  const gap = nounStart - prev.tail;
  if (gap >= 3 && gap <= 24) return NOUN_JOIN_RE.test(text.slice(prev.tail, nounStart));
  return text.charCodeAt(nounStart) === 0x648 && gap <= 3 && /^\s*$/.test(text.slice(prev.tail, nounStart));
}

/** How far after an item the next digit is looked for by hand. */
const LIST_PEEK = 24;

/**
 * Finds resolution and decision mentions. `ctx.docBodyAt` (set by find.ts) gives the document's
 * own body for "its resolution"; without it "its" falls back to the form of the number.
 */
export function scanResolutions(text: string, ctx: ScanContext): Mention[] {
  const items: Item[] = [];
  const trigger = /\d+/g;
  let prev: Item | undefined;
  let pendingZh: Item[] = [];
  const flushZh = () => {
    pendingZh = [];
  };
  // Right after an item the next one is usually a few characters on ("58/208, 59/241"): the next digit
  // is looked for by hand there, which spares a regex call for each item of a list.
  let peek = false;
  for (;;) {
    const from = trigger.lastIndex;
    let start = -1;
    let runEnd = -1;
    if (peek) {
      peek = false;
      const peekEnd = Math.min(from + LIST_PEEK, text.length);
      let i = from;
      while (i < peekEnd && !isAsciiDigit(text.charCodeAt(i))) i++;
      if (i < peekEnd) {
        start = i;
        runEnd = i + 1;
        while (isAsciiDigit(text.charCodeAt(runEnd))) runEnd++;
        trigger.lastIndex = runEnd;
      } else trigger.lastIndex = peekEnd;
    }
    if (start < 0) {
      // `test`, not `exec`: no match object for each of the text's digit runs; the run is read back.
      const floor = trigger.lastIndex;
      if (!trigger.test(text)) break;
      runEnd = trigger.lastIndex;
      start = runEnd - 1;
      while (start > floor && isAsciiDigit(text.charCodeAt(start - 1))) start--;
    }
    if (runEnd - start > 4) continue;
    // Cheap gate before any regex: what follows the digits must be able to continue an item
    // ("/", "(", a part letter, 号, or a space before one of those). Dates and counts stop here.
    if (!canContinue(text, runEnd)) continue;
    // S-13/2, ES-8/2: the series prefix sits before the digits.
    if (text.charCodeAt(start - 1) === 45) {
      const pre = /(?:ES|S|دإط|دإ)$/.exec(text.slice(Math.max(0, start - 4), start - 1));
      if (pre) start -= pre[0].length + 1;
    }
    // A character read as a code, not as a one-character string (NaN before the text's start).
    const before = text.charCodeAt(start - 1);
    if (badBefore(before) && !(before === 46 && afterLocator(text, start))) continue;
    const item = parseItem(text, start);
    if (!item) continue;
    trigger.lastIndex = Math.max(trigger.lastIndex, item.end);
    // A bare number (footnote marker, day of a date) neither starts nor breaks a list.
    if (item.bare && !/^\s?号/.test(text.slice(item.end, item.end + 2))) {
      if (!/[A-Za-zА-Яа-яЁё\u0600-\u06FF.№]\s{0,2}$/.test(text.slice(Math.max(0, start - 3), start)))
        continue;
    }

    // Chinese: the list ends at 号决议 / 号决定, which also tells the kind.
    // Both need a Chinese character: nothing to look for in a text without one.
    let term: RegExpExecArray | null = null;
    let zhCont = false;
    if (!ctx.latinOnly) {
      ZH_TERM_RE.lastIndex = item.end;
      term = ZH_TERM_RE.exec(text);
      ZH_CONT_RE.lastIndex = item.end;
      zhCont = !term && ZH_CONT_RE.test(text);
    }
    if (term || zhCont) {
      const zhDate = zhDateBefore(text, start - (text[start - 1] === '第' ? 1 : 0));
      // 号决议 / 号决定 is the head noun itself; items before it in the list wait for it.
      let list: ListCtx;
      const gapFrom = prev?.list.zh ? prev.tail : -1;
      const gap = gapFrom >= 0 ? text.slice(gapFrom, start) : '';
      const joined = gapFrom >= 0 && ZH_GAP_RE.test(gap.length > 600 ? gap : gap.replace(ZH_FOOTNOTE_RE, ''));
      // The head (body, 其, date, 第) is read only when the item does not continue a list.
      const zhHead =
        joined && pendingZh.length > 0
          ? null
          : ZH_HEAD_RE.exec(text.slice(Math.max(prev?.tail ?? 0, start - 220), start));
      if (joined && pendingZh.length > MAX_ZH_PENDING) {
        // No real list runs this long without its 号决议: skip the run (hostile input stays linear).
        flushZh();
        let j = start;
        const run = zhRunTable();
        while (j < text.length && run[text.charCodeAt(j)] === 1) j++;
        trigger.lastIndex = j;
        prev = undefined;
        continue;
      }
      if (joined && pendingZh.length > 0) list = prev!.list;
      else if (joined && ZH_GAP_SEP_RE.test(gap) && !zhHead?.groups?.bodyB && !zhHead?.groups?.its) {
        // A new group after a closed one keeps the body but takes its own kind.
        list = { ...prev!.list, noun: undefined };
      } else {
        flushZh();
        // "委员会关于…的第1998/72号决议", "理事会2024年…第57/13号决议": a short name points back.
        const short = zhHead?.groups?.short;
        const body = zhHead?.groups?.bodyB
          ? bodyOf(zhHead.groups.bodyB)
          : short
            ? shortBodyBefore(text, start, short)
            : undefined;
        list = { its: !!zhHead?.groups?.its, zh: true, itsAt: start };
        if (body) list.body = body;
        else if (!list.its) {
          // "人权理事会的各项决议和决定，最近的决议是2024年7月10日第56/1号": the body named before the connector.
          const recent = ZH_RECENT_RE.exec(text.slice(Math.max(prev?.tail ?? 0, start - 120), start));
          if (recent?.groups?.body) list.body = bodyOf(recent.groups.body);
        }
        item.surfaceStart = start - (zhHead?.groups?.di ? 1 : 0);
      }
      if (zhDate) item.date = zhDate.date;
      item.list = list;
      pendingZh.push(item);
      if (term) {
        const noun: Noun = term.groups!.res ? 'res' : 'dec';
        for (const it of pendingZh) it.list.noun = noun;
        if (pendingZh.length === 1) item.surfaceEnd = ZH_TERM_RE.lastIndex;
        items.push(...pendingZh);
        flushZh();
        item.tail = ZH_TERM_RE.lastIndex;
      } else {
        item.tail = item.end;
      }
      prev = item;
      trigger.lastIndex = Math.max(trigger.lastIndex, item.tail);
      continue;
    }
    // A bare number ("补编第7号》" in an inlined footnote) neither continues nor breaks a Chinese list.
    if (pendingZh.length && !item.bare) flushZh();

    // Tail: body after the number, date, body after the date. Most items are followed by none of them:
    // after ", " ";" ")" "." with no date word, none can start (each one's own gate says so), so none is asked.
    let tail = item.end;
    const tc = text.charCodeAt(tail);
    if (!((tc === 44 || tc === 59 || tc === 41 || tc === 46) && !dateWordAt(text, tail)))
      tail = readTail(text, item);
    item.tail = tail;

    // Head noun right before, else continuation of the previous list.
    const floor = Math.max(prev?.tail ?? 0, start - 120);
    let list: ListCtx | undefined;
    const head = headBefore(text, start, floor);
    if (head) {
      list = { noun: head.noun, its: head.its, zh: false, itsAt: start };
      if (head.body) list.body = head.body;
      else if (head.prepIts) {
        // "Notant que, dans sa résolution 39/13, le Conseil des droits de l’homme a décidé": the
        // clause's subject, named right after, owns the possessive.
        SUBJECT_AFTER_RE.lastIndex = item.tail;
        const m = SUBJECT_AFTER_RE.exec(text);
        const body = m?.groups?.body ? bodyOf(m.groups.body) : undefined;
        if (body) {
          list.body = body;
          list.its = false;
        }
      } else if (!head.its && !item.bodyAfter && prev && joinedNoun(text, prev, head.start)) {
        if (prev.list.body) list.body = prev.list.body;
        list.its = prev.list.its;
        list.itsAt = prev.list.itsAt;
      } else if (head.wordBefore && !head.its && !item.bodyAfter) {
        const body = bodyOfResolutionsBefore(text, head.start, prev ? prev.tail : 0);
        if (body) list.body = body;
      }
      item.surfaceStart = head.start;
    }
    if (!list && prev && !prev.list.zh && prev.tail <= start) {
      const gap = text.slice(prev.tail, start);
      if (gap.length <= 80 && LIST_GAP_RE.test(gap) && LIST_GAP_SEP_RE.test(gap)) list = prev.list;
      else if ((item.b !== undefined || item.session) && footnoteGap(gap)) list = prev.list;
      else if (gap.length <= 200 && item.b !== undefined && TOPIC_GAP_RE.test(gap)) list = prev.list;
    }
    if (!list) {
      // UNFCCC decisions are unmistakable without a head ("FCCC/CP/2015/10/Add.1, 1/CP.21").
      if (!item.cop) continue;
      list = { noun: 'dec', its: false, zh: false, itsAt: start };
    }
    if (item.bare && !list.noun) continue;
    item.list = list;
    if (!list.body && !list.its && item.bodyAfter) list.body = item.bodyAfter;
    items.push(item);
    prev = item;
    trigger.lastIndex = Math.max(trigger.lastIndex, item.tail);
    peek = true;
  }
  return toMentions(text, items, ctx);
}

const YEAR_BODIES = new Set<BodyCode>([
  'ECOSOC',
  'CHR',
  'CPD',
  'CSW',
  'CSocD',
  'CND',
  'CCPCJ',
  'CSTD',
  'UNFF',
  'CSD',
]);

function keyFor(
  item: Item,
  ctx: ScanContext,
): { kind: 'resolution' | 'decision'; key: string; confidence: number } | undefined {
  const noun = item.list.noun ?? 'res';
  if (item.cop)
    return {
      kind: 'decision',
      key: `UNFCCC dec ${Number(item.a)}/${item.cop}.${Number(item.cs)}`,
      confidence: 1,
    };
  const kind = noun === 'res' ? 'resolution' : 'decision';
  const explicit = item.list.body;
  const docBody = item.list.its ? ctx.docBodyAt?.(item.list.itsAt) : undefined;
  const named = explicit ?? docBody;
  if (item.session) {
    if (item.session.kind === 'year') {
      if (noun === 'dec') return undefined;
      return { kind, key: `S/RES/${Number(item.a)}(${item.session.year})`, confidence: 1 };
    }
    const roman = item.session.roman;
    const special = /^E?S-/.test(roman);
    const value = romanValue(roman.replace(/^E?S-/, ''));
    const body = named === 'ECOSOC' || (!named && !special && value > 30) ? 'E' : 'A';
    if (noun === 'dec') return undefined;
    return {
      kind,
      key: `${body}/RES/${Number(item.a)}(${roman})`,
      confidence: named || value > 30 || special ? 1 : 0.9,
    };
  }
  if (item.b === undefined) return undefined;
  const a = Number(item.a);
  const isYear = a >= 1946;
  let body: BodyCode | undefined = named;
  let confidence = 1;
  if (item.sp) body = 'GA';
  else if (body === 'SC') body = undefined;
  else if (body === 'ECOSOC' && !isYear) body = undefined;
  if (!body) {
    // Without a possessive, the document's own body still decides a number that cannot be the GA's (a
    // session before the 31st: "resolution 5/1" in a Human Rights Council text) or one numbered by year
    // (a commission's text).
    let own = docBody;
    if (own === undefined && !item.list.its && (isYear || a < 31)) own = ctx.docBodyAt?.(item.start);
    if (isYear) body = own && YEAR_BODIES.has(own) ? own : 'ECOSOC';
    else body = own === 'HRC' ? 'HRC' : 'GA';
    confidence = item.list.its ? 0.9 : 0.7;
  }
  // GA numbers sessions this way from the 31st session (1976); a lower one is another body's.
  if (body === 'GA' && !item.sp && !isYear && a < 31) return undefined;
  if (isYear && (body === 'GA' || body === 'HRC')) body = 'ECOSOC';
  // Built only now: a rejected number makes no string.
  const num = `${item.sp ? `${item.sp}-` : ''}${a}/${Number(item.b)}`;
  const T = noun === 'res' ? 'RES' : 'DEC';
  switch (body) {
    case 'GA':
      return { kind, key: `A/${T}/${num}`, confidence };
    case 'ECOSOC':
      return { kind, key: `E/${T}/${num}`, confidence };
    case 'HRC':
      return { kind, key: `A/HRC/${T}/${num}`, confidence };
    case 'CHR':
      return { kind, key: `E/CN.4/${T}/${num}`, confidence };
    default:
      return { kind, key: `${body} ${noun} ${num}`, confidence };
  }
}

function toMentions(text: string, items: Item[], ctx: ScanContext): Mention[] {
  const out: Mention[] = [];
  const scByNumber = ctx.scByNumber ?? new Map<string, string>();
  const keyed: (ReturnType<typeof keyFor> | undefined)[] = items.map((item) => {
    if (item.bare) return undefined;
    const k = keyFor(item, ctx);
    if (k?.key.startsWith('S/RES/')) scByNumber.set(item.a.replace(/^0+/, ''), k.key);
    return k;
  });
  items.forEach((item, i) => {
    let k = keyed[i];
    if (item.bare) {
      if (item.list.noun !== 'res') return;
      const key = scByNumber.get(item.a.replace(/^0+/, ''));
      if (!key) return;
      k = { kind: 'resolution', key, confidence: 0.8 };
    }
    if (!k) return;
    const start = item.surfaceStart;
    const end = item.surfaceEnd;
    const mention: Mention = {
      offset: start,
      end,
      surface: text.slice(start, end),
      kind: k.kind,
      key: k.key,
      confidence: k.confidence,
    };
    if (item.part) mention.part = item.part;
    if (item.date) mention.date = item.date;
    out.push(mention);
  });
  return out;
}

/** Real sentences (dev corpus and UN texts): each must give at least one mention, or none. */
export const examples = {
  match: [
    'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004',
    'General Assembly resolutions 1514 (XV) of 14 December 1960',
    'Recalling its resolution 97 (1) of 14 December 1946',
    'as amended by its resolutions 364 B (IV) and 482 (V)',
    'Commission on Population and Development resolutions 2006/2 of 10 May 2006',
    'Recalling its previous resolutions 1996 (2011), 2046 (2012)',
    'its decisions 2004/322 of 11 November 2004, 2023/201 A of 31 October 2022',
    'Принято резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года',
    'ссылаясь на свои резолюции 55/162 от 14 декабря 2000 года',
    'Rappelant ses résolutions 74/64 du 12 décembre 2019',
    'aprobada en su resolución 41/128, de 4 de diciembre de 1986',
    '特别回顾其2019年12月18日第74/175号决议',
    '安全理事会第2133 (2014)、2178 (2014)号决议',
    'وإذ تشير إلى قراراتها 74/270 المؤرخ 2 نيسان/أبريل 2020',
    'قرار المجلس الاقتصادي والاجتماعي 1980/67 المؤرخ 25 تموز/يوليه 1980',
    '见大会S-30/1号决议，附件。',
  ],
  noMatch: [
    'on September 11, 2001 the attacks of 9/11',
    '[Congressional Record (Bound Edition), Volume 152 (2006), Part 13]',
    'UNSC Resolutions 2015 (64)',
    'in accordance with Article 2(4) of the Charter',
    'open 24/7 and dated 9/4/1960 or 2022/12/14',
    'Welcoming the present resolution and paragraph 7 (a)',
    '第2225、2237、2241和2326卷，第39574号',
    'in chapter I, resolution 2, annex',
  ],
};
