/**
 * The head phrase before a number, read backwards word by word: the noun ("resolution", "résolution",
 * "резолюции", "قرار"), a possessive ("its", "sa", "свои", the Arabic suffix), and the body that owns the
 * noun, named before it, between it and the number, or earlier in the clause.
 */
import { lazyRegExp } from '../../lazy-regexp';
import {
  arabicPossessive,
  BODY_ANY_SRC,
  type BodyCode,
  bodyOf,
  DEC_NOUN_SRC,
  ITS_SRC,
  RES_NOUN_SRC,
} from '../lexicon';
import type { Noun } from './types';
import { type HashedWord, skipSpaceBack, wordStart, wordStartHashed } from './words';

const NOUN_RE = lazyRegExp(`^(?:(?<res>${RES_NOUN_SRC})|(?<dec>${DEC_NOUN_SRC}))$`);

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
 * {@link wordStartHashed} gives it (computed on its way back over the word).
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

const ITS_RE = lazyRegExp(`^(?:${ITS_SRC})$`);
const PREP_RE = /^(?:in|by|through|dans|par|en|в|во|في)$/;
const NUMBER_SIGN_RE = /(?:No\.?|no|n[°º]|núm\.|№|رقم)\s{0,3}$/;
/** A body name ending the slice ("General Assembly resolution": the slice before "resolution"). */
const BODY_END_RE = lazyRegExp(`(?:${BODY_ANY_SRC})[\\s,،]{0,3}$`);
const BODY_EXACT_RE = lazyRegExp(`^(?:${BODY_ANY_SRC})$`);

/** The body whose name ends right before `pos` (white space and a comma between), if any. */
export function bodyEndingAt(text: string, pos: number): BodyCode | undefined {
  const m = BODY_END_RE.exec(text.slice(Math.max(0, pos - 80), pos));
  return m ? bodyOf(m[0].replace(/[\s,]+$/, '')) : undefined;
}
/** "резолюции Ассамблеи 72/180": the Assembly named short. */
const ASSEMBLY_RE = /^(?:Assembly|Assemblée|Asamblea|Ассамблеи|الجمعية)$/;
/**
 * "les résolutions du Conseil 1783 (2007)", "قرار اللجنة 1998/72" (the Commission's resolution): a
 * short back-reference; the number's own form decides.
 */
const COUNCIL_RE = /^(?:Council|Conseil|Consejo|Совета|المجلس|Commission|Comisi[óo]n|Комиссии|اللجنة)$/;
const COMMISSION_RE = /^(?:Commission|Comisi[óo]n|Комиссии|اللجنة|委员会)$/;
const COMMISSIONS = new Set<BodyCode>(['CHR', 'CPD', 'CSW', 'CSocD', 'CND', 'CCPCJ', 'CSTD', 'CSD']);
/** Bodies whose names are masculine in Russian (Совет) and Arabic (مجلس): the councils. */
export const COUNCILS = new Set<BodyCode>(['SC', 'ECOSOC', 'HRC']);

/** Abbreviations of the locators and references inlined footnotes hold, in six languages. */
const ABBREVIATION_END_RE =
  /(?:^|[\s(])(?:sect|chap|para|paras|par|vol|No|no|p|pp|cap|secc|párr|art|Add|Corr|Rev|Ibid|Ibíd|Suppl|гл|разд|п|стр|См|Там же)$/;

/**
 * Whether the full stop at `i` ends a sentence: no comma, closing parenthesis or lower-case letter after it,
 * and no abbreviation before it.
 */
function sentenceEnd(clause: string, i: number): boolean {
  const next = clause.charCodeAt(i + 1);
  // "…, الفرع ألف.)" : the full stop that closes an inlined footnote, before its parenthesis.
  if (next === 44 || next === 41 || (next >= 97 && next <= 122)) return false;
  if (next === 32) {
    const after = clause.charCodeAt(i + 2);
    if (after === 44 || (after >= 97 && after <= 122) || (after >= 0x430 && after <= 0x44f)) return false;
  }
  return !ABBREVIATION_END_RE.test(clause.slice(Math.max(0, i - 8), i));
}

/**
 * The body a short name ("the Commission", "المجلس") points back to: the last body of its family
 * named in full earlier in the same sentence ("those of the Commission on Human Rights …, in
 * particular Commission resolution 1998/72"; "قرارات لجنة حقوق الإنسان …، ولا سيما قرار اللجنة
 * 1998/72"). Bounded look-behind, stops at . ; or a line break. None: the number's form decides.
 */
export function shortBodyBefore(text: string, pos: number, short: string): BodyCode | undefined {
  const family = COMMISSION_RE.test(short) ? COMMISSIONS : COUNCILS;
  // 400 characters: a sentence with an inlined footnote or two (UN texts put footnote bodies in the paragraph).
  let clause = text.slice(Math.max(0, pos - 400), pos);
  for (let i = clause.length - 1; i >= 0; i--) {
    const c = clause.charCodeAt(i);
    // "." ";" line break; a full stop inside a symbol ("A/HRC/39/17.") ends the sentence too: harmless. The
    // full stops of an inlined footnote's locator ("…, chap. IV, sect. A., ainsi que la résolution 46/17 du
    // Conseil") do not: one before a comma or a lower-case word, or after an abbreviation.
    if ((c === 46 && sentenceEnd(clause, i)) || c === 59 || c === 10 || c === 0x3002 || c === 0xff1b) {
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
const BODY_PAIR_RE = lazyRegExp(
  `^(?:${BODY_ANY_SRC})(?:\\s+(?:and|et|y|и)\\s+(?:the\\s+|del?\\s+|du\\s+|de la\\s+|de l[’']\\s*)?|\\s+و\\s*)(?:${BODY_ANY_SRC})$`,
);

const APOSTROPHE_RE = /[’']/;

const BODY_G_RE = lazyRegExp(BODY_ANY_SRC, 'g');
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

/** The head phrase governing a number. */
export interface Head {
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
export function headBefore(text: string, pos: number, floor: number): Head | undefined {
  let i = skipSpaceBack(text, pos, floor);
  // Every number sign ends in one of these ("No.", "no", "n°", "núm.", "№", "رقم"): the regex only runs after one.
  const last = i > floor ? text.charCodeAt(i - 1) : 0;
  const signEnd =
    last === 46 || last === 111 || last === 0xb0 || last === 0xba || last === 0x2116 || last === 0x645;
  const sign = signEnd ? NUMBER_SIGN_RE.exec(text.slice(Math.max(floor, i - 8), i)) : null;
  if (sign) i = skipSpaceBack(text, i - sign[0].length, floor);
  const hashed: HashedWord = { hash: 0 };
  let ws = wordStartHashed(text, i, floor, hashed);
  if (ws === i) return undefined;
  let noun = nounAt(text, ws, i, hashed.hash);
  // Arabic and Spanish may put an adjective between the noun and the number: "القرار الأخير 46/21",
  // "والقرار اللاحق 75/309", "قرار المجلس اللاحق 57/26", "الصادر مؤخرا", "la resolución posterior 75/309".
  for (let k = 0; k < 2 && !noun && adjectiveBetween(text, ws, i); k++) {
    i = skipSpaceBack(text, ws, floor);
    ws = wordStartHashed(text, i, floor, hashed);
    if (ws === i) return undefined;
    noun = nounAt(text, ws, i, hashed.hash);
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
      const s2 = wordStartHashed(text, e, floor, hashed);
      if (s2 === e) return undefined;
      noun = nounAt(text, s2, e, hashed.hash);
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

/**
 * After a connector, the number is one of "the resolutions … of BODY" named just before: "recalling the
 * resolutions and decisions of the Human Rights Council, the most recent of which being resolutions 56/1",
 * "du Conseil des droits de l’homme, dont la plus récente est la résolution 56/1", "Совета по правам
 * человека, последней из которых является резолюция 56/1", "مجلس حقوق الإنسان، وآخرها القرارات 56/1".
 */
const LIST_CONNECTOR_RE = lazyRegExp(
  `[,،]\\s{0,2}(?:(?:the\\s+)?most\\s+recent(?:ly)?(?:\\s+of\\s+which)?(?:\\s+(?:being|was|were|is|are))?|including(?:\\s+the\\s+most\\s+recent,?)?|in\\s+particular|notably|such\\s+as|especially|dont\\s+(?:la|les|le)\\s+plus\\s+récentes?(?:\\s+(?:est|sont))?|notamment|en\\s+particulier|y\\s+compris|(?:la|las|el|los)\\s+más\\s+recientes?(?:\\s+de\\s+(?:las|los)\\s+cuales\\s+(?:es|son))?|en\\s+particular|incluid[ao]s?|последн(?:ей|ими|им|яя|ие|ий)\\s+из\\s+(?:которых|них)(?:\\s+(?:является|являются|была|были))?|в\\s+частности|включая|وآخرها|و?لا\\s+سيما|بما\\s+في\\s+ذلك)(?:\\s+(?:the|la|les|las|los|el))?\\s{0,2}$`,
);
/** Before the connector's comma: the numberless "resolutions (and decisions) of BODY" the list belongs to. */
const NOUNS = `(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})(?:\\s+(?:and|et|y|и)\\s+(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC})|\\s*و(?:${RES_NOUN_SRC}|${DEC_NOUN_SRC}))?`;
/**
 * "resolutions of the Human Rights Council", "résolutions pertinentes du Conseil …", "resoluciones pertinentes
 * del Consejo …", "قرارات مجلس حقوق الإنسان ذات الصلة" (an adjective may stand after the noun or the body), or
 * the body first: "relevant Human Rights Council resolutions".
 */
const RESOLUTIONS_OF_RE = lazyRegExp(
  `(?:${NOUNS}(?:\\s+(?:pertinent[e]?s|relevantes|pertinentes|connexes))?\\s+(?:(?:adopted\\s+by|of)\\s+the\\s+|adoptées\\s+par\\s+le\\s+|aprobadas\\s+por\\s+el\\s+|du\\s+|de\\s+la\\s+|del\\s+|de\\s+l[’']\\s?)?(?<body>${BODY_ANY_SRC})(?:\\s+ذات\\s+الصلة)?|(?<bodyFirst>${BODY_ANY_SRC})\\s+${NOUNS})$`,
);
/** Called only when a word stands right before the noun (every connector ends in one, maybe an article). */
export function bodyOfResolutionsBefore(
  text: string,
  nounStart: number,
  floor: number,
): BodyCode | undefined {
  const near = text.slice(Math.max(floor, nounStart - 60), nounStart);
  const c = LIST_CONNECTOR_RE.exec(near);
  if (!c) return undefined;
  const commaAt = nounStart - near.length + c.index;
  const before = text.slice(Math.max(floor, commaAt - 160), commaAt);
  const m = RESOLUTIONS_OF_RE.exec(before);
  const body = m?.groups?.body ?? m?.groups?.bodyFirst;
  return body ? bodyOf(body) : undefined;
}
